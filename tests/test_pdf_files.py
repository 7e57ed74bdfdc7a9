"""The PDFs for paper (weekoverzicht, booklet): tagged for screen readers, language and title set, every page
holding text besides the footer, and the weekoverzicht running Monday to Sunday unless asked otherwise."""
# ruff: noqa: F811  (pytest fixtures imported from agenda_support)

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from pypdf import PdfReader

from activiteiten.occurrences import refresh_page
from activiteiten.testing import local, make_activiteit

from .agenda_support import clock, malburgen  # noqa: F401  (fixtures; malburgen uses clock)

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 25), 9)  # a Thursday
MONDAY = date(2027, 3, 22)


def pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def footer_lines(reader):
    """Lines that come back on every page (the running footer), page numbers left out."""
    pages = [
        {"".join(ch for ch in line if not ch.isdigit()).strip() for line in page.extract_text().splitlines()}
        for page in reader.pages
    ]
    return set.intersection(*pages) if len(pages) > 1 else set()


def assert_accessible(reader, lang, title):
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is not tagged"
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert root["/Lang"] == lang
    assert title in reader.metadata.title
    footer = footer_lines(reader)
    for number, page in enumerate(reader.pages, 1):
        body = [line for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in body if "".join(ch for ch in line if not ch.isdigit()).strip() not in footer]
        assert body, f"page {number} holds only the footer"


@pytest.mark.parametrize("prefix, lang, title", [("", "nl", "Activiteiten in Malburgen"), ("/en", "en", "Malburgen")])
def test_weekoverzicht_pdf_is_tagged_with_language_and_title(client, malburgen, prefix, lang, title):
    reader = pdf(client, f"{prefix}/agenda/malburgen/weekoverzicht.pdf")
    assert_accessible(reader, lang, title)


@pytest.mark.parametrize("prefix, lang", [("", "nl"), ("/en", "en")])
def test_booklet_pdf_is_tagged_with_language_and_title(client, db, prefix, lang):
    cache.clear()
    reader = pdf(client, f"{prefix}/woordenlijst/boekje/pdf/")
    assert_accessible(reader, lang, "Gemeenschappelijke taal" if lang == "nl" else "")
    assert len(reader.pages) > 5


def test_a_full_week_never_leaves_a_page_with_only_the_footer(client, malburgen):
    """Fill the week step by step: wherever the last block ends, no sheet is left with just the footer."""
    for count in range(1, 9):
        make_and_store(malburgen, f"Extra bijeenkomst {count}", local(date(2027, 3, 28), 9 + count))
        assert_accessible(pdf(client, "/agenda/malburgen/weekoverzicht.pdf"), "nl", "Malburgen")


def make_and_store(buurt, title, start):
    page = make_activiteit(buurt, title, start, kosten="gratis", aanmelden="niet nodig, loop binnen")
    refresh_page(page, now=NOW)


def test_weekoverzicht_starts_on_monday_by_default(client, malburgen):
    make_and_store(malburgen, "Koffie op maandag", local(MONDAY, 10))
    soup = BeautifulSoup(client.get("/agenda/malburgen/weekoverzicht/").content, "html.parser")
    days = [h["id"] for h in soup.select(".wo-day h2")]
    assert days[0] == "dag-2027-03-22" and days[-1] == "dag-2027-03-28"
    assert date.fromisoformat(days[0].removeprefix("dag-")).weekday() == 0
    # Monday has passed on Thursday, but it is part of this week's sheet.
    assert "Koffie op maandag" in soup.find(id="dag-2027-03-22").find_parent("section").get_text()
    response = client.get("/agenda/malburgen/weekoverzicht.pdf")
    assert "weekoverzicht-malburgen-2027-03-22.pdf" in response["Content-Disposition"]
    # A chosen day still starts the week on that day.
    soup = BeautifulSoup(client.get("/agenda/malburgen/weekoverzicht/?vanaf=2027-03-25").content, "html.parser")
    assert soup.select(".wo-day h2")[0]["id"] == "dag-2027-03-25"
