"""Weekoverzicht per buurt: the coming seven days on A4 in large print, for the notice board.

    /agenda/<buurt>/weekoverzicht/       print-ready page
    /agenda/<buurt>/weekoverzicht.pdf    the same as a PDF (WeasyPrint)

``?vanaf=2026-11-30`` starts the week on another day; without it the week runs from this Monday to Sunday,
the week people plan in (the stored agenda keeps the past days of this week for this).

Both PDFs (this one and the booklet) are tagged PDF/UA-1 documents with the page's language and title.
"""

import logging
from datetime import timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home import params, pdf_fonts

from . import agenda
from .occurrences import stored
from .recurrence import AMSTERDAM
from .wording import datum

DAYS = 7
# Tagged PDF for screen readers (structure tree, /Lang from <html lang>, title shown instead of the file name).
PDF_VARIANT = "pdf/ua-1"
for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def _buurt(slug):
    from .models import BuurtPage

    buurt = BuurtPage.objects.live().public().filter(locale=Locale.get_active(), slug=slug).first()
    if buurt is None:
        raise Http404(_("Deze buurt bestaat niet."))
    return buurt


def week_context(request, buurt):
    from .models import VoorzieningPage

    today = agenda.now().astimezone(AMSTERDAM).date()
    monday = today - timedelta(days=today.weekday())
    vanaf = params.date_param(request.GET, "vanaf", today, _("We tonen de week vanaf maandag."), default=monday)
    first, error = vanaf.value, vanaf.error
    start = agenda.local_midnight(first)
    end = agenda.local_midnight(first + timedelta(days=DAYS))
    rows = stored(buurt.locale_id, start).filter(buurt=buurt, start__gte=start, start__lt=end)
    by_day = {first + timedelta(days=i): [] for i in range(DAYS)}
    for occ in rows:
        day = occ.start.astimezone(AMSTERDAM).date()
        by_day.setdefault(day, []).append(occ)
    servicepunt = (
        VoorzieningPage.objects.child_of(buurt)
        .live()
        .filter(soort="servicepunt")
        .prefetch_related("openingstijden")
        .order_by("title")
        .first()
    )
    last = first + timedelta(days=DAYS - 1)
    return {
        "page": buurt,
        "buurt": buurt,
        "days": [(day, occs) for day, occs in by_day.items()],
        "first_day": first,
        "last_day": last,
        "week_title": _("Activiteiten in %(buurt)s van %(van)s tot en met %(tot)s")
        % {
            "buurt": buurt.title,
            "van": datum(first, today.year),
            "tot": datum(last, today.year),
        },
        "servicepunt": servicepunt,
        "vanaf_error": error,
        "next_week": (first + timedelta(days=DAYS)).isoformat(),
        "prev_week": (first - timedelta(days=DAYS)).isoformat() if first > monday else "",
        "pdf_query": f"?vanaf={first.isoformat()}" if first != monday else "",
    }


def weekoverzicht(request, slug):
    buurt = _buurt(slug)
    return render(request, "activiteiten/weekoverzicht.html", week_context(request, buurt))


def weekoverzicht_pdf(request, slug):
    from weasyprint import HTML

    buurt = _buurt(slug)
    context = {**week_context(request, buurt), "font_faces": pdf_fonts.font_faces()}
    html = render_to_string("activiteiten/weekoverzicht_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(pdf_variant=PDF_VARIANT)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"weekoverzicht-{buurt.slug}-{context['first_day'].isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
