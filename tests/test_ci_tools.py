"""With ``CI`` set (``.ci/run`` sets it) a missing program fails the run; on a developer's machine it skips loudly.
So no check can pass in CI by not running."""

import pytest

from tests.browser.conftest import skip_loudly
from tests.tools import require_program


@pytest.mark.parametrize(
    "missing",
    [
        lambda: require_program("odf-no-such-program", package="nothing"),
        lambda: skip_loudly("chromium not found"),
    ],
    ids=["program", "browser"],
)
def test_a_missing_program_fails_in_ci_and_skips_elsewhere(monkeypatch, missing):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception):
        missing()
    for value in ("", "0", "false"):
        monkeypatch.setenv("CI", value)
        with pytest.raises(pytest.skip.Exception):
            missing()
