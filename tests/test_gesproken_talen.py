"""The languages spoken at an activity or place (issue 17): field, translations, pages, agenda, feeds, CSV."""
# ruff: noqa: F811  (the clock fixture imported from agenda_support)

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.http import QueryDict
from icalendar import Calendar
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from activiteiten.models import ActiviteitPage, VoorzieningPage
from activiteiten.occurrences import refresh_page
from activiteiten.talen import TALEN, TalenWidget, zoekwoorden
from activiteiten.testing import local, make_activiteit
from redactie.export import buurt_rows

from .agenda_support import clock  # noqa: F401
from .corpus_support import copy_corpus

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 24), 8)


@pytest.fixture
def turks_koffie(presikhaaf, clock):
    page = make_activiteit(presikhaaf, "Koffie met Turkse buren", local(date(2027, 3, 25), 10), talen="tr,ar")
    page.refresh_from_db()
    create_aliases_for_new_page(page)  # the en, tr and ar versions, as an import makes them
    refresh_page(page, now=NOW)
    return page


@pytest.fixture
def gewoon_koffie(presikhaaf, clock):
    page = make_activiteit(presikhaaf, "Koffie met de buren", local(date(2027, 3, 25), 11))
    refresh_page(page, now=NOW)
    return page


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# -- the list and the field ------------------------------------------------------------------------
def test_the_list_has_the_languages_of_the_issue_with_iso_639_codes():
    assert [t.code for t in TALEN] == ["en", "tr", "ar", "ber", "pap", "srn", "pl", "dse"]


def test_field_is_stored_in_the_order_of_the_list_and_refuses_an_unknown_code(presikhaaf):
    widget = TalenWidget()
    assert widget.value_from_datadict(QueryDict("talen=ar&talen=tr"), {}, "talen") == "tr,ar"
    assert widget.value_from_datadict(QueryDict(""), {}, "talen") == ""
    page = make_activiteit(presikhaaf, "Taalproef", local(date(2027, 3, 25), 10), publish=False)
    page.talen = widget.value_from_datadict(QueryDict("talen=xx&talen=pl"), {}, "talen")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "talen" in error.value.message_dict
    assert "xx" in error.value.message_dict["talen"][0]


def test_editor_ticks_checkboxes(admin_client, turks_koffie):
    page = soup(admin_client.get(f"/admin/pages/{turks_koffie.pk}/edit/"))
    boxes = {box["value"]: box.has_attr("checked") for box in page.find_all("input", attrs={"name": "talen"})}
    assert boxes == {"en": False, "tr": True, "ar": True, "ber": False, "pap": False, "srn": False, "pl": False,
                     "dse": False}  # fmt: skip
    assert "Turks (Türkçe)" in page.get_text()


def test_the_field_is_synchronised_not_translated(presikhaaf, en):
    page = make_activiteit(presikhaaf, "Breiclub voor iedereen", local(date(2027, 3, 25), 10), talen="pl")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    assert not source.stringsegment_set.filter(string__data="pl").exists()  # nothing for a translator
    if ActiviteitPage.objects.filter(translation_key=page.translation_key, locale=en).exists():
        ActiviteitPage.objects.get(translation_key=page.translation_key, locale=en).delete()
    source.create_or_update_translation(en, fallback=True)
    translated = ActiviteitPage.objects.get(translation_key=page.translation_key, locale=en)
    assert translated.talen == "pl"
    page.talen = "tr,ar"
    page.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(en, fallback=True)
    translated.refresh_from_db()
    assert translated.talen == "tr,ar"


# -- what residents see ----------------------------------------------------------------------------
def test_activity_page_says_which_languages_in_dutch(client, turks_koffie):
    page = soup(client.get(turks_koffie.url))
    row = page.find(class_="talen")
    assert row.dt.get_text(strip=True) == "Hier spreken ze ook"
    assert row.dd.get_text(" ", strip=True).replace(" ,", ",") == "Turks ( Türkçe ), Arabisch ( العربية )"
    own = {bdi["lang"]: (bdi.get_text(), bdi["dir"]) for bdi in row.find_all("bdi")}
    assert own == {"tr": ("Türkçe", "ltr"), "ar": ("العربية", "rtl")}


def test_activity_page_in_english_names_the_languages_in_english(client, turks_koffie, en):
    english = ActiviteitPage.objects.get(translation_key=turks_koffie.translation_key, locale=en)
    page = soup(client.get(english.url))
    row = page.find(class_="talen")
    assert row.dt.get_text(strip=True) == "Also spoken here"
    assert "Turkish" in row.dd.get_text() and "Arabic" in row.dd.get_text()


def test_nothing_is_said_when_only_dutch_is_spoken(client, gewoon_koffie):
    page = soup(client.get(gewoon_koffie.url))
    assert page.find(class_="talen") is None
    assert "Hier spreken ze ook" not in page.get_text()


def test_place_page_and_the_buurt_list_of_places(client, nl):
    meidoorn = VoorzieningPage.objects.get(slug="huisartsenpraktijk-meidoorn", locale=nl)
    assert meidoorn.talen == "tr,ar"  # from the demo corpus
    text = soup(client.get(meidoorn.url)).find(class_="talen").get_text(" ", strip=True)
    assert text.startswith("Hier spreken ze ook: Turks")
    buurt = soup(client.get(meidoorn.get_parent().url))
    (item,) = [li for li in buurt.select(".plekken__item") if li.a.get_text() == "Huisartsenpraktijk De Meidoorn"]
    assert "Arabisch" in item.find(class_="talen").get_text()


def test_agenda_card_names_the_languages(client, turks_koffie, gewoon_koffie, presikhaaf):
    cards = soup(client.get(presikhaaf.url)).select(".agenda__item")
    spoken = {c.find(class_="agenda__title").get_text(strip=True): c.find(class_="talen") for c in cards}
    assert "Turks" in spoken["Koffie met Turkse buren"].get_text()
    assert spoken["Koffie met de buren"] is None


# -- the agenda filter ------------------------------------------------------------------------------
def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".agenda__title a")]


def test_agenda_filter_taal(client, turks_koffie, gewoon_koffie):
    shown = titles(client.get("/agenda/?taal=tr&buurt=presikhaaf"))
    assert "Koffie met Turkse buren" in shown and "Koffie met de buren" not in shown
    assert titles(client.get("/agenda/?taal=Arabisch&buurt=presikhaaf")) == shown  # a Dutch name works too
    assert "Koffie met Turkse buren" not in titles(client.get("/agenda/?taal=pl&buurt=presikhaaf"))
    form = soup(client.get("/agenda/?taal=tr"))
    assert form.find("select", id="f-taal").find("option", selected=True)["value"] == "tr"
    assert form.find("label", attrs={"for": "f-taal"}).get_text() == "Taal"


@pytest.mark.parametrize("value", ["klingon", "tr,ar", "x" * 500, "\x00", "١"])
def test_a_wrong_taal_gives_a_message_not_an_error(client, turks_koffie, value):
    page = soup(client.get("/agenda/", {"taal": value}))
    message = page.find(class_="message--error").get_text()
    assert "kennen we niet" in message and "Taal" in message
    assert "Koffie met Turkse buren" in [a.get_text(strip=True) for a in page.select(".agenda__title a")]


def test_the_feed_follows_the_taal_filter(client, turks_koffie, gewoon_koffie):
    calendar = Calendar.from_ical(client.get("/agenda/ical/alles.ics?taal=tr&buurt=presikhaaf").content)
    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {"Koffie met Turkse buren"}


# -- JSON-LD and iCal --------------------------------------------------------------------------------
def json_ld(client, page):
    (script,) = soup(client.get(page.url)).find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_json_ld_event_in_language_and_place_available_language(client, turks_koffie, gewoon_koffie, nl):
    assert json_ld(client, turks_koffie)["inLanguage"] == ["nl", "tr", "ar"]
    assert json_ld(client, gewoon_koffie)["inLanguage"] == "nl"
    place = json_ld(client, VoorzieningPage.objects.get(slug="huisartsenpraktijk-meidoorn", locale=nl))
    assert place["@type"] == "MedicalClinic"  # a huisarts (activiteiten/jsonld_plaats.py SCHEMA_TYPES)
    assert place["availableLanguage"] == ["nl", "tr", "ar"]
    other = json_ld(client, VoorzieningPage.objects.get(slug="apotheek-kruidenhof", locale=nl))
    assert "availableLanguage" not in other


def test_ical_description_has_the_sentence(client, turks_koffie, gewoon_koffie):
    (event,) = Calendar.from_ical(client.get(f"/agenda/ical/activiteit/{turks_koffie.pk}.ics").content).walk("VEVENT")
    assert "Hier spreken ze ook: Turks (Türkçe), Arabisch (العربية)." in str(event["DESCRIPTION"])
    (plain,) = Calendar.from_ical(client.get(f"/agenda/ical/activiteit/{gewoon_koffie.pk}.ics").content).walk("VEVENT")
    assert "Hier spreken ze ook" not in str(plain["DESCRIPTION"])


# -- the CSV column ---------------------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path):
    return copy_corpus(tmp_path)


def set_talen(folder, name, slug, value):
    """Add (or fill) the column `talen` for one row, written with the csv module like the corpus."""
    import csv
    import io

    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    if "talen" not in rows[0]:
        rows[0].append("talen")
        for row in rows[1:]:
            row.append("")
    column = rows[0].index("talen")
    for row in rows[1:]:
        if row[0] == slug:
            row[column] = value
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def test_csv_column_takes_codes_or_dutch_names(tmp_path, nl):
    corpus = copy_corpus(tmp_path, ["activiteiten.csv", "voorzieningen.csv"])
    set_talen(corpus, "activiteiten.csv", "koffieochtend-de-klimop", "Arabisch, turks")
    set_talen(corpus, "voorzieningen.csv", "buurthuis-de-klimop", "pap, Nederlandse Gebarentaal")
    call_command("import_corpus", str(corpus))
    assert ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale=nl).talen == "tr,ar"
    klimop = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale=nl)
    assert klimop.talen == "pap,dse"
    assert [
        r["talen"] for r in buurt_rows(klimop.get_parent().specific)["voorzieningen.csv"] if r["slug"] == klimop.slug
    ] == ["pap, dse"]


def test_csv_unknown_language_stores_nothing_and_says_where(corpus, capsys, nl):
    set_talen(corpus, "activiteiten.csv", "koffieochtend-de-klimop", "Turks")
    set_talen(corpus, "voorzieningen.csv", "buurthuis-de-klimop", "tr, Koerdisch")
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_corpus", str(corpus))
    err = capsys.readouterr().err
    assert "voorzieningen.csv, regel 2, kolom ‘talen’" in err and "Koerdisch" in err
    assert "tr (Turks)" in err  # what the cell may hold
    assert ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale=nl).talen == ""


def test_a_file_without_the_column_leaves_the_languages_alone(tmp_path, nl):
    corpus = copy_corpus(tmp_path, ["voorzieningen.csv"])
    meidoorn = VoorzieningPage.objects.get(slug="huisartsenpraktijk-meidoorn", locale=nl)
    assert meidoorn.talen == "tr,ar"
    import csv
    import io

    path = corpus / "voorzieningen.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    column = rows[0].index("talen")
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([r[:column] + r[column + 1 :] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    call_command("import_corpus", str(corpus))
    meidoorn.refresh_from_db()
    assert meidoorn.talen == "tr,ar"


def test_search_words_hold_the_names_in_the_four_languages():
    words = zoekwoorden("tr,ar")
    for name in ("Turks", "Turkish", "Türkçe", "Arabisch", "Arabic", "Arapça", "العربية", "عربي"):
        assert name in words
    assert Locale.objects.filter(language_code__in=["tr", "ar"]).count() == 2
