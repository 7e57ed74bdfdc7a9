from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.models import register_snippet

from . import admin_views, docindex, populair_admin

register_snippet(populair_admin.PopulaireZoekvraagViewSet)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("zoekrapport/zonder-resultaat/", admin_views.zonder_resultaat, name="search_report_zonder_resultaat"),
        path("zoekrapport/meest-gezocht/", admin_views.meest_gezocht, name="search_report_meest_gezocht"),
        path("zoekrapport/populair/toevoegen/", populair_admin.toevoegen, name="search_populair_toevoegen"),
    ]


@hooks.register("register_reports_menu_item")
def register_zonder_resultaat_menu_item():
    return admin_views.ReportMenuItem(
        _("Zoekopdrachten zonder resultaat"),
        reverse("search_report_zonder_resultaat"),
        name="zoekopdrachten-zonder-resultaat",
        icon_name="search",
        order=1100,
    )


@hooks.register("register_reports_menu_item")
def register_meest_gezocht_menu_item():
    return admin_views.ReportMenuItem(
        _("Meest gezocht"), reverse("search_report_meest_gezocht"), name="meest-gezocht", icon_name="search", order=1110
    )


# Rebuild the search picture of the site in this process as soon as a page changes
# (other processes notice through the fingerprint in docindex.get_index).
page_published.connect(docindex.clear, dispatch_uid="search_docindex_published")
page_unpublished.connect(docindex.clear, dispatch_uid="search_docindex_unpublished")
