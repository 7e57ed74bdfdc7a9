"""An activity is found by the name of its place, its buurt and its weekdays, also when its own texts name
none of them (activiteiten/zoekvelden.py, issue 12), on Wagtail's search backend and in the resident search."""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

from datetime import date, datetime

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.synctree import create_aliases_for_new_page

from activiteiten.models import ActiviteitPage, VoorzieningPage
from activiteiten.recurrence import weekdays
from activiteiten.testing import local, make_activiteit
from search.compilers import DutchOpenSearchMapping

from .languages_support import translate
from .opensearch_support import engine, opensearch_config, opensearch_urls, search, wait_for  # noqa: F401

pytestmark = pytest.mark.django_db

PLACE = "Wijkcentrum Zonnebloemhof"  # a name no demo page has
NEW_NAME = "Wijkcentrum Klaprooshof"
TUESDAY = date(2027, 3, 2)
TEXTS = {
    "samenvatting": "Samen schilderen met waterverf, voor beginners en gevorderden.",
    "omschrijving": "<p>Neem je eigen penselen mee als je die hebt. Papier en verf zijn er.</p>",
}


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    settings.SEARCH_INDEX_CHECK_SECONDS = 0


@pytest.fixture
def place(presikhaaf):
    page = VoorzieningPage(
        title=PLACE,
        slug="wijkcentrum-zonnebloemhof",
        soort="buurthuis",
        omschrijving="<p>Een huis voor de hele buurt.</p>",
        adres="Kastanjelaan 12",
        plaats="Arnhem",
        live=False,
    )
    presikhaaf.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    create_aliases_for_new_page(page)  # the en, tr and ar copies, as an import makes them
    return page


@pytest.fixture
def activity(presikhaaf, place):
    # Every Tuesday at 10.00; its own texts name neither the place, nor the buurt, nor a weekday.
    page = make_activiteit(
        presikhaaf,
        "Schilderclub",
        local(TUESDAY, 10),
        herhaling="FREQ=WEEKLY;BYDAY=TU",
        voorziening=place,
        locatie="",
        **TEXTS,
    )
    page.refresh_from_db()
    create_aliases_for_new_page(page)
    return page


def found(query, lang="nl"):
    """Slugs of the live activities Wagtail's search backend finds in that language."""
    pages = ActiviteitPage.objects.live().filter(locale=Locale.objects.get(language_code=lang))
    return {page.slug for page in pages.search(query)}


def api_results(client, query, **params):
    response = client.get("/api/zoeken/", {"q": query, **params})
    assert response.status_code == 200
    return [(r["type"], r["slug"]) for r in response.json()["results"]]


def test_the_name_of_its_place_finds_the_activity(client, activity):
    assert "schilderclub" in found("Zonnebloemhof")
    assert "schilderclub" in found("Kastanjelaan")  # the place's address
    # The resident search: the place itself first, and the activity that takes place there.
    results = api_results(client, "Zonnebloemhof")
    assert results[0] == ("voorziening", "wijkcentrum-zonnebloemhof")
    assert ("activiteit", "schilderclub") in results


def test_an_activity_without_a_place_is_not_found_by_a_place_name(presikhaaf, activity):
    make_activiteit(presikhaaf, "Tekenclub", local(TUESDAY, 14), locatie="Zaal 2", **TEXTS)
    assert "tekenclub" not in found("Zonnebloemhof")


def test_the_name_of_its_buurt_and_gemeente_find_the_activity(activity):
    assert "schilderclub" in found("Presikhaaf")
    assert "schilderclub" in found("Arnhem")


def test_its_weekday_in_dutch_and_in_english_finds_it(activity, en):
    assert "schilderclub" in found("dinsdag")
    assert "schilderclub" not in found("woensdag")
    copy = ActiviteitPage.objects.get(translation_key=activity.translation_key, locale=en)
    translate(copy, title="Painting club", samenvatting="Painting with watercolours, for everyone.")
    assert "schilderclub" in found("Tuesday", "en")
    assert "schilderclub" not in found("Wednesday", "en")
    assert "schilderclub" not in found("Tuesday")  # the Dutch page says it in Dutch


def test_the_part_of_the_day_finds_it(presikhaaf, activity):
    make_activiteit(presikhaaf, "Avondschilderen", local(TUESDAY, 19), **TEXTS)
    assert "schilderclub" in found("ochtend")
    assert "schilderclub" not in found("avond")
    assert "avondschilderen" in found("avond")


def test_what_names_a_page_is_its_title_and_what_kind_it_is(activity, place):
    """BasePage.zoek_titel, the engine's title clause (page_texts.title_text): the texts the Python ranking
    weighs as the title."""
    activity = ActiviteitPage.objects.get(pk=activity.pk)
    assert activity.zoek_titel() == "Schilderclub ontmoeten"
    place = VoorzieningPage.objects.get(pk=place.pk)
    # Its kind by its key and its name in Dutch: the same word, said once (page_texts.kind_text).
    assert place.zoek_titel() == f"{PLACE} buurthuis"


def test_renaming_the_place_indexes_its_activities_again(activity, place, django_capture_on_commit_callbacks):
    place = VoorzieningPage.objects.get(pk=place.pk)
    place.title = NEW_NAME
    with django_capture_on_commit_callbacks(execute=True):
        place.save_revision().publish()
    assert "schilderclub" in found("Klaprooshof")
    assert "schilderclub" not in found("Zonnebloemhof")


def test_renaming_the_buurt_indexes_its_activities_again(activity, presikhaaf, django_capture_on_commit_callbacks):
    presikhaaf.title = "Presikhaaf-Oost"
    with django_capture_on_commit_callbacks(execute=True):
        presikhaaf.save_revision().publish()
    assert "schilderclub" in found("Presikhaaf-Oost")


def test_unpublishing_the_place_takes_its_name_out(activity, place, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        VoorzieningPage.objects.get(pk=place.pk).unpublish()
    assert "schilderclub" not in found("Zonnebloemhof")


def test_a_translated_place_gives_its_name_to_the_copies_in_that_language(
    activity, place, en, django_capture_on_commit_callbacks
):
    english_place = VoorzieningPage.objects.get(translation_key=place.translation_key, locale=en)
    with django_capture_on_commit_callbacks(execute=True):
        translate(english_place, title="Sunflower Community Centre")
    assert "schilderclub" in found("Sunflower", "en")
    assert "schilderclub" not in found("Sunflower")


def test_update_index_gives_the_same_document_as_a_publish(activity, place, en, django_capture_on_commit_callbacks):
    """update_index reads place and buurt as annotations of one query; a publish reads them page by page."""
    english_place = VoorzieningPage.objects.get(translation_key=place.translation_key, locale=en)
    with django_capture_on_commit_callbacks(execute=True):
        translate(english_place, title="Sunflower Community Centre")
    fields = ("zoek_plek_naam", "zoek_plek_adres", "zoek_buurt", "zoek_weekdagen", "zoek_dagdeel")
    for locale in (activity.locale, en):
        one = ActiviteitPage.objects.get(translation_key=activity.translation_key, locale=locale)
        bulk = ActiviteitPage.get_indexed_objects().get(pk=one.pk)
        assert [getattr(bulk, name)() for name in fields] == [getattr(one, name)() for name in fields]
    assert bulk.zoek_plek_naam() == "Sunflower Community Centre"
    assert bulk.zoek_weekdagen() == "Tuesday"


def test_the_weekday_numbers_are_a_filter_field_of_the_engine_document(presikhaaf, activity):
    monthly = make_activiteit(
        presikhaaf, "Koorochtend", local(date(2027, 3, 10), 10), herhaling="FREQ=MONTHLY;BYDAY=2WE"
    )
    mapping = DutchOpenSearchMapping(ActiviteitPage)
    name = mapping.get_field_column_name(
        next(f for f in ActiviteitPage.get_filterable_search_fields() if f.field_name == "zoek_weekdagnummers")
    )
    assert name == "activiteiten_activiteitpage__zoek_weekdagnummers_filter"
    document = mapping.get_document(activity)
    assert document[name] == [1]
    assert "Zonnebloemhof" in document["activiteiten_activiteitpage__zoek_plek_naam"]
    assert mapping.get_document(monthly)[name] == [2]
    assert mapping.get_mapping()["properties"][name]["type"] == "integer"


@pytest.mark.search_cluster
def test_the_engine_finds_it_by_its_place_and_filters_on_its_weekdays(engine, activity):
    pages = ActiviteitPage.objects.live().filter(locale=activity.locale)
    assert wait_for(lambda: "schilderclub" in search(engine, "Zonnebloemhof", pages)[0])
    field = "activiteiten_activiteitpage__zoek_weekdagnummers_filter"

    def found_on(day):
        query = {"bool": {"filter": [{"term": {field: day}}, {"term": {"pk": str(activity.pk)}}]}}
        answer = engine.es.search(index=engine.get_index_for_model(Page).name, body={"query": query})
        return answer["hits"]["total"]["value"]

    assert (found_on(1), found_on(2)) == (1, 0)  # Tuesday, not Wednesday


@pytest.mark.parametrize(
    ("rule", "days"),
    [
        ("", {1}),  # a one-off: the day of its first time
        ("FREQ=WEEKLY", {1}),  # weekly without BYDAY: the day of the first time
        ("FREQ=WEEKLY;BYDAY=MO,TH", {0, 3}),
        ("FREQ=MONTHLY;BYDAY=-1FR", {4}),
        ("FREQ=DAILY", set(range(7))),
        ("FREQ=MONTHLY;BYMONTHDAY=22", set()),  # falls on any day: no weekday is said
    ],
)
def test_the_weekdays_of_a_rule(rule, days):
    assert weekdays(rule, datetime(2027, 3, 2, 10)) == days
