"""Dutch analysis in a real OpenSearch index: stemming, compounds, glossary synonyms, autocomplete."""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest
from wagtail.models import Locale, Page

from search import analysis
from search.text import stem
from woordenlijst.models import BegripPage, WoordenlijstPage

from .opensearch_support import (  # noqa: F401
    PREFIX,
    engine,
    http,
    opensearch_config,
    opensearch_urls,
    search,
)

pytestmark = pytest.mark.search_cluster


def tokens(urls, text, analyzer="default"):
    answer = http(f"{urls[0]}/{PREFIX}wagtailcore_page/_analyze", "POST", {"analyzer": analyzer, "text": text})
    return [t["token"] for t in answer["tokens"]]


def nl_pages():
    return Page.objects.live().filter(locale=Locale.objects.get(language_code="nl"))


@pytest.mark.parametrize(
    "words",
    [
        ("wijken", "wijk"),
        ("activiteiten", "activiteit"),
        ("vrijwilligers", "vrijwilliger"),
        ("mantelzorgers", "mantelzorger"),
        ("buurthuizen", "buurthuis"),
        ("kinderen", "kind"),
        ("cursussen", "cursus"),
        ("klusjes", "klusje"),  # a diminutive: text.DIMINUTIVE_PLURAL
        ("kopjes", "kopje"),
    ],
)
def test_plural_and_singular_share_a_stem(db, opensearch_config, opensearch_urls, words):
    plural, singular = words
    assert tokens(opensearch_urls, plural)[0] == tokens(opensearch_urls, singular)[0]


@pytest.mark.parametrize(
    "words",
    [
        ("klusjes", "klusje"),  # a diminutive plural: text.DIMINUTIVE_PLURAL
        ("kopjes", "kopje"),
        ("bloemetjes", "bloemetje"),
        ("ouderen", "oudere"),  # data/stamregels.txt
        ("buurthuizen", "buurthuis"),
        ("gemeentes", "gemeente"),
    ],
)
def test_the_engine_and_the_python_ranking_stem_alike(db, opensearch_config, opensearch_urls, words):
    """One copy of each stemming rule (text.DIMINUTIVE_PLURAL, data/stamregels.txt) for the engine's analyzers
    and the Python ranking's stem()."""
    plural, singular = words
    engine = tokens(opensearch_urls, plural, analyzer=analysis.PLAIN_ANALYZER)
    assert engine == tokens(opensearch_urls, singular, analyzer=analysis.PLAIN_ANALYZER) == [stem(plural)]
    assert stem(plural) == stem(singular)


def test_stemmer_overrides_keep_elderly_apart_from_parents(db, opensearch_config, opensearch_urls):
    assert tokens(opensearch_urls, "ouderen") == tokens(opensearch_urls, "oudere") == ["oudere"]
    assert tokens(opensearch_urls, "ouders") == ["ouder"]
    assert "ouder" not in tokens(opensearch_urls, "ouderen")


def test_pinned_dutch_stemmer(db, opensearch_config, opensearch_urls):
    # The stems this index was built and tuned with; a new engine version that stems differently fails here.
    assert analysis.STEMMER == {"type": "stemmer", "language": "dutch"}
    words = "ondersteuning gemeente eenzaamheid wandelen huisarts zorgen".split()
    stems = [tokens(opensearch_urls, word)[0] for word in words]  # the word itself comes before its parts
    assert stems == ["ondersteun", "gemeent", "eenzam", "wandel", "huisart", "zorg"]


def test_stop_words_and_accents(db, opensearch_config, opensearch_urls):
    assert tokens(opensearch_urls, "de koffie in het café") == ["koffie", "caf"]
    assert tokens(opensearch_urls, "cafe") == tokens(opensearch_urls, "Café")


def test_compounds_are_split_into_known_words(db, opensearch_config, opensearch_urls):
    found = tokens(opensearch_urls, "mantelzorgondersteuning")
    assert {"mantelzorg", "ondersteun"} <= set(found)
    assert {"koffie", "ochtend"} <= set(tokens(opensearch_urls, "koffieochtend"))
    assert "huis" not in tokens(opensearch_urls, "thuiszorg")  # no splitting on short parts


def test_glossary_synonyms_at_search_time(db, opensearch_config, opensearch_urls):
    searched = tokens(opensearch_urls, "wmo", analyzer="default_search")
    assert {"wet", "maatschapp", "ondersteun"} <= set(searched)
    assert tokens(opensearch_urls, "wmo") == ["wmo"]  # not at index time


def test_a_glossary_name_with_a_stop_word_is_a_synonym_at_search_time(db, opensearch_config, opensearch_urls):
    """The synonyms come after the stop words (search/analysis.py): a name with a stop word in it ("gesprek
    over later", andere woorden of the demo term "Praat vandaag over morgen") is a rule without it, and a
    question that says it gets the term's other names."""
    rules = analysis.synonym_filter(["praat vandaag over morgen, gesprek over later, vooruitdenken", "de, het"])
    assert rules["synonyms"] == ["praat vandaag morgen, gesprek later, vooruitdenken"]  # "de, het": no rule left
    searched = set(tokens(opensearch_urls, "gesprek over later", analyzer="default_search"))
    assert {"vooruitdenk", "prat", "vandag", "morg"} <= searched


def test_autocomplete_grams_cover_long_words(db, opensearch_config, opensearch_urls):
    grams = tokens(opensearch_urls, "mantelzorgondersteuning", analyzer="edgengram_analyzer")
    assert "mantelzorgondersteuning" in grams


def test_compound_and_plural_queries_find_pages(engine):
    found, by = search(engine, "mantelzorgondersteuning", nl_pages())
    assert by == "engine"
    assert "steunpunt-mantelzorg" in found
    assert "mantelzorgcafe-arnhem-zuid" in found  # "mantelzorg" in a compound of the activity
    found, by = search(engine, "buurthuizen", nl_pages())
    assert by == "engine" and "buurthuis-de-klimop" in found


def test_typo_finds_the_word(engine):
    found, by = search(engine, "valpreventy", nl_pages())
    assert by == "engine"
    assert {"valpreventie", "valpreventie-stevig-staan"} <= set(found[:5])


def test_abbreviation_finds_its_term(engine):
    found, by = search(engine, "wat is wmo", nl_pages())
    assert by == "engine" and found[0] == "wmo"


def test_glossary_change_changes_the_synonyms(engine, opensearch_urls, django_capture_on_commit_callbacks):
    nl = Locale.objects.get(language_code="nl")
    before, by = search(engine, "zqxh", nl_pages())
    assert by == "engine" and "koffieochtend-de-klimop" not in before
    lijst = WoordenlijstPage.objects.get(locale=nl)
    begrip = lijst.add_child(
        instance=BegripPage(
            title="Koffiehulp",
            slug="koffiehulp-test",
            afkorting="ZQXH",
            synoniemen="koffieochtend",
            uitleg="Samen koffie drinken.",
            locale=nl,
            live=False,
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        begrip.save_revision().publish()
    assert "koffieocht" in tokens(opensearch_urls, "zqxh", analyzer="default_search")  # stem of koffieochtend
    after, by = search(engine, "zqxh", nl_pages())
    assert by == "engine" and "koffieochtend-de-klimop" in after

    with django_capture_on_commit_callbacks(execute=True):
        BegripPage.objects.get(pk=begrip.pk).unpublish()
    assert "koffieocht" not in tokens(opensearch_urls, "zqxh", analyzer="default_search")
    gone, by = search(engine, "zqxh", nl_pages())
    assert by == "engine" and "koffieochtend-de-klimop" not in gone
