"""Search at scale: above SEARCH_MEMORY_MAX_ACTIVITIES the picture in memory keeps no activities, and a
search takes them from the search backend (search/candidates.py). Residents must get the same answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from activiteiten.models import ActiviteitPage
from search import docindex
from search.page_texts import activity_shown
from search.text import stem, stopwords, words

from .languages_support import translate

pytestmark = pytest.mark.django_db

# "huisats": a typo read as huisarts, at scale after asking the vocabulary (vocabulary.known_unshortened).
QUESTIONS = ["koffieochtend Haalderen", "valpreventie", "mantelzorgcafe", "repair cafe", "stoelyoga", "huisats"]


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    settings.SEARCH_INDEX_CHECK_SECONDS = 0
    docindex.clear()
    yield
    docindex.clear()


@pytest.fixture
def at_scale(settings):
    settings.SEARCH_MEMORY_MAX_ACTIVITIES = 0
    docindex.clear()


def api(client, **params):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 200
    return response.json()


def found(client, **params):
    return [(r["type"], r["slug"]) for r in api(client, **params)["results"]]


def test_at_scale_the_picture_keeps_no_activities(at_scale):
    nl = Locale.objects.get(language_code="nl")
    index = docindex.get_index(nl)
    assert index.at_scale
    kinds = {doc.type for doc in index.docs.values()}
    assert kinds == {"buurt", "voorziening", "begrip"}
    assert index.activity_count == ActiviteitPage.objects.live().filter(locale=nl).count()
    assert index.known("koffieochtend")  # words of activity titles are still known (typo correction)


def test_at_scale_building_the_picture_reads_no_activity_text(at_scale):
    """So that a new process answers as soon at 100,000 activities as at 100: how many activities have a
    word comes from the vocabulary in the database, not from reading every activity's texts."""
    nl = Locale.objects.get(language_code="nl")
    with CaptureQueriesContext(connection) as queries:
        index = docindex.get_index(nl)
    texts_read = [q["sql"] for q in queries.captured_queries if "samenvatting" in q["sql"]]
    assert texts_read == []
    titles_read = [q["sql"] for q in queries.captured_queries if "activiteitpage" in q["sql"] and '"title"' in q["sql"]]
    assert titles_read == []
    assert index.activity_count == ActiviteitPage.objects.live().filter(locale=nl).count()
    # The words of the activities' titles are in the compound lexicon all the same ("Stoelyoga" is split
    # because an activity is called "Yoga ...": text.split_compound), from the vocabulary's title rows.
    now = timezone.now()
    shown = [p for p in ActiviteitPage.objects.live().filter(locale=nl) if activity_shown(p, now)[0]]
    title_words = {w for p in shown for w in words(p.title) if len(w) >= 4 and w not in stopwords()}
    assert title_words <= index.lexicon


def test_at_scale_a_word_of_a_new_activity_is_known_and_counted_once(at_scale):
    """A word only a just-published activity has is known at once (no typo correction of it), also a word
    of three letters, and an activity counts once when its Dutch page and its translation both have it."""
    nl, en = Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="en")
    assert not docindex.get_index(nl).known("klompendansen")
    assert not docindex.get_index(nl).known("ska")
    dutch = ActiviteitPage.objects.get(slug="line-dance-stegge", locale=nl)
    dutch.samenvatting = "Klompendansen op ska, voor iedereen die graag beweegt."
    dutch.save_revision().publish()
    translate(dutch.get_translation(en), samenvatting="Klompendansen (clog dancing) to ska, for everyone.")
    for locale in (nl, en):
        index = docindex.get_index(locale)
        for word in ("klompendansen", "ska"):
            assert index.known(word), (locale, word)
            assert index.activity_count_for(stem(word)) == 1, (locale, word)
    assert "klompendansen" not in docindex.get_index(nl).lexicon  # not in a title
    dutch.title = "Klompendansen in de Stegge"
    dutch.save_revision().publish()
    assert "klompendansen" in docindex.get_index(nl).lexicon


def test_below_the_limit_the_picture_keeps_every_page(settings):
    settings.SEARCH_MEMORY_MAX_ACTIVITIES = 10_000
    index = docindex.get_index(Locale.objects.get(language_code="nl"))
    assert not index.at_scale
    assert any(doc.type == "activiteit" for doc in index.docs.values())


def test_at_scale_residents_get_the_same_first_answers(client, settings):
    settings.SEARCH_MEMORY_MAX_ACTIVITIES = 10_000
    in_memory = {q: found(client, q=q)[:3] for q in QUESTIONS}
    settings.SEARCH_MEMORY_MAX_ACTIVITIES = 0
    docindex.clear()
    for q in QUESTIONS:
        at_scale = found(client, q=q)
        assert at_scale[0] == in_memory[q][0], q
        assert q != "huisats" or "huisarts" in at_scale[0][1], at_scale[:3]
        assert set(in_memory[q]) <= set(at_scale[:5]), q


def test_at_scale_a_weekday_question_finds_activities_on_that_day(client, at_scale):
    results = api(client, q="iets te doen op zondagmiddag")["results"]
    slugs = [r["slug"] for r in results if r["type"] == "activiteit"]
    assert slugs
    index = docindex.get_index(Locale.objects.get(language_code="nl"))
    pages = ActiviteitPage.objects.filter(slug__in=slugs[:3], locale__language_code="nl")
    for page in pages:
        days, _hour = docindex._weekdays(page)
        assert 6 in days, page.slug
    assert index.at_scale


def test_at_scale_a_search_in_a_buurt_keeps_to_that_buurt(client, at_scale):
    results = api(client, q="koffie", buurt="haalderen")["results"]
    activities = [r for r in results if r["type"] == "activiteit"]
    assert activities
    assert {r["buurt"] for r in activities} == {"haalderen"}
    assert "koffieochtend-dorpsweide" in {r["slug"] for r in activities}


def test_at_scale_a_changed_activity_is_found_at_once(client, at_scale):
    page = ActiviteitPage.objects.get(slug="line-dance-stegge", locale__language_code="nl")
    assert ("activiteit", page.slug) not in found(client, q="klompendansen")
    page.samenvatting = "Klompendansen op muziek, voor iedereen die graag beweegt."
    page.save_revision().publish()
    assert found(client, q="klompendansen")[0] == ("activiteit", page.slug)


def test_at_scale_an_ended_activity_is_not_found(client, at_scale):
    page = ActiviteitPage.objects.get(slug="line-dance-stegge", locale__language_code="nl")
    assert ("activiteit", page.slug) in found(client, q="line dance")
    page.status = "afgelast"
    page.save_revision().publish()
    assert ("activiteit", page.slug) not in found(client, q="line dance")


def test_a_title_that_starts_with_the_word_ranks_above_one_that_ends_with_it(client):
    about = ActiviteitPage.objects.get(slug="bingomiddag-tolhuis", locale__language_code="nl")
    mentions = ActiviteitPage.objects.get(slug="klaverjasavond-spijk", locale__language_code="nl")
    about.title, about.samenvatting = "Postzegels kijken", "Samen kijken naar oude zegels."
    mentions.title = "Wandeling met postzegels"
    mentions.samenvatting = "Een wandeling, met postzegels en nog eens postzegels om te ruilen."
    for page in (about, mentions):
        page.save_revision().publish()
    results = found(client, q="postzegels")
    assert results.index(("activiteit", about.slug)) < results.index(("activiteit", mentions.slug))


def test_at_scale_english_pages_are_found_once_with_their_english_address(client, settings):
    settings.SEARCH_MEMORY_MAX_ACTIVITIES = 10_000
    in_memory = api(client, q="koffieochtend Haalderen", lang="en")["results"]
    settings.SEARCH_MEMORY_MAX_ACTIVITIES = 0
    docindex.clear()
    results = api(client, q="koffieochtend Haalderen", lang="en")["results"]
    assert results[0]["slug"] == in_memory[0]["slug"] == "koffieochtend-dorpsweide"
    assert all(r["url"].startswith("/en/") for r in results)
    assert len({r["slug"] for r in results}) == len(results)  # not the Dutch page next to its English one
