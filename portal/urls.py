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
from redactie import translation_views
from search import api as search_api
from search import views as search_views

# The portal's own error pages, in the reader's language; the 500 and 503 pages render without the database.
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.forbidden"
handler404 = "portal.errors.not_found"
handler500 = "portal.errors.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before the admin's own: wagtail-localize's views at the same addresses, limited to the editor's own pages.
    path("admin/localize/submit/page/<int:page_id>/", translation_views.submit_page_translation),
    path("admin/localize/update/<int:translation_source_id>/", translation_views.update_translations),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/zoeken/", search_api.search, name="search_api"),  # not language-prefixed; ?lang=en
    path("", include("partners.urls")),  # /api/v2/ and /open-data/<lang>/<file> (docs/partners.md)
    path("favicon.ico", seo.favicon, name="favicon"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": seo.PortalSitemap}}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("zoeken/", search_views.search, name="search"),
    path("klopt-er-iets-niet/<int:page_id>/", redactie_melding.melding, name="melding"),
    path("", include("partners.urls_pages")),  # the Open data page
    path("bij-mij-in-de-buurt/", postcode_views.bij_mij, name="bij_mij"),
    path("", include("activiteiten.urls")),  # agenda, .ics feeds, weekoverzicht
    path("", include("verwijzing.urls")),  # the referral card (signed-in professionals)
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
