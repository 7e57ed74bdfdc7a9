"""/bij-mij-in-de-buurt/?postcode=…: "Wat is er bij mij in de buurt?" (docs/plaatsen.md). Never a 5xx for any input:
what the resident typed stays in the box, and a message says what is wrong."""

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.models import Locale

from activiteiten.models import BuurtPage

from . import nabij
from .parse import MAX_LENGTH, parse

PARAM = "postcode"
KEEP_TYPED = 2 * MAX_LENGTH  # what is shown back of a (too) long input


def bij_mij(request):
    typed = request.GET.get(PARAM, "")[:KEEP_TYPED]
    context = {"typed": typed, "asked": PARAM in request.GET, "walking_speed": nabij.WALKING_KM_PER_HOUR}
    if context["asked"]:
        invoer = parse(typed)
        if invoer.kind == "fout":
            context["fout"] = invoer.error
        else:
            antwoord = nabij.lookup(invoer)
            context["antwoord"] = antwoord
            if not antwoord.gevonden and not antwoord.keuzes:
                context["fout"] = antwoord.melding
                context["onbekend"] = True
    if context.get("onbekend"):
        context["servicepunt_telefoon"] = settings.SERVICEPUNT_TELEFOON
        context["buurten"] = BuurtPage.objects.live().public().filter(locale=Locale.get_active()).order_by("title")
    return TemplateResponse(request, "postcodes/bij_mij.html", context)
