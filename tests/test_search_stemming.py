"""The Python side's Dutch stems (search.text.stem): the forms a resident types meet the forms on the pages.
(tests/test_opensearch_analysis.py checks that the engine stems alike.)"""

# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)
import pytest

from search import text

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import html, no_kept_answers, ranking, titles  # noqa: F401


@pytest.mark.parametrize(
    "asked, written",
    [
        ("mantelzorgers", "mantelzorger"),
        ("wandelingen", "wandeling"),
        ("klusjes", "klusje"),  # a diminutive plural: text.DIMINUTIVE_PLURAL
        ("huizen", "huis"),  # Snowball leaves "huiz"; data/stamregels.txt says huis
    ],
)
def test_a_plural_meets_its_singular(asked, written):
    assert text.stem(asked) == text.stem(written)


def test_words_from_the_site_are_not_stemmed_into_each_other():
    # "ouders" (parents) and "ouderen" (the elderly) must stay apart: a question about the elderly
    # should not bring up the pages for parents.
    assert text.stem("ouderen") != text.stem("ouders")


# Activities that say "ouderen" (or a compound with it) and nothing about parents or growing older.
ABOUT_THE_ELDERLY = ("Inloopspreekuur POH-ouderen", "Zingen met het Tolkamerse ouderenkoor")
ABOUT_GROWING_OLDER = "Dorpsgesprek: krachtig ouder worden in Randwijk"  # says "ouder worden"


@pytest.mark.django_db
@pytest.mark.usefixtures("no_kept_answers")
def test_a_question_about_parents_does_not_find_the_pages_about_the_elderly(client, ranking):
    # The Python ranking also matches a longer word that starts with the stem ("koffie" → "koffieochtend");
    # "ouder" must not reach "oudere" and "ouderenzorg" that way: data/stamregels.txt keeps them apart.
    found = titles(html(client, q="ouders"))
    assert ABOUT_GROWING_OLDER in found, found
    assert not set(ABOUT_THE_ELDERLY) & set(found), found


@pytest.mark.django_db
@pytest.mark.usefixtures("no_kept_answers")
def test_a_question_about_the_elderly_finds_them_first(client, ranking):
    # Among the first ten: on PostgreSQL the Python ranking puts the glossary pages about the elderly
    # between them (the choir sixth), on SQLite and OpenSearch both activities are among the first five.
    found = titles(html(client, q="ouderen"))
    assert set(ABOUT_THE_ELDERLY) <= set(found[:10]), found[:10]
