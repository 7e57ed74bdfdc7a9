from django import template
from django.urls import reverse

from redactie.forms import MeldingForm

register = template.Library()


@register.inclusion_tag("redactie/includes/gecontroleerd.html")
def gecontroleerd(page):
    """'Gecontroleerd op 3 maart 2026' when an editor has confirmed the page is still right."""
    return {"datum": getattr(page, "gecontroleerd_op", None)}


@register.inclusion_tag("redactie/includes/melding_form.html", takes_context=True)
def melding_form(context, page, form=None):
    """The short 'Klopt er iets niet?' form for activiteit and voorziening pages."""
    request = context.get("request")
    return {
        "page": page,
        "form": form or MeldingForm(page_id=page.pk),
        "action": reverse("melding", args=[page.pk]),
        "ontvangen": bool(request and request.GET.get("melding") == "ontvangen"),
        "csrf_token": context.get("csrf_token"),
    }
