"""Demo content for the toolkit app (issue-11 branch: only the readiness self-check).

Lead: when merging with the toolkit pages' demo, keep that module and call
``selfcheck_demo.load(stdout)`` at the end of its ``load`` (after the step pages exist).
"""

from . import selfcheck_demo


def load(stdout=None):
    selfcheck_demo.load(stdout)
