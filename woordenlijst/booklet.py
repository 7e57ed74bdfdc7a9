"""The booklet "Gemeenschappelijke taal": all terms letter by letter on A4, as a print page and as a PDF
(WeasyPrint). The letters and their order are those of the glossary page (page.letter_groups(), alfabet.py):
A–Z, Turkish and Arabic in their own alphabet.

    /woordenlijst/boekje/       print-ready page (A4)
    /woordenlijst/boekje/pdf/   the same as a PDF

Both are routes of WoordenlijstPage (RoutablePageMixin). The PDF is cached until the glossary changes.
"""

import logging
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from activiteiten.weekoverzicht import PDF_VARIANT
from home import pdf_fonts
from portal.cache import kept_until_bumped

from .markup import CACHE_SECONDS, VERSION
from .models import DOMEINEN

for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def booklet_context(page):
    labels = dict(DOMEINEN)
    groups = []
    for letter, entries in page.letter_groups():
        items = []
        for entry in entries:
            begrip = entry["begrip"]
            items.append({**entry, "domein": labels.get(begrip.domein, begrip.domein), "id": f"b-{begrip.slug}"})
        groups.append((letter, items))
    count = sum(1 for _l, items in groups for e in items if not e["is_afkorting"])
    return {"page": page, "groups": groups, "count": count, "today": timezone.localdate(), "domeinen": DOMEINEN}


def booklet(page, request):
    context = booklet_context(page)
    context["pdf_url"] = page.url + page.reverse_subpage("boekje_pdf")
    return render(request, "woordenlijst/boekje.html", context)


def render_pdf(page):
    from weasyprint import HTML

    context = booklet_context(page)
    context["font_faces"] = pdf_fonts.font_faces()
    html = render_to_string("woordenlijst/boekje_pdf.html", context)
    return HTML(string=html, base_url=str(Path(__file__).resolve().parent)).write_pdf(pdf_variant=PDF_VARIANT)


def booklet_pdf(page, request):
    pdf = kept_until_bumped(VERSION, f"woordenlijst:boekje:{page.pk}", lambda: render_pdf(page), CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="gemeenschappelijke-taal.pdf"'
    return response
