"""Admin: the feeds as a snippet (add, edit, delete) and a status page with a "Nu ophalen" button per feed."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import PartnerFeed


class PartnerFeedViewSet(SnippetViewSet):
    model = PartnerFeed
    icon = "date"
    menu_label = _("Agenda's van partners")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["naam", "buurt", "vertrouwd", "laatst_gelukt", "gezondheid"]
    panels = [FieldPanel("naam"), FieldPanel("url"), FieldPanel("buurt"), FieldPanel("vertrouwd")]


register_snippet(PartnerFeedViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [
        path("partneragendas/status/", admin_views.StatusView.as_view(), name="partnerfeeds_status"),
        path("partneragendas/<int:feed_id>/ophalen/", admin_views.ophalen, name="partnerfeeds_ophalen"),
    ]


class StatusMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_manage(request.user)


@hooks.register("register_admin_menu_item")
def status_menu():
    return StatusMenuItem(
        _("Agenda's van partners: status"), reverse("partnerfeeds_status"), icon_name="warning", order=261
    )
