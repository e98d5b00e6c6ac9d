"""Tests that need a program from the machine (LibreOffice, ...): skipped loudly on a developer's machine without
it, a failure in CI (``CI`` set, as ``.ci/run`` does, which installs them), so no check passes by not running."""

import os
import shutil

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
