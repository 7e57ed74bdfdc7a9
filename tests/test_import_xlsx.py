"""Excel (.xlsx) next to CSV: export_corpus and import_corpus on the command line, and in the admin per role.

Welzijnswerkers export and import their own buurt; what they import waits for the communitymanager.
"""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import io
from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.models import Locale, Page, WorkflowState

from activiteiten.models import ActiviteitPage, BuurtPage, Uitzondering
from redactie.export import buurt_rows, to_xlsx
from woordenlijst.models import BegripPage

from .redactie_support import buurt_a, buurt_b, cm_a, login, ww_a  # noqa: F401

pytestmark = pytest.mark.django_db
SHEETS = ["buurten", "voorzieningen", "activiteiten", "woordenlijst"]


def workbook_rows(path_or_bytes):
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    book = load_workbook(source)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def export_xlsx(path):
    call_command("export_corpus", str(path), "--format", "xlsx", stdout=io.StringIO())
    return workbook_rows(path)


def page_count():
    return Page.objects.count()


def test_export_import_round_trip_into_an_empty_site(tmp_path):
    """Export the demo as one workbook, empty the site, import it: the same pages with the same fields."""
    soep = ActiviteitPage.objects.get(slug="soep-en-brood-pollepel", locale=Locale.get_default())
    soep.uitzonderingen = [
        Uitzondering(datum=date(2026, 12, 25), soort="vrij", reden="Kerstvakantie"),
        Uitzondering(datum=date(2027, 1, 8), soort="afgelast", reden="De zaal is dicht"),
    ]
    soep.save_revision().publish()
    wandel = ActiviteitPage.objects.filter(locale=Locale.get_default()).exclude(pk=soep.pk).first()
    wandel.status, wandel.status_reden = "afgelast", "De begeleider is gestopt"
    wandel.save_revision().publish()

    before = export_xlsx(tmp_path / "demo.xlsx")
    assert list(before) == SHEETS
    header = before["activiteiten"][0]
    soep_row = dict(zip(header, next(r for r in before["activiteiten"] if r[0] == soep.slug), strict=True))
    assert soep_row["uitzonderingen"] == "2026-12-25 vrij Kerstvakantie; 2027-01-08 afgelast De zaal is dicht"
    assert isinstance(soep_row["start"], datetime)  # a real date in Excel, not text
    wandel_row = dict(zip(header, next(r for r in before["activiteiten"] if r[0] == wandel.slug), strict=True))
    assert (wandel_row["status"], wandel_row["status_reden"]) == ("afgelast", "De begeleider is gestopt")

    for model in (BuurtPage, BegripPage):  # aliases (English) first, then the Dutch pages
        for page in model.objects.filter(alias_of__isnull=False):
            page.delete()
        for page in model.objects.all():
            page.delete()
    assert not ActiviteitPage.objects.exists()

    out = io.StringIO()
    call_command("import_corpus", str(tmp_path / "demo.xlsx"), stdout=out)
    assert "activiteiten.csv: 111 nieuw" in out.getvalue()
    assert export_xlsx(tmp_path / "again.xlsx") == before
    soep = ActiviteitPage.objects.get(slug=soep.slug, locale=Locale.get_default())
    assert sorted((u.datum, u.soort, u.reden) for u in soep.uitzonderingen.all()) == [
        (date(2026, 12, 25), "vrij", "Kerstvakantie"),
        (date(2027, 1, 8), "afgelast", "De zaal is dicht"),
    ]
    # One copy per language of the site (wagtail-localize's synchronised locales make the others).
    copies = ActiviteitPage.objects.filter(translation_key=soep.translation_key)
    assert soep.live and sorted(copies.values_list("locale__language_code", flat=True)) == sorted(
        code for code, _name in settings.LANGUAGES
    )


def test_export_corpus_csv_and_english(tmp_path):
    call_command("export_corpus", str(tmp_path / "nl"), stdout=io.StringIO())
    header = (tmp_path / "nl" / "activiteiten.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith(";status;status_reden;uitzonderingen;talen")
    call_command("export_corpus", str(tmp_path / "en"), "--format", "xlsx", "--lang", "en", stdout=io.StringIO())
    english = workbook_rows(tmp_path / "en" / "corpus.xlsx")
    dutch = export_xlsx(tmp_path / "nl.xlsx")
    # The English site has the same pages (translated or not yet), under the same slugs.
    for sheet in SHEETS:
        assert [r[0] for r in english[sheet]] == [r[0] for r in dutch[sheet]], sheet


def bad_import(path):
    err = io.StringIO()
    before = page_count()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_corpus", str(path), stdout=io.StringIO(), stderr=err)
    assert page_count() == before
    return err.getvalue()


def test_a_file_that_is_no_workbook(tmp_path):
    path = tmp_path / "corpus.xlsx"
    path.write_bytes(b"slug;naam\r\nnep;Geen Excel\r\n")
    assert "geen Excel-bestand (.xlsx)" in bad_import(path)


def test_an_unknown_sheet_and_a_date_cell_of_the_wrong_type(tmp_path):
    rows = buurt_rows(BuurtPage.objects.get(slug="presikhaaf", locale=Locale.get_default()))
    rows["activiteiten.csv"][0]["titel"] = "Gewijzigd, maar niet opgeslagen"
    data = load_workbook(io.BytesIO(to_xlsx(rows)))
    sheet = data["activiteiten"]
    start_column = [c.value for c in sheet[1]].index("start") + 1
    cell = sheet.cell(row=3, column=start_column, value=46000)  # a number where a date and time belong
    cell.number_format = "General"
    kosten_column = [c.value for c in sheet[1]].index("kosten") + 1
    sheet.cell(row=4, column=kosten_column, value=datetime(2026, 3, 1))  # Excel made "1-3" a date
    data.create_sheet("Blad1")
    path = tmp_path / "presikhaaf.xlsx"
    data.save(path)
    messages = bad_import(path)
    assert "presikhaaf.xlsx, werkblad ‘Blad1’: onbekend werkblad" in messages
    assert "presikhaaf.xlsx, werkblad ‘activiteiten’, rij 3, kolom ‘start’: waarde ‘46000’" in messages
    assert "deze cel is een getal" in messages
    assert "rij 4, kolom ‘kosten’: waarde ‘2026-03-01 00:00’ – deze cel is een datum" in messages
    assert not ActiviteitPage.objects.filter(title="Gewijzigd, maar niet opgeslagen").exists()


def test_a_folder_with_an_xlsx_file_names_sheet_row_and_column(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["slug", "naam", "gemeente", "soort", "intro", "postcodes"])
    sheet.append(["nieuwe-buurt", "Nieuwe buurt", "Arnhem", "wijk", "Een buurt.", "68AB"])
    book.save(tmp_path / "buurten.xlsx")
    messages = bad_import(tmp_path)
    assert "buurten.xlsx, werkblad ‘Sheet’, rij 2, kolom ‘postcodes’: waarde ‘68AB’" in messages


# -- the admin, per role ---------------------------------------------------------------------------
def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def import_workbook(client, data, name="werkboek.xlsx"):
    response = client.post(reverse("redactie_import"), {"werkboek": upload(name, data)})
    soup = BeautifulSoup(response.content, "html.parser")
    if soup.find("input", attrs={"value": "bevestig"}):
        return client.post(reverse("redactie_import"), {"stap": "bevestig"}, follow=True), soup
    return response, soup


def changed_workbook(client, buurt, new_title):
    data = client.get(reverse("redactie_export_buurt", args=[buurt.pk, "werkboek.xlsx"])).content
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["voorzieningen", "activiteiten"]
    book["activiteiten"].cell(row=2, column=2, value=new_title)
    slug = book["activiteiten"].cell(row=2, column=1).value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), ActiviteitPage.objects.get(slug=slug, locale=Locale.get_default())


def test_communitymanager_import_of_a_workbook_is_published(cm_a, buurt_a):
    client = login(cm_a)
    data, page = changed_workbook(client, buurt_a, "Koffie met de wijkagent")
    response, preview = import_workbook(client, data)
    assert "Bijgewerkt: 1" in preview.select_one("[data-summary]").get_text()
    assert "gepubliceerd" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Koffie met de wijkagent" and page.live and not page.has_unpublished_changes


def test_welzijnswerker_import_waits_for_approval(ww_a, buurt_a):
    client = login(ww_a)
    form = BeautifulSoup(client.get(reverse("redactie_import")).content, "html.parser")
    assert form.select_one("[data-moderated]") and buurt_a.title in form.select_one("[data-moderated]").get_text()
    data, page = changed_workbook(client, buurt_a, "Koffie met de wijkagent")
    old_title = page.title
    response, _preview = import_workbook(client, data)
    assert "keurt het goed" in response.content.decode()
    page.refresh_from_db()
    assert page.title == old_title and page.live  # the site still shows the old version
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Koffie met de wijkagent"
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == ww_a


def test_welzijnswerker_exports_own_buurt_only(ww_a, buurt_a, buurt_b):
    client = login(ww_a)
    own = client.get(reverse("redactie_export_buurt", args=[buurt_a.pk, "werkboek.xlsx"]))
    assert own.status_code == 200 and own.content.startswith(b"PK")
    other = client.get(reverse("redactie_export_buurt", args=[buurt_b.pk, "activiteiten.csv"]))
    assert other.status_code == 403
    refused = BeautifulSoup(other.content, "html.parser").select_one("[data-refused]").get_text()
    assert f"{buurt_b.title} is niet jouw buurt" in refused and buurt_a.title in refused


def test_welzijnswerker_cannot_import_into_another_buurt(ww_a, buurt_a, buurt_b):
    client = login(ww_a)
    rows = buurt_rows(buurt_a)
    rows["activiteiten.csv"][0]["buurt"] = buurt_b.slug
    before = page_count()
    response, preview = import_workbook(client, to_xlsx(rows), name="mijn-buurt.xlsx")
    problems = [li.get_text() for li in preview.select("[data-problems] li")]
    assert any(
        "mijn-buurt.xlsx, werkblad ‘activiteiten’, rij 2" in p and f"‘{buurt_b.slug}’ is niet jouw buurt" in p
        for p in problems
    ), problems
    assert page_count() == before
