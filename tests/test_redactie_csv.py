"""CSV import with preview (own buurt only) and export in exactly the corpus format; round trip changes nothing."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Revision

from activiteiten.models import ActiviteitPage, BuurtPage
from redactie.export import buurt_rows, glossary_rows, to_csv

from .redactie_support import buurt_a, buurt_b, cm_a, denied, login, redacteur  # noqa: F401

CORPUS = Path(settings.BASE_DIR) / "demo" / "corpus"


def corpus_rows(name):
    with open(CORPUS / name, encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle, delimiter=";")]


def parse(data):
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def page_revisions():
    return Revision.objects.count()


# -- export --------------------------------------------------------------------------------------
# Columns the export has beyond the demo corpus files, with the value of an activity that simply goes ahead.
EXTRA_COLUMNS = {"activiteiten.csv": {"status": "gepland", "status_reden": "", "uitzonderingen": "", "talen": ""}}


def test_export_of_every_buurt_equals_the_corpus(db):
    for buurt in BuurtPage.objects.filter(locale=Locale.get_default()):
        rows = buurt_rows(buurt)
        for name in ("voorzieningen.csv", "activiteiten.csv"):
            expected = [r | EXTRA_COLUMNS.get(name, {}) for r in corpus_rows(name) if r["buurt"] == buurt.slug]
            assert rows[name] == expected, (buurt.slug, name)


def test_export_of_glossary_equals_the_corpus(db):
    assert glossary_rows() == corpus_rows("woordenlijst.csv")


def test_export_file_format_is_the_corpus_format(cm_a, buurt_a):
    response = login(cm_a).get(reverse("redactie_export_buurt", args=[buurt_a.pk, "activiteiten.csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = response.content
    assert data.startswith(b"\xef\xbb\xbf")
    first_line = data[3:].split(b"\r\n", 1)[0].decode()
    corpus_header = (CORPUS / "activiteiten.csv").read_text(encoding="utf-8-sig").split("\n", 1)[0].rstrip("\r")
    assert first_line == ";".join([corpus_header, *EXTRA_COLUMNS["activiteiten.csv"]])
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"").replace(b'"', b"")[:0] + b""
    assert [r["slug"] for r in parse(data)] == [
        r["slug"] for r in corpus_rows("activiteiten.csv") if r["buurt"] == buurt_a.slug
    ]


def test_export_of_other_buurt_is_refused(cm_a, buurt_b):
    response = login(cm_a).get(reverse("redactie_export_buurt", args=[buurt_b.pk, "activiteiten.csv"]))
    assert denied(response)


# -- import: preview, problems, confirm ---------------------------------------------------------
def preview(client, **files):
    return client.post(reverse("redactie_import"), {name: upload(f"{name}.csv", data) for name, data in files.items()})


def confirm(client):
    return client.post(reverse("redactie_import"), {"stap": "bevestig"})


def test_round_trip_export_import_changes_nothing(cm_a, buurt_a):
    client = login(cm_a)
    exported = {
        name: client.get(reverse("redactie_export_buurt", args=[buurt_a.pk, f"{name}.csv"])).content
        for name in ("voorzieningen", "activiteiten")
    }
    before = page_revisions()
    response = preview(client, **exported)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("[data-nothing]") is not None
    statuses = {tr["data-status"] for tr in soup.select("tr[data-status]")}
    assert statuses == {"ongewijzigd"}
    confirm(client)
    assert page_revisions() == before
    again = {
        name: client.get(reverse("redactie_export_buurt", args=[buurt_a.pk, f"{name}.csv"])).content
        for name in ("voorzieningen", "activiteiten")
    }
    assert again == exported


def test_glossary_round_trip(redacteur):
    client = login(redacteur)
    exported = client.get(reverse("redactie_export_woordenlijst")).content
    before = page_revisions()
    response = preview(client, woordenlijst=exported)
    assert BeautifulSoup(response.content, "html.parser").select_one("[data-nothing]") is not None
    confirm(client)
    assert page_revisions() == before
    assert client.get(reverse("redactie_export_woordenlijst")).content == exported


def test_change_preview_then_confirm(cm_a, buurt_a):
    client = login(cm_a)
    rows = buurt_rows(buurt_a)["activiteiten.csv"]
    rows[0]["kosten"] = "€ 9,99"
    target = ActiviteitPage.objects.get(slug=rows[0]["slug"], locale=Locale.get_default())
    before = page_revisions()
    response = preview(client, activiteiten=to_csv("activiteiten.csv", rows))
    soup = BeautifulSoup(response.content, "html.parser")
    changed = [tr for tr in soup.select("tr[data-status]") if tr["data-status"] != "ongewijzigd"]
    assert len(changed) == 1 and rows[0]["slug"] in changed[0].get_text()
    assert "Bijgewerkt: 1" in soup.select_one("[data-summary]").get_text()
    target.refresh_from_db()
    assert target.kosten != "€ 9,99"  # nothing saved by the preview
    response = confirm(client)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.kosten == "€ 9,99" and target.live
    assert page_revisions() == before + 1  # only the changed page


def test_problems_per_line_and_nothing_saved(cm_a, buurt_a, buurt_b):
    client = login(cm_a)
    rows = buurt_rows(buurt_a)["activiteiten.csv"]
    rows[0]["start"] = "morgen om tien"
    rows[1]["kosten"] = "€ 1,00"
    other = buurt_rows(buurt_b)["activiteiten.csv"][0]  # a page of another buurt, moved here
    other["buurt"] = buurt_a.slug
    foreign = dict(rows[2], slug="nieuw-in-b", buurt=buurt_b.slug, voorziening="")
    rows += [other, foreign]
    before = page_revisions()
    response = preview(client, activiteiten=to_csv("activiteiten.csv", rows))
    soup = BeautifulSoup(response.content, "html.parser")
    problems = [li.get_text() for li in soup.select("[data-problems] li")]
    assert any("regel 2" in p and "start" in p and "morgen om tien" in p for p in problems), problems
    assert any(f"regel {len(rows) + 1}" in p and "eigen buurt" in p for p in problems), problems
    assert any(f"regel {len(rows)}" in p and "mag je niet veranderen" in p for p in problems), problems
    assert not soup.find("input", attrs={"value": "bevestig"})
    assert confirm(client).status_code == 302  # nothing stored to confirm
    assert page_revisions() == before


def test_unreadable_file_gets_a_clear_message(cm_a):
    response = preview(login(cm_a), activiteiten=b"\x00\x01 geen csv")
    assert "geen tekst in UTF-8" in response.content.decode()


def test_glossary_file_only_for_glossary_editors(cm_a, redacteur):
    cm_form = login(cm_a).get(reverse("redactie_import")).content.decode()
    assert 'name="woordenlijst"' not in cm_form and 'name="activiteiten"' in cm_form
    glossary_form = login(redacteur).get(reverse("redactie_import")).content.decode()
    assert 'name="woordenlijst"' in glossary_form and 'name="activiteiten"' not in glossary_form
    # Sending it anyway does nothing.
    data = to_csv("woordenlijst.csv", [dict(glossary_rows()[0], uitleg="Gekaapt")])
    response = preview(login(cm_a), woordenlijst=data)
    assert "Kies minstens één bestand (CSV of Excel)." in response.content.decode()
