"""Admin views: resident reports (meldingen), the "not checked for 6 months" report, "Alles klopt nog"."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from .groups import is_beheerder
from .models import Melding

CHECK_DAYS = 183  # about 6 months


class AdminView(TemplateView):
    """A plain admin page with Wagtail's header."""

    page_title = ""
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=self.page_title, header_title=self.page_title, header_icon=self.header_icon)
        return context


def meldingen_for(user):
    """The reports this user sees: of every buurt they edit (communitymanager and welzijnswerker), no other."""
    qs = Melding.objects.select_related("page", "buurt")
    if is_beheerder(user):
        return qs
    return qs.filter(buurt__in=[b.pk for b in editable_buurten(user)])


class MeldingenView(AdminView):
    template_name = "redactie/admin/meldingen.html"
    page_title = gettext_lazy("Meldingen van bewoners")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not editable_buurten(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show = self.request.GET.get("toon", "open")
        meldingen = meldingen_for(self.request.user)
        if show != "alle":
            meldingen = meldingen.filter(afgehandeld=False)
        context.update(meldingen=meldingen, toon=show)
        return context

    def post(self, request):
        melding = get_object_or_404(meldingen_for(request.user), pk=request.POST.get("melding"))
        melding.zet_afgehandeld(request.POST.get("afgehandeld") == "1")
        if melding.afgehandeld:
            messages.success(request, _("De melding staat op afgehandeld."))
        else:
            messages.success(request, _("De melding staat weer open."))
        return redirect(reverse("redactie_meldingen") + "?toon=" + request.GET.get("toon", "open"))


def editable_buurten(user):
    from activiteiten.models import BuurtPage

    buurten = BuurtPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default()).order_by("title")
    if is_beheerder(user):
        return list(buurten)
    return [b for b in buurten if b.permissions_for_user(user).can_edit()]


def unchecked_pages(buurt, today=None):
    """Live activiteiten and voorzieningen of a buurt not checked in the last 6 months (or never)."""
    from django.db.models import Q

    from activiteiten.models import ActiviteitPage, VoorzieningPage

    today = today or timezone.localdate()
    limit = today - timedelta(days=CHECK_DAYS)
    stale = Q(gecontroleerd_op__isnull=True) | Q(gecontroleerd_op__lt=limit)
    pages = []
    for model in (VoorzieningPage, ActiviteitPage):
        pages.extend(model.objects.child_of(buurt).live().filter(stale))
    pages.sort(key=lambda p: (p.gecontroleerd_op is not None, p.gecontroleerd_op or today, p.title.casefold()))
    return pages


class RapportView(AdminView):
    template_name = "redactie/admin/rapport.html"
    page_title = gettext_lazy("Niet gecontroleerd in 6 maanden")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not editable_buurten(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["per_buurt"] = [
            (b, unchecked_pages(b), b.permissions_for_user(user).can_publish_subpage()) for b in editable_buurten(user)
        ]
        context["check_days"] = CHECK_DAYS
        return context


def can_confirm(user, page):
    from activiteiten.models import ActiviteitPage, VoorzieningPage

    return isinstance(page, (ActiviteitPage, VoorzieningPage)) and page.permissions_for_user(user).can_publish()


def mark_checked(page, user, day=None):
    """Set gecontroleerd_op on the live page, its aliases and its latest revision. No new revision is made,
    so drafts waiting for approval stay as they are."""
    day = day or timezone.localdate()
    model = type(page)
    model.objects.filter(pk=page.pk).update(gecontroleerd_op=day)
    model.objects.filter(alias_of=page.pk).update(gecontroleerd_op=day)
    for revision in {page.latest_revision, page.live_revision} - {None}:
        revision.content["gecontroleerd_op"] = day.isoformat()
        revision.save(update_fields=["content"])
    page.gecontroleerd_op = day
    log(instance=page, action="redactie.gecontroleerd", user=user, data={"datum": day.isoformat()})
    return day


class GecontroleerdView(AdminView):
    template_name = "redactie/admin/gecontroleerd.html"
    page_title = gettext_lazy("Alles klopt nog")
    header_icon = "tick"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not can_confirm(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, page_id=page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, next=self.request.GET.get("next", ""))
        return context

    def post(self, request, page_id):
        day = mark_checked(self.page, request.user)
        messages.success(
            request,
            _("Dank je! ‘%(title)s’ staat nu op: gecontroleerd op %(date)s.")
            % {"title": self.page.title, "date": day.strftime("%d-%m-%Y")},
        )
        target = request.POST.get("next") or ""
        if not target.startswith("/admin/"):
            target = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return redirect(target)
