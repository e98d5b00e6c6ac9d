"""Finding the page a URL names below a home page in one query, not two per level.

Wagtail's ``Page.route`` walks down one level at a time: the child with the next slug, then that child's specific
page, then its child ... ``route_below`` reads every page on the way in one query (by ``url_path``, which Wagtail
keeps in step with the slugs), then hands over to the first page on the way whose class routes by itself
(``RoutablePageMixin``: the toolkit, the news index) exactly as Wagtail would, or to the last page.
"""

from django.http import Http404

from wagtail.models import Page


def routes_by_itself(page):
    """Does ``page``'s class route its sub-paths itself (not Wagtail's plain child-by-slug walk)?"""
    return page.specific_class is not None and page.specific_class.route is not Page.route


def route_below(parent, request, path_components):
    """Wagtail's ``RouteResult`` for ``path_components`` below ``parent`` (a specific page with Wagtail's own route)."""
    prefixes = [
        parent.url_path + "".join(f"{slug}/" for slug in path_components[: i + 1]) for i in range(len(path_components))
    ]
    found = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes, path__startswith=parent.path)}
    for depth, prefix in enumerate(prefixes):
        page = found.get(prefix)
        if page is None or page.depth != parent.depth + 1:
            raise Http404
        remaining = path_components[depth + 1 :]
        if not remaining or routes_by_itself(page):
            specific = page.specific
            specific._cached_parent_obj = parent  # as Wagtail does: get_parent() needs no query
            return specific.route(request, remaining)
        parent = page
    raise Http404
