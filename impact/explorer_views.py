"""Views beside the dashboard for reuse and comparison: ``datapackage.json`` and ``compare/``.

Both are served under the dashboard's URL in each language (``/th/impact/datapackage.json``,
``/en/impact/compare/?unit=a~b``), routed in ``impact/urls.py`` before Wagtail's pages. A ``compare/`` path
that is not under the dashboard is handed to Wagtail, so a page with that slug elsewhere is still served.
"""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from casestudies.choosers import unit_chooser
from casestudies.models import Region
from home.localisation import current_language
from home.query_parameters import parse_choice, reads_query, slugs_in
from home.request_site import page_url

from .addresses import dashboard_at, dashboard_section
from .compare import (
    MAX_UNITS,
    MIN_UNITS,
    SEPARATOR,
    SelectionError,
    compare_query,
    comparison,
    selected_units,
    selection_message,
)
from .datapackage import data_package
from .filters import Filters
from .queries import LocaleRef, chooser_catalogue, figure_rows, indicators_in

# The most slugs of ``?unit=`` looked up: a form lists at most 5 to choose; more than this many are unknown.
ASKED_MAX = 50


@require_safe
@reads_query()
def datapackage(request, path):
    """``<dashboard url>datapackage.json``: the Frictionless Data Package of ``figures.csv``."""
    page = dashboard_at(request, path)
    if page is None:
        raise Http404
    indicators = indicators_in(page.locale)
    package = data_package(
        title=_("Impact figures of the learning units"),
        source_title=page.title,
        homepage=request.build_absolute_uri(page.get_url(request)),
        package_url=request.build_absolute_uri(request.path),
        language=page.locale.language_code,
        indicators=indicators,
    )
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})


def compare_chooser(units, region, ticked, regions=None):
    """The form's ``UnitChooser`` (``casestudies.choosers``): every unit by region while they are few, else the
    units of the ``?region=`` chosen and those ticked; units by province then name. ``regions``: those of every
    unit, where ``units`` are only those the chooser could list (``queries.chooser_catalogue``)."""
    ordered = sorted(units, key=lambda u: (u.province, u.name))
    return unit_chooser(ordered, lambda unit: unit.region, lambda unit: unit.slug, region, ticked, regions=regions)


@require_safe
@reads_query("unit", "region")
def compare(request, path):
    """``<dashboard url>compare/?unit=a~b~c``: 2 to 5 units side by side on every indicator; else the form."""
    page = dashboard_section(request, path)
    if page is None:
        from wagtail.views import serve

        return serve(request, path + "compare/")
    language = current_language()
    values, region = request.GET.getlist("unit"), request.GET.get("region")
    # Only the units the form could list are read (issue 22): those asked for, those of the region and the first.
    known_region = parse_choice((region or "").strip(), set(Region.values))
    cat, regions = chooser_catalogue(
        LocaleRef(page.locale_id, language), slugs_in(values, SEPARATOR, ASKED_MAX), known_region
    )
    error = None
    try:
        slugs = selected_units(values, set(cat.units))
    except SelectionError as bad:
        slugs, error = (), bad
    blocks = comparison(cat, figure_rows(cat, Filters(units=slugs)), slugs, language) if slugs else []
    ticked = slugs or (error.units if error else ())
    chooser = compare_chooser(cat.units.values(), region, ticked, regions)
    context = {
        "dashboard": page,
        "language": language,
        "chooser": chooser,
        "groups": chooser.groups,
        "ticked": ticked,
        "selected": [cat.units[slug] for slug in slugs],
        "blocks": blocks,
        "message": selection_message(error.code) if error else "",
        "query": compare_query(slugs) if slugs else "",
        "min_units": MIN_UNITS,
        "max_units": MAX_UNITS,
        "dashboard_url": page_url(request, page.url_path),  # once, not per indicator
        "any_illustrative": any(block.any_illustrative for block in blocks),
    }
    return TemplateResponse(request, "impact/compare.html", context, status=400 if error else 200)
