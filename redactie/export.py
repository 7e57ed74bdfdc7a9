"""Export in exactly the corpus format, as CSV (UTF-8 with BOM, ';', CRLF) or as an Excel workbook,
so that export → import changes nothing."""

import csv
import io

from bs4 import BeautifulSoup, NavigableString
from wagtail.models import Locale

from activiteiten.openingstijden import format_openingstijden_text
from activiteiten.recurrence import AMSTERDAM
from activiteiten.talen import codes
from activiteiten.toegankelijkheid import format_csv as format_toegankelijkheid
from home.corpus.validate import COLUMNS, UITZONDERING_SEPARATOR
from home.corpus.xlsx import write_workbook


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
        "toegankelijkheid_items": format_toegankelijkheid(page.toegankelijkheid_items.all()),
        "lat": _number(page.latitude),
        "lon": _number(page.longitude),
        "talen": talen_text(page),
        "route": page.routebeschrijving,
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
        "toegankelijkheid_items": format_toegankelijkheid(page.toegankelijkheid_items.all()),
        "niet_op_feestdagen": "ja" if page.niet_op_feestdagen else "nee",
        "status": page.status,
        "status_reden": page.status_reden,
        "uitzonderingen": uitzonderingen_text(page),
        "talen": talen_text(page),
    }


def talen_text(page):
    """ "tr, ar": the codes of the spoken languages (the importer also reads Dutch names)."""
    return ", ".join(codes(page.talen))


def uitzonderingen_text(page):
    """ "2026-12-25 vrij Kerstvakantie; 2027-01-05 afgelast De zaal is dicht" (the importer reads this back)."""
    days = sorted(page.uitzonderingen.all(), key=lambda u: u.datum)
    return f"{UITZONDERING_SEPARATOR} ".join(
        " ".join(part for part in (u.datum.isoformat(), u.soort, u.reden) if part) for u in days
    )


def buurt_row(page):
    return {
        "slug": page.slug,
        "naam": page.title,
        "gemeente": page.gemeente,
        "soort": page.soort,
        "intro": page.intro,
        "postcodes": page.postcodes,
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

    voorzieningen = (
        VoorzieningPage.objects.child_of(buurt)
        .order_by("path")
        .prefetch_related("openingstijden", "toegankelijkheid_items")
    )
    activiteiten = (
        ActiviteitPage.objects.child_of(buurt)
        .order_by("path")
        .prefetch_related("uitzonderingen", "toegankelijkheid_items")
    )
    voorziening_slugs = dict(VoorzieningPage.objects.filter(locale=buurt.locale).values_list("pk", "slug"))
    return {
        "voorzieningen.csv": [voorziening_row(p, buurt.slug) for p in voorzieningen],
        "activiteiten.csv": [activiteit_row(p, buurt.slug, voorziening_slugs) for p in activiteiten],
    }


def glossary_rows(locale=None, include_aliases=False):
    """Rows of the glossary; `include_aliases` also lists the pages of another language not translated yet."""
    from woordenlijst.models import BegripPage

    locale = locale or Locale.get_default()
    begrippen = BegripPage.objects.filter(locale=locale).order_by("path")
    if not include_aliases:
        begrippen = begrippen.filter(alias_of__isnull=True)
    slugs = dict(BegripPage.objects.filter(locale=locale).values_list("pk", "slug"))
    return [begrip_row(p, slugs) for p in begrippen.prefetch_related("zie_ook_links")]


def to_csv(name, rows, columns=None):
    """Bytes in the corpus format: UTF-8 with BOM, ';' between fields, CRLF line endings.

    `columns` (default: all of the file's columns) leaves out columns an uploaded file did not have.
    """
    columns = columns or COLUMNS[name]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column) or "" for column in columns})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(files):
    """An Excel workbook with one sheet per corpus file: {"activiteiten.csv": rows, …} → bytes."""
    return write_workbook({name.removesuffix(".csv"): (COLUMNS[name], rows) for name, rows in files.items()})
