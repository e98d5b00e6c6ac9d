"""The admin of taxonomy terms (``home.models.TranslatableTerm``): one snippet viewset that every term model uses."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TermViewSet(SnippetViewSet):
    """A term listing: name and slug, searchable by both, sorted by name. Subclasses set ``model`` and
    ``menu_label`` (and ``icon``, or more ``list_display`` columns, where a term has more to show)."""

    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]
