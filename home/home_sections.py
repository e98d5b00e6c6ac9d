"""The home page of the reader's language and its public child pages, read in one query per request (its
SQL compiled once, ``home.compiled_sql``).

The main menu, the footer's links and the news feed links of every page all come from this one read, kept on
the request (``request._home_sections``) and so never beyond it.
"""

from dataclasses import dataclass
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page

from . import compiled_sql
from .visibility import hidden_page_ids


@dataclass(frozen=True)
class HomeSections:
    home: Page | None  # the language's home page (a plain ``Page``), public or not, as the menu always showed it
    sections: tuple  # its live children the public may see, in tree order (plain ``Page`` objects)

    def of_type(self, model):
        """The sections that are pages of ``model`` (exactly that class)."""
        content_type_id = ContentType.objects.get_for_model(model).pk
        return [page for page in self.sections if page.content_type_id == content_type_id]


def _home_and_sections(language, home_type_id, hidden):
    children = Q(depth=3, live=True)
    if hidden is not None:
        children &= ~Q(pk__in=hidden)
    homes = Q(depth=2, content_type_id=home_type_id)
    return Page.objects.filter(locale__language_code=language).filter(homes | children).order_by("path")


def home_sections(request, language):
    """``HomeSections`` of ``language``: one query, then kept on ``request`` (when there is one) for the rest of it."""
    memo = getattr(request, "_home_sections", None) or {}
    if language in memo:
        return memo[language]
    from .models import HomePage

    hidden = hidden_page_ids()
    # The home pages' type is written into the SQL, not passed (it never changes): PostgreSQL then keeps one plan
    # that finds them and the sections by index (with the type as a parameter its generic plan scans every page,
    # so each request was planned anew: 0.2 ms).
    home_type_id = ContentType.objects.get_for_model(HomePage).pk
    rows = compiled_sql.objects(
        ("home-sections", language, home_type_id),
        partial(_home_and_sections, language, home_type_id),
        hidden or None,
    )
    home = next((page for page in rows if page.depth == 2), None)
    sections = tuple(page for page in rows if home is not None and page.depth == 3 and page.path.startswith(home.path))
    found = HomeSections(home, sections)
    if request is not None:
        request._home_sections = {**memo, language: found}
    return found
