"""Which query-string parameters a page or a view reads, declared once beside the code that reads them.

Pages declare them as a class attribute, views with the ``reads_query`` decorator::

    class NewsIndexPage(Page):
        query_parameters = ("year", "unit", "page")

    @reads_query("q", "kind", "page")
    def search(request): ...

A declaration may also be a callable taking the request, for parameters named from content (the self-check's
questions). ``tests/test_fuzz.py`` checks every declaration against what the page really reads, then sends
every malicious value to every declared parameter of every page that reads it. The page cache keys pages by
these parameters only (``home.page_cache``).
"""

import re
from urllib.parse import urlencode

SLUG = re.compile(r"[-\w]+")  # Django's unicode slugs, as Wagtail's pages have


def reads_query(*names):
    """Declare the query parameters a view reads: names, or one callable ``(request) -> names``."""

    def decorate(view):
        view.query_parameters = names[0] if len(names) == 1 and callable(names[0]) else tuple(names)
        return view

    return decorate


def declared_parameters(target, request=None):
    """The parameter names ``target`` (a page, a page class or a view) declares, as a frozenset."""
    names = getattr(target, "query_parameters", None)
    if names is None:  # a class-based view's function carries its class (Django's and REST framework's)
        names = getattr(getattr(target, "view_class", None), "query_parameters", ())
    if callable(names):
        names = names(request)
    return frozenset(names)


def normalised_query(query, names):
    """``query`` (a QueryDict) reduced to ``names``, in a fixed order: names sorted, values as given."""
    return urlencode([(name, value) for name in sorted(names) for value in query.getlist(name)])


def read_address(request):
    """The address as the page reads it: the path and only the parameters it declares, normalised. Cache keys and
    links back to the page (the language switcher) use it, so parameters the page ignores are never echoed or
    stored. Before the view is known (no declaration on the request yet), the full path."""
    declared = getattr(request, "query_parameters", None)
    if declared is None:
        return request.get_full_path()
    query = normalised_query(request.GET, declared)
    return f"{request.path}?{query}" if query else request.path


def slugs_in(values, separator, limit):
    """The slugs in ``values`` (a parameter's values, each of slugs joined by ``separator``), each once in the order
    given, at most ``limit``: only what could be a slug (the rest cannot be a known one, and PostgreSQL refuses a
    NUL byte with an error)."""
    asked = (slug.strip() for value in values for slug in value.split(separator))
    return [slug for slug in dict.fromkeys(asked) if SLUG.fullmatch(slug)][:limit]


def parse_choice(value, allowed):
    """``value`` when it is one of ``allowed`` (e.g. the slugs of the learning units), else None."""
    value = (value or "").strip()
    return value if value in allowed else None
