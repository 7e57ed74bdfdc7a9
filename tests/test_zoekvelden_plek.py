"""A place is found by the activities held there (activiteiten/zoekvelden_plek.py, issue 12): its search document
lists their titles, and follows when an activity is renamed, moved, cancelled or deleted."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from datetime import date

import pytest
from wagtail.models import Page
from wagtail.search import index

from activiteiten import zoekvelden_plek
from activiteiten.models import ActiviteitPage, VoorzieningPage
from activiteiten.testing import local, make_activiteit
from home.models import BasePage
from search.compilers import DutchOpenSearchMapping
from search.engine_query import (
    ADDRESS_FIELD,
    CATEGORY_FIELD,
    HOST_FIELD,
    SHOWN_UNTIL_FIELD,
    SOORT_FIELD,
    SUMMARY_FIELD,
    TITLE_FIELD,
    EngineQuery,
)

from .indexing_support import IndexSpy
from .opensearch_support import engine, opensearch_config, opensearch_urls, search, wait_for  # noqa: F401
from .test_activiteit_zoekvelden import activity, place  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def spy(monkeypatch):
    spy = IndexSpy()
    monkeypatch.setattr(zoekvelden_plek, "index", spy)
    return spy


@pytest.fixture
def held(presikhaaf, place, django_capture_on_commit_callbacks):
    """An activity at the place, its callbacks run (as after a real commit: a batch of portal/after_commit.py
    left open by a fixture would take the test's changes and never run)."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_activiteit(presikhaaf, "Schilderclub", local(date(2027, 3, 2), 10), voorziening=place)


def copies(page):
    return set(VoorzieningPage.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))


def test_the_engine_field_names_are_those_of_the_mapping():
    """search/engine_query.py names the fields of its own clauses; the mapping is where those names come from."""

    def column(model, name, kind=index.BaseField):
        field = next(f for f in model.get_search_fields() if f.field_name == name and isinstance(f, kind))
        return DutchOpenSearchMapping(model).get_field_column_name(field)

    assert column(BasePage, "zoek_kern") == SUMMARY_FIELD
    assert column(BasePage, "zoek_titel") == TITLE_FIELD
    assert column(ActiviteitPage, "zoek_getoond_tot") == SHOWN_UNTIL_FIELD
    assert column(VoorzieningPage, "zoek_activiteiten") == HOST_FIELD
    assert column(VoorzieningPage, "adres") == ADDRESS_FIELD
    # The factors for a need (OTHER_KIND_FACTOR) and a kind of place (PLACE_KIND_FACTOR) filter on these.
    assert column(ActiviteitPage, "categorie", index.FilterField) == CATEGORY_FIELD
    assert column(VoorzieningPage, "soort", index.FilterField) == SOORT_FIELD
    properties = DutchOpenSearchMapping(VoorzieningPage).get_mapping()["properties"]
    assert properties[HOST_FIELD]["type"] == properties[ADDRESS_FIELD]["type"] == "text"


def test_a_place_lists_the_live_activities_held_there(presikhaaf, place, activity):
    assert VoorzieningPage.objects.get(pk=place.pk).zoek_activiteiten() == "Schilderclub"
    draft = make_activiteit(presikhaaf, "Tekenclub", local(date(2027, 3, 3), 10), voorziening=place, publish=False)
    assert draft.title not in VoorzieningPage.objects.get(pk=place.pk).zoek_activiteiten()
    activity.status = "afgelast"
    activity.save_revision().publish()
    assert VoorzieningPage.objects.get(pk=place.pk).zoek_activiteiten() == ""


def test_a_change_to_an_activity_indexes_its_places_once_after_the_commit(
    presikhaaf, place, held, spy, django_capture_on_commit_callbacks
):
    activity = ActiviteitPage.objects.get(pk=held.pk)
    with django_capture_on_commit_callbacks(execute=True):
        activity.title = "Aquarelclub"
        activity.save_revision().publish()
        activity.samenvatting = "Samen schilderen met aquarelverf."
        activity.save_revision().publish()
        assert spy.written == []  # nothing before the commit
    # The place and its copies in the other languages, once each.
    assert sorted(spy.written) == sorted(copies(place))

    spy.written.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity.samenvatting = "Schilderen met waterverf."  # not in the place's document
        activity.save_revision().publish()
    assert spy.written == []

    other = VoorzieningPage.objects.live().child_of(presikhaaf).exclude(pk=place.pk).first()
    with django_capture_on_commit_callbacks(execute=True):
        activity.voorziening = other
        activity.save_revision().publish()
    assert sorted(spy.written) == sorted(copies(place) | copies(other))

    spy.written.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=activity.pk).delete()
    assert sorted(spy.written) == sorted(copies(other))


def test_deleting_an_activity_the_place_did_not_show_indexes_nothing(
    presikhaaf, place, spy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_activiteit(presikhaaf, "Tekenclub", local(date(2027, 3, 3), 10), voorziening=place, publish=False)
    spy.written.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=draft.pk).delete()
    assert spy.written == []


@pytest.mark.search_cluster
def test_the_engine_finds_a_place_by_the_activities_held_there(
    engine, presikhaaf, place, django_capture_on_commit_callbacks
):
    """Below the activity itself (engine_query.HOST); gone with the activity's old title."""
    with django_capture_on_commit_callbacks(execute=True):
        club = make_activiteit(
            presikhaaf, "Kantklosclub", local(date(2027, 3, 4), 14), voorziening=place, samenvatting="Handwerken."
        )
    pages = Page.objects.live().filter(locale=presikhaaf.locale)
    question = EngineQuery(["kantklosclub"])
    assert wait_for(lambda: search(engine, question, pages) == ([club.slug, place.slug], "engine"))
    club = ActiviteitPage.objects.get(pk=club.pk)
    club.title = "Klosclub"
    with django_capture_on_commit_callbacks(execute=True):
        club.save_revision().publish()
    assert search(engine, question, pages) == ([], "engine")
    assert search(engine, EngineQuery(["klosclub"]), pages) == ([club.slug, place.slug], "engine")
