"""The read API (/api/v2/): the structured fields of each page type, filters, and nothing that is not public.

Draft changes, unpublished pages, pages behind a view restriction, untranslated aliases and documents in a
private collection are never reachable, in the listing or the detail view. Bad filter values give a 400 with
a message, never a 5xx.
"""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from activiteiten.models import ActiviteitPage, BuurtPage, Openingstijd, VoorzieningPage
from activiteiten.testing import local, make_activiteit
from woordenlijst.models import BegripPage, BegripZieOok

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
DAYS_AHEAD = 30  # the test activity starts a month from now, so it has coming dates


def buurt_nl(index=0):
    return BuurtPage.objects.live().filter(locale__language_code="nl", alias_of__isnull=True).order_by("path")[index]


def listing(client, **params):
    response = client.get(PAGES, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def ids(client, **params):
    return {item["id"] for item in listing(client, limit=20, **params)["items"]} | _more(client, params)


def _more(client, params):
    """The ids beyond the first 20 (the API's page size)."""
    found, offset = set(), 20
    while True:
        items = listing(client, limit=20, offset=offset, **params)["items"]
        if not items:
            return found
        found |= {item["id"] for item in items}
        offset += 20


@pytest.fixture
def weekly(nl):
    start = local(date.today() + timedelta(days=DAYS_AHEAD), 10)
    return make_activiteit(
        buurt_nl(), "Koffie-uur voor de API", start, start + timedelta(hours=2), herhaling="FREQ=WEEKLY;BYDAY=" +
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()],
        uitzonderingen=[(start.date() + timedelta(days=7), "vrij", "vakantie")],
    )  # fmt: skip


def test_an_activity_shows_its_rule_sentence_next_dates_and_exceptions(client, weekly):
    data = client.get(f"{PAGES}{weekly.pk}/").json()
    assert data["meta"]["type"] == "activiteiten.ActiviteitPage"
    assert data["herhaling"] == weekly.herhaling
    assert data["herhaling_zin"].startswith("Elke ") and "van 10.00 tot 12.00 uur" in data["herhaling_zin"]
    exception_day = (weekly.start + timedelta(days=7)).date().isoformat()
    assert data["uitzonderingen"] == [{"datum": exception_day, "soort": "vrij", "reden": "vakantie"}]
    starts = [o["start"][:10] for o in data["volgende_keren"]]
    assert starts[0] == weekly.start.date().isoformat() and exception_day not in starts and len(starts) == 5
    assert data["status"] == "gepland" and data["categorie"] == "ontmoeten" and data["kosten"] == "gratis"
    assert data["buurt"]["slug"] == buurt_nl().slug


def test_listing_by_type_gives_the_chosen_fields(client, weekly):
    data = listing(client, type="activiteiten.ActiviteitPage", fields="herhaling_zin,volgende_keren,status", limit=5)
    assert data["meta"]["total_count"] == ActiviteitPage.objects.live().filter(alias_of__isnull=True).count()
    assert all({"herhaling_zin", "volgende_keren", "status"} <= set(item) for item in data["items"])


def test_a_voorziening_shows_opening_hours_contact_and_coordinates(client):
    place = VoorzieningPage.objects.live().filter(locale__language_code="nl").exclude(latitude=None).first()
    place.telefoon = "088-5550123"
    place.save_revision().publish()
    Openingstijd.objects.filter(page=place).delete()
    Openingstijd.objects.create(page=place, dag=1, open="09:00", dicht="12:00")
    data = client.get(f"{PAGES}{place.pk}/").json()
    assert data["openingstijden"] == [{"dag": 1, "dag_naam": "dinsdag", "open": "09.00", "dicht": "12.00"}]
    assert data["telefoon"] == "088-5550123" and data["adres"] == place.adres
    assert data["coordinaten"] == {"latitude": float(place.latitude), "longitude": float(place.longitude)}


def test_a_begrip_shows_term_explanation_definition_synonyms_and_see_also(client):
    begrip, other = BegripPage.objects.live().filter(locale__language_code="nl").order_by("path")[:2]
    begrip.afkorting, begrip.synoniemen = "XYZ", "eerste woord, tweede woord"
    begrip.save_revision().publish()
    BegripZieOok.objects.filter(page=begrip).delete()
    BegripZieOok.objects.filter(doel=begrip).delete()
    BegripZieOok.objects.create(page=begrip, doel=other)
    data = client.get(f"{PAGES}{begrip.pk}/").json()
    assert data["term"] == begrip.title and data["afkorting"] == "XYZ"
    assert data["uitleg"] == begrip.uitleg and data["definitie"] == begrip.definitie
    assert data["synoniemen"] == ["eerste woord", "tweede woord"]
    assert [item["id"] for item in data["zie_ook"]] == [other.pk]


def test_a_buurt_shows_its_municipality_and_postcodes(client):
    buurt = buurt_nl()
    data = client.get(f"{PAGES}{buurt.pk}/").json()
    assert data["gemeente"] == buurt.gemeente and data["postcodes"] == buurt.postcode_list()


def test_filter_by_buurt_gives_only_that_buurts_pages(client):
    buurt, other = buurt_nl(0), buurt_nl(1)
    found = ids(client, buurt=buurt.slug, locale="nl")
    expected = set(ActiviteitPage.objects.live().child_of(buurt).values_list("pk", flat=True))
    assert expected and expected <= found
    assert not found & set(ActiviteitPage.objects.child_of(other).values_list("pk", flat=True))


def test_a_draft_change_is_not_shown(client, weekly):
    weekly.title = "Geheime conceptnaam"
    weekly.save_revision()
    assert client.get(f"{PAGES}{weekly.pk}/").json()["title"] == "Koffie-uur voor de API"
    titles = [item["title"] for item in listing(client, type="activiteiten.ActiviteitPage", limit=20,
                                                 buurt=buurt_nl().slug)["items"]]  # fmt: skip
    assert "Geheime conceptnaam" not in titles


def test_an_unpublished_page_is_not_reachable(client, weekly):
    assert client.get(f"{PAGES}{weekly.pk}/").status_code == 200
    weekly.refresh_from_db()  # publish() went to a copy: this object still says "not live"
    weekly.unpublish()
    assert client.get(f"{PAGES}{weekly.pk}/").status_code == 404
    assert weekly.pk not in ids(client, type="activiteiten.ActiviteitPage", buurt=buurt_nl().slug)


def test_a_page_never_published_is_not_reachable(client, nl):
    draft = make_activiteit(buurt_nl(), "Nooit gepubliceerd", local(date.today() + timedelta(days=3)), publish=False)
    assert client.get(f"{PAGES}{draft.pk}/").status_code == 404
    assert draft.pk not in ids(client, type="activiteiten.ActiviteitPage", buurt=buurt_nl().slug)


def test_a_private_page_and_its_children_are_not_reachable(client, weekly):
    buurt = buurt_nl()
    PageViewRestriction.objects.create(page=buurt, restriction_type="password", password="geheim")
    for pk in (buurt.pk, weekly.pk):
        response = client.get(f"{PAGES}{pk}/")
        assert response.status_code == 404
    assert not {buurt.pk, weekly.pk} & ids(client)
    assert client.get(PAGES, {"buurt": buurt.slug}).status_code == 400  # no published buurt by that name


def test_untranslated_aliases_are_left_out_and_a_real_translation_is_shown(client):
    aliases = ActiviteitPage.objects.live().filter(locale__language_code="en", alias_of__isnull=False)
    alias = aliases.filter(herhaling__regex=r"^FREQ=WEEKLY;BYDAY=[A-Z]{2}$").order_by("path")[0]  # "Elke dinsdag …"
    dutch = alias.alias_of_id
    assert alias.title == alias.alias_of.title  # Dutch text in the English tree
    assert client.get(f"{PAGES}{alias.pk}/").status_code == 404
    assert alias.pk not in ids(client, locale="en", type="activiteiten.ActiviteitPage")
    alias.alias_of, alias.title, alias.samenvatting = None, "Coffee hour for the API", "A cup of coffee."
    alias.save_revision().publish()
    data = client.get(f"{PAGES}{alias.pk}/").json()
    assert data["title"] == "Coffee hour for the API" and data["meta"]["locale"] == "en"
    assert data["herhaling_zin"].startswith("Every ")  # the sentence in the page's own language
    assert client.get(f"{PAGES}{dutch}/").json()["herhaling_zin"].startswith("Elke ")
    assert alias.pk in ids(client, locale="en", type="activiteiten.ActiviteitPage")


def test_documents_in_a_private_collection_are_not_listed(client):
    private = Collection.get_first_root_node().add_child(name="Alleen voor het team")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="geheim")
    shown = Document.objects.create(title="Folder voor iedereen", file=ContentFile(b"%PDF-1.4", name="iedereen.pdf"))
    hidden = Document.objects.create(
        title="Intern verslag", file=ContentFile(b"%PDF-1.4", name="intern.pdf"), collection=private
    )
    found = {item["id"] for item in client.get("/api/v2/documents/", {"limit": 20}).json()["items"]}
    assert shown.pk in found and hidden.pk not in found
    assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404
    assert client.get("/api/v2/images/").status_code == 200


def test_the_api_is_read_only(client, weekly):
    assert client.post(PAGES, {"title": "x"}).status_code == 405
    assert client.delete(f"{PAGES}{weekly.pk}/").status_code == 405


@pytest.mark.parametrize(
    "params,word",
    [
        ({"type": "bestaat.Niet"}, "type"),
        ({"buurt": "nergenshuizen"}, "buurt"),
        ({"buurt": ""}, "buurt"),
        ({"locale": "xx"}, "locale"),
        ({"type": "activiteiten.ActiviteitPage", "start": "geen-datum"}, "start"),
        ({"type": "activiteiten.ActiviteitPage", "categorie": "bestaat-niet"}, "categorie"),
        ({"type": "activiteiten.VoorzieningPage", "latitude": "9" * 40}, "latitude"),
        ({"type": "activiteiten.BuurtPage", "show_in_menus": "misschien"}, "show_in_menus"),
        ({"offset": "9" * 40}, "offset"),
        ({"limit": "veel"}, "limit"),
        ({"descendant_of": "abc"}, "descendant_of"),
        ({"search": "koffie"}, "search"),
        ({"onbekend": "1"}, "onbekend"),
    ],
)
def test_a_bad_filter_value_is_a_400_with_a_message(client, params, word):
    response = client.get(PAGES, params)
    assert response.status_code == 400
    assert word in response.json()["message"]


# The hostile values of tests/test_hostile_input.py, each in every filter the pages endpoint reads.
API_PARAMETERS = ["type", "buurt", "locale", "child_of", "descendant_of", "ancestor_of", "translation_of", "order",
                  "fields", "limit", "offset", "start", "categorie", "status", "latitude", "id", "html_path"]  # fmt: skip


@pytest.mark.parametrize("parameter", API_PARAMETERS)
def test_hostile_values_in_any_api_filter_never_give_a_server_error(client, parameter):
    from tests.test_hostile_input import HOSTILE

    for value in HOSTILE.values():
        for url in (PAGES, PAGES + "find/"):
            params = {parameter: value}
            if parameter in ("start", "categorie", "status"):
                params["type"] = "activiteiten.ActiviteitPage"
            if parameter == "latitude":
                params["type"] = "activiteiten.VoorzieningPage"
            response = client.get(url, params)
            assert response.status_code < 500, f"{url} {parameter}={value!r}: {response.status_code}"


def test_a_place_shows_its_spoken_languages_and_structured_accessibility(client):
    """The demo's Meidoorn practice: an assistant speaks Turkish and Arabic; it is level and has a toilet."""
    place = VoorzieningPage.objects.get(slug="huisartsenpraktijk-meidoorn", locale__language_code="nl")
    data = client.get(f"{PAGES}{place.pk}/").json()
    assert sorted(data["talen"].replace(" ", "").split(",")) == ["ar", "tr"]
    answers = {a["item"]: a["antwoord"] for a in data["toegankelijkheid_items"]}
    assert answers["drempelvrij"] == "ja" and answers["aangepast-toilet"] == "ja"
    assert {a["schema_org"] for a in data["toegankelijkheid_items"]} >= {"Wheelchair accessible"}
