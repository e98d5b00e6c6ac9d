"""A small read-only JSON API over the open-data rows (documented in docs/open-data.md).

``/api/v1/impact/figures/?lang=en&unit=…&indicator=…&from=…&to=…`` returns the same rows as
``figures.json``; ``/api/v1/impact/indicators/?lang=en`` the indicator catalogue. Anonymous, GET only.

Both are public downloads (``home.downloads``): gzip-compressed for clients that accept it, and a repeat with the
``ETag`` or ``Last-Modified`` is answered 304 before anything is read. The figures are read from the database a batch
at a time and, past ``impact.views.STREAM_ROWS`` rows, sent as they are read (``impact.queries.streamed_figure_rows``):
the same bytes REST framework would write, never the whole list in memory, in a fixed number of queries.
"""

from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils.decorators import method_decorator

from wagtail.models import Locale

from home.downloads import public_download

from . import views
from .filters import FILTER_PARAMETERS, FilterError, parse_filters
from .queries import catalogue, figures_payload, streamed_figure_rows


@method_decorator(public_download, name="dispatch")
class OpenDataView(APIView):
    renderer_classes = [JSONRenderer]
    permission_classes = [AllowAny]
    authentication_classes = []
    http_method_names = ["get", "head", "options"]
    # ``format`` is Django REST framework's own (``?format=json``).
    query_parameters = ("lang", "format")

    def locale_or_error(self, request):
        code = request.query_params.get("lang", settings.LANGUAGE_CODE)
        # Only the site's languages reach the database (a NUL byte in ``lang`` is a 500 on PostgreSQL).
        locale = Locale.objects.filter(language_code=code).first() if code in dict(settings.LANGUAGES) else None
        if locale is None:
            return None, Response({"error": f"unknown lang: {code}"}, status=400)
        return locale, None


class FigureListView(OpenDataView):
    """Figures of published units, filtered like the dashboard, labelled in ``lang`` (default Thai)."""

    query_parameters = ("lang", "format", *FILTER_PARAMETERS)

    def get(self, request):
        locale, error = self.locale_or_error(request)
        if error:
            return error
        cat = catalogue(locale)
        try:
            filters = parse_filters(request.query_params, set(cat.units), set(cat.indicators))
        except FilterError as bad:
            return Response({"error": f"bad filter value: {bad}"}, status=400)
        if request.method == "HEAD":  # the headers of the download, and no figure read
            return StreamingHttpResponse(iter(()), content_type=JSONRenderer.media_type)
        count, rows = streamed_figure_rows(cat, filters)
        rows = (row.export() for row in rows)
        if count > views.STREAM_ROWS:  # programme scale: sent row by row as it is read, never held whole
            renderer = JSONRenderer()
            chunks = views.json_chunks(
                figures_payload(locale.language_code, rows, count),
                lambda value: renderer.render(value).decode(),
                "," if renderer.compact else ", ",
            )
            return StreamingHttpResponse(chunks, content_type=renderer.media_type)
        return Response(figures_payload(locale.language_code, list(rows)))


class IndicatorListView(OpenDataView):
    """The indicator catalogue in ``lang``."""

    def get(self, request):
        locale, error = self.locale_or_error(request)
        if error:
            return error
        cat = catalogue(locale)
        return Response(
            {
                "language": locale.language_code,
                "indicators": [
                    {
                        "code": info.code,
                        "name": info.name,
                        "definition": info.definition,
                        "unit_of_measure": info.unit,
                        "direction": info.direction,
                        "how_measured": info.how_measured,
                        "weighted_by": info.weight_code,
                    }
                    for info in cat.indicators.values()
                ],
            }
        )
