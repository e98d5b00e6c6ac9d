"""The planner's pages, included inside i18n_patterns: /<lang>/toolkit/planner/ and its CSV."""

from django.urls import path

from . import views

urlpatterns = [
    path("toolkit/planner/", views.planner, name="toolkit_planner"),
    path("toolkit/planner/plan.csv", views.planner_csv, name="toolkit_planner_csv"),
]
