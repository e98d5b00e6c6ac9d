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


def run_on_fresh_database(script, tmp_path):
    """Run ``script`` (Python source that sets up Django itself) in a new interpreter with the test settings on a new
    SQLite file, as migration tests need (real migrations, not the test database); the JSON it prints last."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'migrate.sqlite3'}",
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# Cells a spreadsheet would run as formulas (OWASP's CSV injection list): what every CSV the site writes must defuse.
FORMULA_CELLS = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
]
