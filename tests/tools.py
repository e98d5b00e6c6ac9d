"""Tests that need a program from the machine (LibreOffice, ...): skipped loudly on a developer's machine without
it, a failure in CI (``CI`` set, as ``.ci/run`` does, which installs them), so no check passes by not running."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def in_ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def require_program(*names, package="libreoffice-calc-nogui"):
    """The path of the first of ``names`` found on PATH; otherwise skip (or fail in CI)."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    reason = f"{' / '.join(names)} not found (apt-get install {package})"
    if in_ci():
        pytest.fail(f"cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"!!! SKIPPED: {reason}")


ROOT = Path(__file__).resolve().parent.parent


def _run(script, database):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=f"sqlite:///{database}")
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# Every migration of the apps that are not ours (Django's, Wagtail's, ...), in the order ``migrate`` would apply them.
# No post_migrate signal: ``migrate`` sends it once, at the end of the migration test's own first run.
THIRD_PARTY_SCRIPT = r"""
import json
from pathlib import Path
import django
django.setup()
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

root = Path.cwd().resolve()
ours = {config.label for config in apps.get_app_configs() if (root / config.name.split(".")[0] / "__init__.py").exists()}
executor = MigrationExecutor(connection)
targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ours]
executor.migrate(targets)
print(json.dumps(sorted(ours)))
"""


def third_party_migrated(directory):
    """A SQLite file in ``directory`` with every other app's migrations applied and none of ours: the part of a fresh
    database that the migration tests share (most of the migrating time is Wagtail's), made once per session."""
    database = directory / "third-party.sqlite3"
    ours = _run(THIRD_PARTY_SCRIPT, database)
    assert {"home", "casestudies", "impact", "toolkit", "selfcheck"} <= set(ours), ours
    return database


def run_on_fresh_database(script, tmp_path, third_party=None):
    """Run ``script`` (Python source that sets up Django itself) in a new interpreter with the test settings on a new
    SQLite file, as migration tests need (real migrations, not the test database); the JSON it prints last.

    With ``third_party`` (the ``third_party_migrated`` fixture), the file starts as a copy of it: every other app's
    migrations applied, none of ours, so the script's ``migrate`` runs our apps' migrations only."""
    database = tmp_path / "migrate.sqlite3"
    if third_party is not None:
        shutil.copyfile(third_party, database)
    return _run(script, database)


# Cells a spreadsheet would run as formulas (OWASP's CSV injection list): what every CSV the site writes must defuse.
FORMULA_CELLS = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
]
