"""Finding the page a URL names below a home page in one query, not two per level.

Wagtail's ``Page.route`` walks down one level at a time: the child with the next slug, then that child's specific
page, then its child ... ``route_below`` reads every page on the way in one query (by ``url_path``, which Wagtail
keeps in step with the slugs), then hands over to the first page on the way whose class routes by itself
(``RoutablePageMixin``: the toolkit, the news index) exactly as Wagtail would, or to the last page.
"""

from functools import partial

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from . import compiled_sql


def _specific_page(model, page_id):
    return model._default_manager.filter(id=page_id).order_by()


def specific_of(page):
    """``page.specific`` (kept on the page as Wagtail keeps it), its one query's SQL compiled once per page class
    (``home.compiled_sql``)."""
    if "specific" in page.__dict__:
        return page.specific
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    found = compiled_sql.objects(("specific-page", model._meta.label), partial(_specific_page, model), page.pk)
    if not found:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    specific_page = found[0]
    for name, value in page.__dict__.items():  # as Wagtail's get_specific: what was read or worked out already
        specific_page.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific_page
    return specific_page


def routes_by_itself(page):
    """Does ``page``'s class route its sub-paths itself (not Wagtail's plain child-by-slug walk)?"""
    return page.specific_class is not None and page.specific_class.route is not Page.route


def routes_to_a_child(page, remaining):
    """Would ``page``'s own ``route`` hand ``remaining`` (not empty) to its child by slug, as ``Page.route`` does,
    so that its specific fields are not needed? True for a page with Wagtail's plain route, and for a routable page
    (``RoutablePageMixin``, nothing else overriding ``route``) that is not live or none of whose own routes match."""
    cls = page.specific_class
    if cls is None:
        return False
    routes = [vars(klass)["route"] for klass in cls.__mro__ if "route" in vars(klass)]
    if routes[0] is Page.route:
        return True
    if routes[:2] != [RoutablePageMixin.route, Page.route]:
        return False
    if not page.live:
        return True
    try:
        cls.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:
        return True
    return False


def only_child_of_its_type(parent, slug):
    """The live or draft page ``slug`` directly below ``parent``, already specific, in one query, when ``parent``'s
    class allows a single page type below it and the page is of exactly that type; else None (then ask again)."""
    cls = parent.specific_class
    models = cls.allowed_subpage_models() if cls is not None else []
    if len(models) != 1 or models[0] is Page:
        return None
    model = models[0]
    # Siblings' slugs differ, so a ``url_path`` names one page of the whole tree: the child's is its parent's and its
    # slug (its SQL compiled once per page class, ``home.compiled_sql``: building it cost more than running it).
    found = compiled_sql.objects(
        ("only-child", model._meta.label), partial(_by_url_path, model), f"{parent.url_path}{slug}/"
    )
    page = found[0] if found else None
    if page is None or page.depth != parent.depth + 1:
        return None
    return page if page.specific_class is model else None


def _by_url_path(model, url_path):
    return model.objects.filter(url_path=url_path).order_by()[:1]


def route_below(parent, request, path_components):
    """Wagtail's ``RouteResult`` for ``path_components`` below ``parent``, a page that hands them to its children
    by slug as ``Page.route`` does (its specific fields are not needed; it becomes the found page's parent).
    A single component naming a page of the only type allowed below ``parent`` is one query (toolkit steps, news
    items); otherwise two (every page on the way, then the specific one that routes the rest)."""
    if len(path_components) == 1:
        page = only_child_of_its_type(parent, path_components[0])
        if page is not None:
            page._cached_parent_obj = parent
            return page.route(request, [])
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
            specific = specific_of(page)
            specific._cached_parent_obj = parent  # as Wagtail does: get_parent() needs no query
            return specific.route(request, remaining)
        parent = page
    raise Http404


def route_from_sections(root, request, path_components):
    """The route of a page below the home page ``root`` from the home page's sections the menu reads anyway
    (``home.home_sections``, public live pages only), or None when the path's section is not among them. A page
    below a section is looked for below the section as it was read (``route_below``), unless one of the section's
    own routes (``RoutablePageMixin``) answers."""
    from django.utils import translation

    from .home_sections import home_sections

    found = home_sections(request, translation.get_language())
    if found.home is None or found.home.pk != root.pk:
        return None
    url_path = f"{root.url_path}{path_components[0]}/"
    page = next((section for section in found.sections if section.url_path == url_path), None)
    if page is None:
        return None
    remaining = path_components[1:]
    if remaining and routes_to_a_child(page, remaining):
        return route_below(page, request, remaining)
    specific = specific_of(page)
    specific._cached_parent_obj = root
    return specific.route(request, remaining)


def route_for_request(request, path):
    """What ``Page.route_for_request`` answers, from the request's site read in two queries
    (``home.request_site``); a page directly below the home page is found among the home page's sections."""
    from .models import HomePage
    from .request_site import prime

    root = prime(request).localized_root()
    if root is None:
        return None
    path_components = [component for component in path.split("/") if component]
    try:
        if path_components and root.specific_class is HomePage:
            return route_from_sections(root, request, path_components) or route_below(root, request, path_components)
        return specific_of(root).route(request, path_components)
    except Http404:
        return None


class WagtailRequestMiddleware:
    """Routes Wagtail's page view with ``route_for_request`` (Wagtail then uses the route kept on the request).
    Other views read the site when they first need a page's URL (``home.request_site.page_url``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if view_func is serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = route_for_request(request, path)
