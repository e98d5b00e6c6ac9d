"""Template helpers for the translation editor (its page is wagtail-localize's, extended in templates/)."""

import json

from django import template

register = template.Library()


@register.filter
def without_convert_to_alias(props, page_perms):
    """The editor's JSON props without the *Convert to alias page* link, unless ``page_perms`` allow publishing.

    The link is only hidden here; the view itself refuses non-publishers (``home.translation_review_views``).
    """
    if page_perms is None or page_perms.can_publish():
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)
