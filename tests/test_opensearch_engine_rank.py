"""The engine ranks (issue 12, SEARCH_RANKING=engine): what a resident gets when OpenSearch orders the answers.

Against the real cluster of CI (tests/opensearch_support.py), through /api/zoeken/, on the demo corpus.
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from search import analysis, backends, docindex
from search.engine_rank import engine_rank
from woordenlijst.models import BegripPage, BegripZieOok, WoordenlijstPage

from .opensearch_support import (  # noqa: F401
    engine,
    engine_settings,
    found,
    opensearch_config,
    opensearch_urls,
    results,
    wait_for,
)

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def engine_ranks(engine):
    with override_settings(SEARCH_RANKING="engine", SEARCH_ANSWER_SECONDS=0, SEARCH_INDEX_CHECK_SECONDS=0):
        docindex.clear()
        yield engine
    docindex.clear()


def test_the_answer_is_the_engines_order(client, engine_ranks):
    nl = Locale.objects.get(language_code="nl")
    ranked = engine_rank("koffieochtend", docindex.get_index(nl), nl)
    assert ranked is not None, "the engine answered"
    api = found(client, "koffieochtend")
    assert api == [(doc.type, doc.slug) for doc, _score in ranked][: len(api)]
    assert api[0][1].startswith("koffieochtend")
    # The Python ranking orders the same question otherwise (so the test above can tell them apart).
    with override_settings(SEARCH_RANKING="python"):
        assert found(client, "koffieochtend") != api


def test_a_compound_in_the_question_finds_pages_with_its_parts(client, engine_ranks):
    # ‘Ouderengym’ is on no page: "Gym voor senioren" has its parts (ouderen ~ senioren, gym).
    top = found(client, "ouderengym")[:5]
    assert ("activiteit", "gym-senioren-de-sprong") in top and ("activiteit", "seniorengym-tolkamer") in top


def test_two_words_find_the_compound_written_together(client, engine_ranks):
    assert found(client, "klusjes dienst")[0] == ("activiteit", "klusjesdienst-elderveld")


def test_a_typo_is_corrected_by_the_engine(client, engine_ranks):
    top = [slug for _type, slug in found(client, "valpreventy")[:5]]
    assert top[0].startswith("valpreventie") and sum(slug.startswith("valpreventie") for slug in top) >= 2


def test_a_word_of_another_language_finds_the_dutch_pages(client, engine_ranks):
    # data/vertaalwoorden.txt: "doktor" (Turkish) => huisarts; no demo page says "doktor".
    answer = results(client, "doktor")
    assert answer and "huisarts" in answer[0]["title"].lower()


def test_a_need_finds_what_helps_with_it(client, engine_ranks):
    # thesaurus.txt, one way: eenzaam > ontmoeten (the analyzers: test_the_data_files_are_the_engines_synonyms).
    assert any("ontmoet" in r["title"].lower() for r in results(client, "eenzaam")[:20])


def test_a_definition_question_puts_the_glossary_term_first(client, engine_ranks):
    assert found(client, "wat is wmo")[0] == ("begrip", "wmo")
    assert found(client, "wat is een thuisplusflat")[0] == ("begrip", "thuisplusflat")


def test_a_search_in_a_buurt_shows_that_buurt_first(client, engine_ranks):
    answer = results(client, "huisarts", buurt="haalderen")
    assert answer[0]["buurt"] == "haalderen"
    assert {r["buurt"] for r in answer} <= {"haalderen", None}  # the buurt's pages and glossary terms


def test_a_place_named_in_the_question_comes_first(client, engine_ranks):
    assert found(client, "Zetten")[0] == ("buurt", "zetten")
    answer = results(client, "koffieochtend Haalderen")
    assert answer[0]["slug"] == "koffieochtend-dorpsweide"


@pytest.mark.parametrize("q", ["hondenuitlaatservice", "zwemles voor kinderen", "qwxzv"])
def test_nonsense_gets_no_answer(client, engine_ranks, q):
    assert results(client, q) == []


def test_one_word_missing_is_forgiven_when_every_word_is_known(client, engine_ranks):
    # No page has all of "koffie", "kaarten" and "wandelen"; each word is on pages.
    answer = found(client, "koffie kaarten wandelen")
    assert answer, "one word may be missing when the engine knows all three"


def test_without_the_engine_the_python_ranking_answers(client, db, opensearch_urls):
    dead = engine_settings(["http://127.0.0.1:9"], SEARCH_TIMEOUT=0.5)
    backends.reset_failover_state()
    with override_settings(WAGTAILSEARCH_BACKENDS=dead, SEARCH_RANKING="engine", SEARCH_ANSWER_SECONDS=0):
        docindex.clear()
        answer = found(client, "koffieochtend")
    backends.reset_failover_state()
    docindex.clear()
    assert answer and answer[0][1].startswith("koffieochtend")


def test_the_data_files_are_the_engines_synonyms(engine_ranks):
    """thesaurus.txt and vertaalwoorden.txt reach the index; the wide analyzer adds the one-way lines."""
    index = engine_ranks.get_index_for_model(Page).name

    def tokens(analyzer, text):
        answer = engine_ranks.es.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
        return {t["token"] for t in answer["tokens"]}

    assert "huisart" in tokens("default_search", "doktor") or "huisarts" in tokens("default_search", "doktor")
    assert "eenzam" in tokens("default_search", "lonely") or "eenzaam" in tokens("default_search", "lonely")
    narrow, wide = tokens("default_search", "eenzaam"), tokens(analysis.WIDE_ANALYZER, "eenzaam")
    assert not any(t.startswith("ontmoet") for t in narrow)
    assert any(t.startswith("ontmoet") for t in wide)
    # A question word of data/stopwoorden.txt is no search word; a compound is split at index time.
    assert tokens("default_search", "zoek") == set()
    assert {"zondag", "middag"} <= tokens("default", "zondagmiddagconcert")


def test_a_term_linked_under_zie_ook_comes_along(client, engine_ranks, django_capture_on_commit_callbacks):
    """The editors' ‘zie ook’ links are search words of the linked terms (BegripPage.zie_ook_zoekwoorden),
    in both directions, and a publish puts them into the engine."""
    nl = Locale.objects.get(language_code="nl")
    lijst = WoordenlijstPage.objects.get(locale=nl)
    verwant = lijst.add_child(
        instance=BegripPage(title="Buurtkast", slug="buurtkast-test", uitleg="Een kast met boeken.", locale=nl)
    )
    assert ("begrip", "buurtkast-test") not in found(client, "wat is een zqxwoord")
    nieuw = lijst.add_child(
        instance=BegripPage(title="Zqxwoord", slug="zqxwoord-test", uitleg="Een woord om te testen.", locale=nl)
    )
    nieuw.zie_ook_links.add(BegripZieOok(doel=verwant))
    with django_capture_on_commit_callbacks(execute=True):
        nieuw.save_revision().publish()
    # Both terms are written after the commit; the engine shows each within its 1 s refresh.
    assert wait_for(lambda: ("begrip", "buurtkast-test") in found(client, "wat is een zqxwoord"))
    assert found(client, "wat is een zqxwoord")[0] == ("begrip", "zqxwoord-test")
    assert wait_for(lambda: ("begrip", "zqxwoord-test") in found(client, "wat is een buurtkast"))
