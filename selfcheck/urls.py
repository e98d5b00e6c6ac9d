"""The self-check's page, included inside i18n_patterns: /<lang>/toolkit/self-check/."""

from django.urls import path

from . import views

urlpatterns = [
    path("toolkit/self-check/", views.self_check, name="toolkit_self_check"),
]
