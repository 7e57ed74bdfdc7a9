import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import seo
from postcodes import views as postcode_views
from redactie import melding as redactie_melding
from search import api as search_api
from search import views as search_views

# The portal's own error pages, in the reader's language; the 500 and 503 pages render without the database.
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.forbidden"
handler404 = "portal.errors.not_found"
handler500 = "portal.errors.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/zoeken/", search_api.search, name="search_api"),  # not language-prefixed; ?lang=en
    path("favicon.ico", seo.favicon, name="favicon"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": seo.PortalSitemap}}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("zoeken/", search_views.search, name="search"),
    path("klopt-er-iets-niet/<int:page_id>/", redactie_melding.melding, name="melding"),
    path("bij-mij-in-de-buurt/", postcode_views.bij_mij, name="bij_mij"),
    path("", include("activiteiten.urls")),  # agenda, .ics feeds, weekoverzicht
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Uploaded images only (see SERVE_MEDIA in portal/settings/base.py): documents keep their own view.
    from django.views.static import serve

    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(
            rf"^{media_prefix}(?P<path>(?:images|original_images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
            name="media_image",
        ),
    ]
