"""Accessibility residents can check: the fixed list, pages, filters, JSON-LD, CSV and the old field's migration."""

import importlib
import json

import pytest
from bs4 import BeautifulSoup

from activiteiten.models import ActiviteitPage, PlekToegankelijkheid, VoorzieningPage
from activiteiten.toegankelijkheid import (
    ITEMS,
    OUD_TOELICHTING_GEDEELTELIJK,
    format_csv,
    parse_csv,
    uit_oud_veld,
)
from home.corpus.importer import CorpusImporter

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("activiteiten.migrations.0008_toegankelijkheid_en_sluitingsperiodes")


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="nl")


def names(soup):
    return [a.get_text(strip=True) for a in soup.select(".plekken__naam")]


# -- the list and its CSV form ------------------------------------------------------------------------


def test_every_item_has_schema_org_name_and_an_icon():
    from django.contrib.staticfiles import finders

    for item in ITEMS:
        assert item.schema_name
        assert finders.find(f"img/toegankelijkheid/{item.code}.svg"), item.code


def test_csv_form_reads_and_writes_back():
    text = "drempelvrij=ja; lift=nee: alleen een trap; ringleiding=onbekend"
    rows = parse_csv(text)
    assert rows == [("drempelvrij", "ja", ""), ("lift", "nee", "alleen een trap"), ("ringleiding", "onbekend", "")]
    stored = [PlekToegankelijkheid(item=i, antwoord=a, toelichting=t) for i, a, t in rows]
    assert format_csv(stored) == text
    assert parse_csv(" Drempelvrij = JA ;; ") == [("drempelvrij", "ja", "")]


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("roltrap=ja", "‘roltrap’ kennen we niet"),
        ("lift=misschien", "ja, nee of onbekend"),
        ("lift", "ja, nee of onbekend"),
        ("lift=ja; lift=nee", "‘lift’ staat twee keer"),
        ("lift=ja: " + "x" * 201, "te lang"),
    ],
)
def test_csv_form_refuses_with_a_message(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_csv(text)


# -- the old rolstoel/rollator field ------------------------------------------------------------------


def test_migration_keeps_every_old_value():
    rows = MIGRATION.rijen_uit_oud_veld([(1, "ja"), (2, "gedeeltelijk"), (3, "nee"), (4, "")])
    assert rows == [
        (1, "drempelvrij", "ja", ""),
        (2, "drempelvrij", "nee", OUD_TOELICHTING_GEDEELTELIJK),
        (3, "drempelvrij", "nee", ""),
    ]
    # ... and back again, unchanged.
    assert [MIGRATION.oud_veld_uit_rij(a, t) for _p, _i, a, t in rows] == ["ja", "gedeeltelijk", "nee"]


def test_old_csv_column_fills_drempelvrij():
    header = "slug;titel;buurt;voorziening;locatie;categorie;doelgroep;samenvatting;omschrijving;start;eind;"
    header += "herhaling;kosten;aanmelden;contact;organisator;toegankelijk"
    row = "oud-bestand;Oud;presikhaaf;;Zaal;ontmoeten;iedereen;Kort.;Lang.;2027-01-05T10:00;;;;;;;gedeeltelijk"
    importer = CorpusImporter({"activiteiten.csv": f"{header}\r\n{row}\r\n".encode()})
    assert importer.validate() == []
    record = importer.records["activiteiten.csv"][0]
    assert record["toegankelijkheid_items"] == [uit_oud_veld("gedeeltelijk")]


# -- pages ----------------------------------------------------------------------------------------------


def test_place_page_shows_words_with_icons(client):
    soup = soup_of(client.get(page(VoorzieningPage, "buurthuis-de-klimop").url))
    items = [li.get_text(" ", strip=True) for li in soup.select(".toegang__item")]
    assert "Lift: ja (naar de eerste verdieping)" in items
    assert "Ringleiding voor hoortoestel: ja (in de grote zaal)" in items
    for icon in soup.select(".toegang__icon"):
        assert icon["alt"] == "" and icon["aria-hidden"] == "true"
        assert icon["src"].startswith("/static/img/toegankelijkheid/")


def test_activity_page_shows_its_own_answers_over_its_place(client):
    soup = soup_of(client.get(page(ActiviteitPage, "wandelgroep-park-presikhaaf").url))
    items = [li.get_text(" ", strip=True) for li in soup.select(".toegang__item")]
    assert (
        "Drempelvrij, ook met rolstoel of rollator: nee (gedeeltelijk goed te doen met rolstoel of rollator)" in items
    )
    assert "Lift: ja (naar de eerste verdieping)" in items  # from De Klimop
    assert "Zitplaatsen onderweg: ja (onderweg tijd om op een bankje uit te rusten)" in items
    assert "Toegankelijk" not in [dt.get_text(strip=True) for dt in soup.select("dl.facts dt")]


def test_place_json_ld_has_amenity_features(client):
    soup = soup_of(client.get(page(VoorzieningPage, "kringloop-tweede-ronde").url))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    features = {f["name"]: f["value"] for f in data["amenityFeature"]}
    assert features == {"Wheelchair accessible": True, "Wheelchair accessible toilet": False}


def test_activity_json_ld_location_has_amenity_features(client):
    soup = soup_of(client.get(page(ActiviteitPage, "wandelgroep-park-presikhaaf").url))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    features = {f["name"]: f["value"] for f in data["location"]["amenityFeature"]}
    assert features["Wheelchair accessible"] is False
    assert features["Induction loop"] is True


# -- filters ------------------------------------------------------------------------------------------


def test_buurt_places_filter(client):
    url = page(VoorzieningPage, "buurthuis-de-klimop").get_parent().url
    everything = names(soup_of(client.get(url)))
    assert len(everything) > 2
    assert names(soup_of(client.get(url + "?toegang=ringleiding"))) == ["Buurthuis De Klimop"]
    assert names(soup_of(client.get(url + "?toegang=parkeren&toegang=aangepast-toilet"))) == [
        "Huisartsenpraktijk De Meidoorn",
        "Woonzorgcentrum Lindehof",
    ]


def test_site_wide_places_filter(client):
    soup = soup_of(client.get("/voorzieningen/?toegang=rustige-ruimte"))
    assert names(soup) == ["Zorgcentrum De Waterlelie"]
    assert soup.find("input", id="p-toegang-rustige-ruimte").has_attr("checked")
    assert len(names(soup_of(client.get("/voorzieningen/")))) == 45


@pytest.mark.parametrize("query", ["?toegang=zwembad", "?toegang=%00", "?nu_open=misschien", "?pagina=-1"])
def test_bad_filter_values_give_a_message(client, query):
    soup = soup_of(client.get("/voorzieningen/" + query))
    assert soup.select_one(".message--error")
    assert len(names(soup)) == 45


def test_agenda_filter_uses_the_place_answers(client):
    """An activity without answers of its own is found by its place's answers (stored with its times)."""
    soup = soup_of(client.get("/agenda/?toegankelijk=ringleiding&buurt=presikhaaf"))
    found = {a.get_text(strip=True) for a in soup.select(".agenda__title a")}
    assert found
    activities = ActiviteitPage.objects.filter(title__in=found, locale__language_code="nl")
    for activity in activities:
        answers = {a.item.code: a.antwoord for a in activity.toegankelijkheid_lijst()}
        assert answers.get("ringleiding") == "ja", activity.title
    assert any(not activity.toegankelijkheid_items.exists() for activity in activities)  # from the place only
    lindehof = ActiviteitPage.objects.filter(voorziening__slug="zorgcentrum-lindehof").values_list("title", flat=True)
    assert found.isdisjoint(lindehof)  # Lindehof has no ringleiding
