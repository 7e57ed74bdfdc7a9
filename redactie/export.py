"""CSV export in exactly the corpus format (UTF-8 with BOM, ';', CRLF), so that export → import changes nothing."""

import csv
import io

from bs4 import BeautifulSoup, NavigableString
from wagtail.models import Locale

from activiteiten.openingstijden import format_openingstijden_text
from activiteiten.recurrence import AMSTERDAM
from home.corpus.validate import ALL_COLUMNS


def richtext_to_text(html):
    """The reverse of the importer's text_to_richtext: paragraphs with a blank line between, <br> as a newline."""
    soup = BeautifulSoup(html or "", "html.parser")
    blocks = soup.find_all(["p", "li", "h2", "h3", "h4"]) or [soup]
    paragraphs = []
    for block in blocks:
        parts = []
        for node in block.descendants:
            if isinstance(node, NavigableString):
                parts.append(str(node))
            elif node.name == "br":
                parts.append("\n")
        text = "".join(parts).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _number(value):
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def _datetime(value):
    return value.astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M") if value else ""


def voorziening_row(page, buurt_slug):
    return {
        "slug": page.slug,
        "naam": page.title,
        "buurt": buurt_slug,
        "soort": page.soort,
        "omschrijving": richtext_to_text(page.omschrijving),
        "adres": page.adres,
        "postcode": page.postcode,
        "plaats": page.plaats,
        "telefoon": page.telefoon,
        "email": page.email,
        "website": page.website,
        "openingstijden": format_openingstijden_text(page.slots()),
        "toegankelijkheid": page.toegankelijkheid,
        "lat": _number(page.latitude),
        "lon": _number(page.longitude),
    }


def activiteit_row(page, buurt_slug, voorziening_slugs):
    return {
        "slug": page.slug,
        "titel": page.title,
        "buurt": buurt_slug,
        "voorziening": voorziening_slugs.get(page.voorziening_id, ""),
        "locatie": page.locatie,
        "categorie": page.categorie,
        "doelgroep": page.doelgroep,
        "samenvatting": page.samenvatting,
        "omschrijving": richtext_to_text(page.omschrijving),
        "start": _datetime(page.start),
        "eind": _datetime(page.eind),
        "herhaling": page.herhaling,
        "kosten": page.kosten,
        "aanmelden": page.aanmelden,
        "contact": page.contact,
        "organisator": page.organisator,
        "toegankelijk": page.toegankelijk,
        "niet_op_feestdagen": "ja" if page.niet_op_feestdagen else "nee",
    }


def begrip_row(page, slugs):
    return {
        "slug": page.slug,
        "term": page.title,
        "afkorting": page.afkorting,
        "domein": page.domein,
        "uitleg": page.uitleg,
        "definitie": page.definitie,
        "synoniemen": page.synoniemen,
        "zie_ook": ",".join(slugs[link.doel_id] for link in page.zie_ook_links.all() if link.doel_id in slugs),
    }


def buurt_rows(buurt):
    """{"voorzieningen.csv": [row, …], "activiteiten.csv": [row, …]} for one buurt, in tree order."""
    from activiteiten.models import ActiviteitPage, VoorzieningPage

    voorzieningen = VoorzieningPage.objects.child_of(buurt).order_by("path").prefetch_related("openingstijden")
    activiteiten = ActiviteitPage.objects.child_of(buurt).order_by("path")
    voorziening_slugs = dict(VoorzieningPage.objects.filter(locale=buurt.locale).values_list("pk", "slug"))
    return {
        "voorzieningen.csv": [voorziening_row(p, buurt.slug) for p in voorzieningen],
        "activiteiten.csv": [activiteit_row(p, buurt.slug, voorziening_slugs) for p in activiteiten],
    }


def glossary_rows(locale=None):
    from woordenlijst.models import BegripPage

    locale = locale or Locale.get_default()
    begrippen = BegripPage.objects.filter(locale=locale, alias_of__isnull=True).order_by("path")
    slugs = dict(BegripPage.objects.filter(locale=locale).values_list("pk", "slug"))
    return [begrip_row(p, slugs) for p in begrippen.prefetch_related("zie_ook_links")]


def to_csv(name, rows):
    """Bytes in the corpus format: UTF-8 with BOM, ';' between fields, CRLF line endings."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ALL_COLUMNS[name], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column) or "" for column in ALL_COLUMNS[name]})
    return ("\ufeff" + out.getvalue()).encode("utf-8")
