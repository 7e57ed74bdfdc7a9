from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from redactie import melding as redactie_melding
from search import api as search_api
from search import views as search_views

# The portal's own error pages, in the reader's language; the 500 and 503 pages render without the database.
handler404 = "portal.errors.not_found"
handler500 = "portal.errors.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/zoeken/", search_api.search, name="search_api"),  # not language-prefixed; ?lang=en
]

urlpatterns += i18n_patterns(
    path("zoeken/", search_views.search, name="search"),
    path("klopt-er-iets-niet/<int:page_id>/", redactie_melding.melding, name="melding"),
    path("", include("activiteiten.urls")),  # agenda, .ics feeds, weekoverzicht
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
