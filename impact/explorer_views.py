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
from home.localisation import current_language
from home.query_parameters import reads_query
from home.request_site import page_url

from .addresses import dashboard_at, dashboard_section
from .compare import MAX_UNITS, MIN_UNITS, SelectionError, compare_query, comparison, selected_units, selection_message
from .datapackage import data_package
from .filters import Filters
from .queries import LocaleRef, catalogue, figure_rows


@require_safe
@reads_query()
def datapackage(request, path):
    """``<dashboard url>datapackage.json``: the Frictionless Data Package of ``figures.csv``."""
    page = dashboard_at(request, path)
    if page is None:
        raise Http404
    cat = catalogue(page.locale)
    package = data_package(
        title=_("Impact figures of the learning units"),
        source_title=page.title,
        homepage=request.build_absolute_uri(page.get_url(request)),
        package_url=request.build_absolute_uri(request.path),
        language=page.locale.language_code,
        indicators=cat.indicators,
    )
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})


def compare_chooser(units, region, ticked):
    """The form's ``UnitChooser`` (``casestudies.choosers``): every unit by region while they are few, else the
    units of the ``?region=`` chosen and those ticked; units by province then name."""
    ordered = sorted(units, key=lambda u: (u.province, u.name))
    return unit_chooser(ordered, lambda unit: unit.region, lambda unit: unit.slug, region, ticked)


@require_safe
@reads_query("unit", "region")
def compare(request, path):
    """``<dashboard url>compare/?unit=a~b~c``: 2 to 5 units side by side on every indicator; else the form."""
    page = dashboard_section(request, path)
    if page is None:
        from wagtail.views import serve

        return serve(request, path + "compare/")
    language = current_language()
    cat = catalogue(LocaleRef(page.locale_id, language))
    error = None
    try:
        slugs = selected_units(request.GET.getlist("unit"), set(cat.units))
    except SelectionError as bad:
        slugs, error = (), bad
    blocks = comparison(cat, figure_rows(cat, Filters(units=slugs)), slugs, language) if slugs else []
    ticked = slugs or (error.units if error else ())
    chooser = compare_chooser(cat.units.values(), request.GET.get("region"), ticked)
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
