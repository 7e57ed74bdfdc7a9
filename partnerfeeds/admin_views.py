"""The feeds' status page (health, duplicates, pages editors made their own) and the "Nu ophalen" button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from redactie.admin_views import AdminView

from .importer import import_feed
from .models import PartnerEvent, PartnerFeed

PERMISSION = "partnerfeeds.change_partnerfeed"


def may_manage(user):
    return user.is_active and user.has_perm(PERMISSION)


class StatusView(AdminView):
    template_name = "partnerfeeds/admin/status.html"
    page_title = gettext_lazy("Agenda's van partners: status")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = PartnerEvent.objects.select_related("feed", "page", "dubbel_van").order_by("feed__naam", "start")
        context.update(
            feeds=PartnerFeed.objects.select_related("buurt").order_by("naam"),
            dubbel=events.filter(dubbel_van__isnull=False, verwijderd=False),
            gewijzigd=events.filter(door_redactie_gewijzigd=True, page__isnull=False),
        )
        return context


@require_POST
def ophalen(request, feed_id):
    if not may_manage(request.user):
        raise PermissionDenied
    feed = get_object_or_404(PartnerFeed, pk=feed_id)
    result = import_feed(feed)
    if result is None:
        messages.error(request, _("%(naam)s is niet opgehaald: %(fout)s") % {"naam": feed.naam, "fout": feed.fout})
    else:
        messages.success(request, _("%(naam)s is opgehaald: %(wat)s.") % {"naam": feed.naam, "wat": result})
    return redirect("partnerfeeds_status")
