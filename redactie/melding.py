"""The public "Klopt er iets niet?" form: store the report for the buurt's communitymanager."""

import logging

from django.core.mail import send_mail
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from home import params
from portal.db_retry import DATABASE_ERRORS, retry_once
from portal.errors import unavailable
from portal.pagecache.forms import shared_page_form

from . import melding_limit
from .forms import MeldingForm
from .models import Melding, RedactieGroep

PAGE_TYPES = ("activiteitpage", "voorzieningpage")
logger = logging.getLogger(__name__)


def refusal(reason):
    if reason == melding_limit.SITE_CEILING:
        return _(
            "Er komen nu heel veel meldingen binnen. Probeer het over een uur nog eens. Je tekst staat hieronder nog."
        )
    return _("Je hebt al veel meldingen gestuurd. Probeer het over een uur nog eens. Je tekst staat hieronder nog.")


def notify(melding):
    link = RedactieGroep.objects.filter(rol="communitymanager", buurt=melding.buurt).select_related("group").first()
    if link is None:
        return
    recipients = [u.email for u in link.group.user_set.filter(is_active=True) if u.email]
    if not recipients:
        return
    send_mail(
        _("Nieuwe melding over ‘%(title)s’") % {"title": melding.pagina_titel},
        _(
            "Een bewoner meldt dat er iets niet klopt op ‘%(title)s’.\n\n%(bericht)s\n\nContact: %(contact)s\n\n"
            "Je ziet alle meldingen in het beheer onder Redactie > Meldingen."
        )
        % {"title": melding.pagina_titel, "bericht": melding.bericht, "contact": melding.contact or "-"},
        None,
        recipients,
        fail_silently=True,
    )


@shared_page_form  # the form is on cached pages: no CSRF token, same-site posts only
@require_POST
def melding(request, page_id):
    """Store the report. When the database is away even after one retry: 503 with the resident's text."""
    page_id = params.int_id(page_id)
    try:
        return retry_once(lambda: _melding(request, page_id))
    except DATABASE_ERRORS:
        resend = {
            "action": request.path,
            "bericht": request.POST.get("bericht", ""),
            "contact": request.POST.get("contact", ""),
        }
        return unavailable(request, resend=resend)


def _melding(request, page_id):
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or page.specific_class is None or page.specific_class._meta.model_name not in PAGE_TYPES:
        raise Http404
    page = page.specific
    form = MeldingForm(request.POST, page_id=page.pk)
    if form.is_spam():
        # Pretend it worked; store nothing (but count it: a robot may not flood the counter for free).
        melding_limit.take(request)
        return HttpResponseRedirect(page.url + "?melding=ontvangen#klopt-er-iets-niet")
    if not form.is_valid():
        return render(request, "redactie/melding_page.html", {"page": page, "form": form}, status=400)
    refused = melding_limit.take(request)  # counted before storing: two reports at once cannot both slip through
    if refused:
        context = {"page": page, "form": form, "blocked": refusal(refused)}
        return render(request, "redactie/melding_page.html", context, status=429)
    buurt = page.get_buurt()
    if buurt is not None and buurt.alias_of_id:
        buurt = buurt.alias_of
    source = page.alias_of.specific if page.alias_of_id else page
    item = Melding.objects.create(
        page=source,
        buurt=buurt,
        pagina_titel=page.title,
        bericht=form.cleaned_data["bericht"].strip(),
        contact=form.cleaned_data["contact"].strip(),
    )
    try:
        notify(item)
    except DATABASE_ERRORS:  # the report is stored: say so, and do not store it twice by retrying
        logger.exception("Melding %s stored, but its communitymanager could not be looked up", item.pk)
    return HttpResponseRedirect(page.url + "?melding=ontvangen#klopt-er-iets-niet")
