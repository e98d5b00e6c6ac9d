from wagtail.snippets.models import register_snippet

from .selfcheck_hooks import ReadinessViewSetGroup

register_snippet(ReadinessViewSetGroup)
