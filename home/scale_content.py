"""What the feature apps' scale content (``<app>.scale``, run by ``manage.py generate_scale_content``) shares.

The generated pages' slugs are fixed by their number, so a second run finds what the first made and adds nothing,
and each app can find the others' generated pages without importing them (feature apps are independent).
"""

UNIT_PREFIX = "scale-unit-"
NEWS_PREFIX = "scale-news-"


def unit_slug(number):
    """The slug of illustrative unit ``number`` (from 1): ``scale-unit-001``."""
    return f"{UNIT_PREFIX}{number:03d}"


def news_slug(number):
    """The slug of illustrative news item ``number`` (from 1): ``scale-news-001``."""
    return f"{NEWS_PREFIX}{number:03d}"
