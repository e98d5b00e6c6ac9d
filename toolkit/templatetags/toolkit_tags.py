from django import template
from django.utils.translation import get_language

from toolkit.models import ToolkitPage

register = template.Library()


@register.inclusion_tag("toolkit/includes/toolkit_entry.html", takes_context=True)
def toolkit_entry(context):
    """The home page's way into the toolkit in the current language (nothing when there is none)."""
    toolkit = (
        ToolkitPage.objects.live().public().filter(locale__language_code=get_language(), alias_of__isnull=True).first()
    )
    steps = toolkit.live_steps().count() if toolkit else 0
    return {"toolkit": toolkit, "step_count": steps, "request": context.get("request")}
