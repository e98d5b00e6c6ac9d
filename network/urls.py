"""The network's public pages, included inside i18n_patterns: /<lang>/network/ and the join form."""

from django.urls import path

from . import views

urlpatterns = [
    path("network/", views.network_index, name="network_index"),
    path("network/join/", views.join, name="network_join"),
    path("network/join/thanks/", views.join_thanks, name="network_join_thanks"),
    path("network/withdraw/<slug:token>/", views.withdraw, name="network_withdraw"),
]
