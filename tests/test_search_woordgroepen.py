"""Two words in another language for one thing (search/data/vertaalwoorden.txt): "aile hekimi" is a family doctor,
"gündüz bakımı" and "day care" are dagbesteding, "nursing home" and "huzur evi" a care home. The list has them glued
("ailehekimi"); a question with the two words side by side is read as that one word (search/question.py, the one
tokenising step of both rankings), so it asks for the Dutch word, not for "aile" and "hekimi" apart. Before, "gündüz
bakımı" listed what mentions care ("bakım") anywhere and "social worker" the pages about work. Each behaviour test
runs on the database backend with the Python ranking and on OpenSearch with the engine's (tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest
from wagtail.models import Locale

from search import engine as search_engine
from search.question import question_words
from search.text import fold, translations

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import no_kept_answers, ranking  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_answers")]

HUISARTSEN = {
    "huisartsenpraktijk-meidoorn", "gezondheidscentrum-de-waaier", "huisartsenpraktijk-aan-de-dijk",
    "huisartsen-de-brink", "huisartsenpraktijk-het-oude-veer", "gezondheidscentrum-de-veldhoek",
}  # fmt: skip
DAGBESTEDING = {"kennismaking-dagbesteding-waterlelie", "zorgcentrum-de-waterlelie"}
ZORGCENTRA = {"zorgcentrum-lindehof", "zorgcentrum-de-waterlelie"}
BUURTTEAMS = {"buurtteam-noord", "buurtteam-de-schakel"}


def first_places_and_activities(query, lang, n=3):
    """The slugs of the first `n` places and activities (the glossary's explanation may come first)."""
    outcome = search_engine.search(query, locale=Locale.objects.get(language_code=lang), limit=20)
    return [r.doc.slug for r in outcome.results if r.doc.type in ("voorziening", "activiteit")][:n]


@pytest.mark.parametrize(
    ("query", "lang", "wanted"),
    [
        ("aile hekimi", "nl", HUISARTSEN),
        ("aile hekimi", "tr", HUISARTSEN),
        ("gündüz bakımı", "tr", DAGBESTEDING),
        ("day care", "nl", DAGBESTEDING),
        ("nursing home", "en", ZORGCENTRA),
        ("huzur evi", "tr", ZORGCENTRA),
        ("social worker", "en", BUURTTEAMS),
    ],
)
def test_two_words_for_one_thing_find_that_thing(ranking, query, lang, wanted):
    found = first_places_and_activities(query, lang, n=len(wanted))
    assert set(found) <= wanted and found, found


def test_the_two_words_are_read_as_the_word_the_list_has():
    nl = Locale.objects.get(language_code="nl")
    assert question_words("aile hekimi", nl) == ["ailehekimi"]
    assert question_words("Gündüz Bakımı nerede", nl)[0] == fold("gündüzbakımı")
    # Apart, or in another order, they are two words: "hekimi aile" is no family doctor.
    assert question_words("hekimi aile", nl) == ["hekimi", "aile"]
    assert "huisarts" in translations()["ailehekimi"]
