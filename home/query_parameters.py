"""Which query-string parameters a page or a view reads, declared once beside the code that reads them.

Pages declare them as a class attribute, views with the ``reads_query`` decorator::

    class NewsIndexPage(Page):
        query_parameters = ("year", "unit", "page")

    @reads_query("q", "kind", "page")
    def search(request): ...

A declaration may also be a callable taking the request, for parameters named from content (the self-check's
questions). ``tests/test_fuzz.py`` checks every declaration against what the page really reads, then sends
every malicious value to every declared parameter of every page that reads it.
"""


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
