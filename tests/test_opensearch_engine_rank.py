"""The engine ranks (issue 12, SEARCH_RANKING=engine): what only the OpenSearch ranking does.

Against the real cluster of CI (tests/opensearch_support.py), through /api/zoeken/, on the demo corpus. What a
resident gets back, on OpenSearch and on the database backends alike: tests/test_search_ranking.py.
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import json
from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page

from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.testing import make_activiteit
from search import analysis, backends, concepts, docindex, engine_request, searched
from search.engine import search as portal_search
from search.engine_query import ALL_TEXT, SUMMARY_FIELD, EngineQuery
from search.engine_rank import engine_rank, question
from search.ranking import RANKED_MAX
from woordenlijst.models import BegripPage

from .opensearch_support import (  # noqa: F401
    engine,
    engine_settings,
    found,
    opensearch_config,
    opensearch_urls,
    search,
    wait_for,
)

pytestmark = pytest.mark.search_cluster


@pytest.fixture
def engine_ranks(engine):
    with override_settings(SEARCH_RANKING="engine", SEARCH_ANSWER_SECONDS=0, SEARCH_INDEX_CHECK_SECONDS=0):
        docindex.clear()
        yield engine
    docindex.clear()


def test_the_answer_is_the_engines_order(client, engine_ranks):
    nl = Locale.objects.get(language_code="nl")
    answer = engine_rank("koffieochtend", docindex.get_index(nl), nl)
    assert answer is not None, "the engine answered"
    ranked = answer.ranked
    api = found(client, "koffieochtend")
    assert api == [(doc.type, doc.slug) for doc, _score in ranked][: len(api)]
    assert api[0][1].startswith("koffieochtend")
    # The Python ranking orders the same question otherwise (so the test above can tell them apart).
    with override_settings(SEARCH_RANKING="python"):
        assert found(client, "koffieochtend") != api


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


def test_the_engine_recognises_a_glossary_term_said_in_other_words(engine_ranks, django_capture_on_commit_callbacks):
    """search/concepts.py: every word of a term's andere woorden, in any order, each also as a synonym of
    the data files (thesaurus.txt: vrouw ~ partner); an editor's publish reaches every process at once."""
    nl = Locale.objects.get(language_code="nl")

    def recognised(question):
        return {title: sorted(used) for title, used in concepts.recognise(engine_ranks, question, [nl.pk])}

    # Demo woordenlijst, mantelzorg: "zieke partner verzorgen".
    assert recognised("ik verzorg mijn zieke vrouw")["mantelzorg"] == ["verzorg", "vrouw", "zieke"]
    begrip = BegripPage.objects.get(slug="wijkverpleging", locale=nl)
    question = "wie helpt mij met wassen en aankleden"
    assert begrip.title not in recognised(question)
    before = begrip.synoniemen
    begrip.synoniemen = f"{before}, aankleden en wassen"
    with django_capture_on_commit_callbacks(execute=True):
        begrip.save_revision().publish()
    assert recognised(question)[begrip.title] == ["aankleden", "wassen"]
    begrip.synoniemen = before  # the editor takes it out again (and the engine is as before this test)
    with django_capture_on_commit_callbacks(execute=True):
        begrip.save_revision().publish()
    assert begrip.title not in recognised(question)


def test_a_term_said_in_other_words_stands_for_those_words(client, engine_ranks):
    """ "mantelzorg" said in three words (search/engine_rank.question, engine_query._concept_clauses) counts as
    those three: a page about it answers though it does not say "hulp" (3 of the 4 content words must match)."""
    page = ActiviteitPage.objects.get(slug="mantelzorgcafe-arnhem-zuid", locale__language_code="nl")
    assert "hulp" not in f"{page.title} {page.samenvatting} {page.omschrijving}".lower()
    answer = found(client, "hulp voor iemand die voor zijn zieke vrouw zorgt")
    assert ("activiteit", page.slug) in answer


def test_a_name_of_several_words_finds_the_pages_that_say_its_other_names(client, engine_ranks):
    """The demo term "Praat vandaag over morgen" has the andere woorden "gesprek over later" and "krachtig ouder
    worden". Its synonym rule holds stop words, which the engine drops before the synonyms; the pages with
    the term's names in their title are found (the activities below were not, before search/analysis.py put
    the stop words first)."""
    answer = [slug for _type, slug in found(client, "gesprek over later")]
    assert "praat-vandaag-over-morgen-elderveld" in answer
    assert "dorpsgesprek-krachtig-ouder-worden" in answer


def test_a_missing_terms_index_is_no_outage(client, engine_ranks, monkeypatch, caplog):
    """The terms in other words are asked beside the search (backends.ask_engine). Their index is missing until
    `update_index` has run once with this code: then a question goes without them, from the engine, and the
    engine is not taken for down (which would send every search to the database for RETRY_AFTER seconds)."""
    monkeypatch.setattr(concepts, "INDEX_NAME", "begrippen_nog_niet_gebouwd")
    nl = Locale.objects.get(language_code="nl")
    assert concepts.recognise(engine_ranks, "ik verzorg mijn zieke vrouw", [nl.pk]) == []
    assert not engine_ranks.engine_is_down()
    assert "recognising glossary terms failed" in caplog.text
    answer = engine_rank("ik verzorg mijn zieke vrouw", docindex.get_index(nl), nl)
    assert answer is not None, "the engine answered"
    ranked = answer.ranked
    assert ("begrip", "mantelzorg") in [(doc.type, doc.slug) for doc, _score in ranked]


def test_the_query_the_engine_receives_can_be_printed(engine_ranks):
    """`manage.py engine_query` (search/README.md prints one with it): the question as the engine gets it."""
    out = StringIO()
    call_command("engine_query", "koffieochtend Malburgen", stdout=out)
    query = json.loads(out.getvalue())
    malburgen = Page.objects.get(slug="malburgen", locale__language_code="nl")
    factors = query["bool"]["must"]["function_score"]["functions"]
    assert {"filter": {"bool": {"should": [{"prefix": {"path_filter": malburgen.path}}]}}, "weight": 10.0} in factors
    assert '"home_basepage__zoek_kern_filter": {"query": "koffieochtend"' in json.dumps(query)
    # The words that say when (query_understanding.says_when) must match, but do not count as what a page is.
    out = StringIO()
    call_command("engine_query", "koffie op zondagmiddag of in het weekend", stdout=out)
    printed = json.dumps(json.loads(out.getvalue()))
    assert f'"{SUMMARY_FIELD}": {{"query": "koffie"' in printed
    for word in ("zondag", "middag", "weekend"):
        assert f'"{ALL_TEXT}": {{"query": "{word}"' in printed
        assert f'"{SUMMARY_FIELD}": {{"query": "{word}"' not in printed
    out = StringIO()
    call_command("engine_query", "de het een", stdout=out)
    assert "the engine is not asked" in out.getvalue()
    with pytest.raises(CommandError, match="no language 'xx'"):
        call_command("engine_query", "koffie", lang="xx")


def test_the_engine_leaves_out_an_activity_that_is_over(engine_ranks, django_capture_on_commit_callbacks):
    """ActiviteitPage.zoek_getoond_tot: the engine's own answer has no activity whose last time is over, nor one
    cancelled for good, so its best pages (engine_rank.RANKED_MAX) are all pages a resident can still go to."""
    buurt = BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")
    begun = timezone.now() - timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        over = make_activiteit(buurt, "Zwaluwstaartles voorbij", begun, herhaling="FREQ=WEEKLY;COUNT=2")
        going = make_activiteit(buurt, "Zwaluwstaartles wekelijks", begun, herhaling="FREQ=WEEKLY")
    pages = ActiviteitPage.objects.live().filter(locale=buurt.locale)
    # Wagtail's own query on the same index finds both: the documents are there (in the engine, not the fallback).

    def both_in_the_engine():
        slugs, answered_by = search(engine_ranks, "zwaluwstaartles", pages)
        return answered_by == "engine" and {over.slug, going.slug} <= set(slugs)

    assert wait_for(both_in_the_engine)
    assert search(engine_ranks, EngineQuery(["zwaluwstaartles"]), pages) == ([going.slug], "engine")
    going.status = "afgelast"
    with django_capture_on_commit_callbacks(execute=True):
        going.save_revision().publish()
    assert wait_for(lambda: search(engine_ranks, EngineQuery(["zwaluwstaartles"]), pages)[0] == [])


def test_the_counts_of_a_site_without_buurten(engine_ranks):
    """A new site may have no buurt yet: the engine refuses an aggregation of no buurten, so the counts search
    leaves it out (engine_request.count_body), and the numbers per type still add up to every match."""
    nl = Locale.objects.get(language_code="nl")
    query = question("koffie", docindex.get_index(nl), nl)
    compiler = engine_ranks.query_compiler_class(searched.searched_pages(nl), query)
    answer = engine_request.ask(engine_ranks, [engine_request.count_body(compiler.get_query(), [])])
    assert answer is not None, "the engine answered"
    counted = engine_request.Counted(answer[0], [])
    assert counted.buurten == {}
    assert counted.total == sum(counted.types.values()) > 10


def test_at_scale_the_results_page_builds_only_the_activities_it_shows(client, engine_ranks):
    """At scale the picture holds no activities: an activity the engine found is built into a document (its
    texts, its next times, its address) only when its result is shown (engine.shown), ten to a page, not
    for all of the engine's best pages. The pages list the same answers in the same order as before."""
    nl = Locale.objects.get(language_code="nl")
    with override_settings(SEARCH_MEMORY_MAX_ACTIVITIES=0):
        docindex.clear()
        index = docindex.get_index(nl)
        assert index.at_scale
        pages = []
        for number in (1, 2):
            soup = BeautifulSoup(client.get("/zoeken/", {"q": "samen", "page": number}).content, "html.parser")
            pages.append([a.get_text(strip=True) for a in soup.select(".search-result__title a")])
        built = [doc for doc in index.candidate_docs.values() if doc is not None]
        everything = portal_search("samen", locale=nl, limit=RANKED_MAX).results  # every document built
    activities = [r for r in everything if r.doc.type == "activiteit"]
    assert len(activities) > 30, "the engine found many more activities than two pages show"
    assert 0 < len(built) <= 20
    assert pages == [[r.doc.title for r in everything[:10]], [r.doc.title for r in everything[10:20]]]
