"""Open-data URLs: the CSV/JSON downloads beside the dashboard (inside each language) and the read-only API."""

from django.urls import path, re_path

from . import api, explorer_views, group_report_views, views

download_patterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)+)figures\.(?P<fmt>csv|json)$", views.figures_download, name="impact_figures"),
    re_path(r"^(?P<path>(?:[\w\-]+/)+)datapackage\.json$", explorer_views.datapackage, name="impact_datapackage"),
    re_path(r"^(?P<path>(?:[\w\-]+/)+)compare/$", explorer_views.compare, name="impact_compare"),
]

# ``<dashboard url><indicator>.csv`` / ``.metadata.json`` / ``.svg``: after every other app's fixed paths (the
# planner's ``plan.csv``), just before Wagtail's pages (config/urls.py).
indicator_download_patterns = [
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)(?P<code>[a-z0-9_-]{1,60})\.(?P<fmt>csv|metadata\.json|svg)$",
        views.indicator_download,
        name="impact_indicator_download",
    ),
]

api_patterns = [
    re_path(r"^figures/$", api.FigureListView.as_view(), name="impact_api_figures"),
    re_path(r"^indicators/$", api.IndicatorListView.as_view(), name="impact_api_indicators"),
]

# A network group's private report form (``impact.group_report_views``), inside each language.
group_report_patterns = [
    path("network/report/<str:token>/", group_report_views.group_report, name="impact_group_report"),
]
