"""Admin for the readiness self-check: themes and questions as ordered, translatable snippets."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ReadinessQuestion, ReadinessTheme


class ReadinessThemeViewSet(SnippetViewSet):
    model = ReadinessTheme
    icon = "folder-open-inverse"
    menu_label = _("Themes")
    sort_order_field = "sort_order"
    list_display = ["name"]
    search_fields = ["name"]


class ReadinessQuestionViewSet(SnippetViewSet):
    model = ReadinessQuestion
    icon = "help"
    menu_label = _("Questions")
    sort_order_field = "sort_order"
    list_display = ["text", "theme"]
    list_filter = ["theme"]
    search_fields = ["text"]


class ReadinessViewSetGroup(SnippetViewSetGroup):
    items = (ReadinessThemeViewSet, ReadinessQuestionViewSet)
    menu_icon = "tasks"
    menu_label = _("Readiness self-check")
    menu_name = "readiness-self-check"
    menu_order = 310


register_snippet(ReadinessViewSetGroup)
