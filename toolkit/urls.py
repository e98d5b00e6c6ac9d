"""Bundle downloads; included inside i18n_patterns before Wagtail's catch-all (dots never reach Wagtail's router)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:slug>/toolkit.<str:kind>", views.bundle, name="toolkit_bundle"),
    path("<slug:slug>/<str:step>/step.pdf", views.step_pdf, name="toolkit_step_pdf"),
]
