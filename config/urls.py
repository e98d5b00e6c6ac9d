from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import translation_review_views
from home import views as home_views
from impact import urls as impact_urls

urlpatterns = [
    path("", home_views.root_redirect, name="root"),
    path("healthz", home_views.healthz, name="healthz"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", home_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sw.js", home_views.service_worker, name="service_worker"),
    path("offline/", home_views.offline_page, name="offline"),
    # Before the admin: wagtail-localize's publishing views, with Review in front (see home.translation_review_views).
    path("admin/localize/", include(translation_review_views.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/impact/", include(impact_urls.api_patterns)),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Django serving uploads: development, and production settings tried locally (SERVE_MEDIA, see production.py).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path("", include(impact_urls.download_patterns)),
    path("search/", home_views.search, name="search"),
    path("", include("toolkit.urls")),
    path("", include("planner.urls")),
    path("", include("selfcheck.urls")),
    path("", include("network.urls")),
    path("", include(impact_urls.group_report_patterns)),
    path("manifest.webmanifest", home_views.web_manifest, name="web_manifest"),
    path("", include(impact_urls.indicator_download_patterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
