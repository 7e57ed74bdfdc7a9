"""A word no page has: the page says which word, and what the search looked for instead (search/unfound.py).

A resident who mistypes the first letter ("hoffie") used to get nothing from the engine ranking, whose
fuzziness keeps a word's first letter; one who asks for something the portal does not have ("zwemles")
got nothing, or answers about the other words, without being told why. Each test runs on the database
backend with the Python ranking and on OpenSearch with the engine's ranking (tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from search import vocabulary

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import html, no_kept_answers, ranking, titles  # noqa: F401
from .test_search_counts import total

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_answers")]


def notices(soup):
    return [p.get_text(" ", strip=True) for p in soup.select(".unfound p")]


def test_a_typo_in_the_first_letter_finds_the_word_meant(client, ranking):
    soup = html(client, q="hoffie")
    # The coffee pages: the vocabulary knows "koffie" is close to "hoffie".
    assert total(soup) > 3
    assert all("koffie" in title.lower() for title in titles(soup)[:3]), titles(soup)[:3]
    assert notices(soup) == ["Het woord ‘hoffie’ staat niet op onze pagina's. We zochten ook naar: koffie."]


def test_a_typo_among_other_words_is_corrected_too(client, ranking):
    soup = html(client, q="hoffie drinken")
    assert total(soup) > 0
    assert any("koffie" in title.lower() for title in titles(soup)[:3]), titles(soup)[:3]
    assert notices(soup) == ["Het woord ‘hoffie’ staat niet op onze pagina's. We zochten ook naar: koffie."]


def test_a_word_the_portal_does_not_have_is_named(client, ranking):
    # No page has "zwemles", and it is no typo: the question stays unanswered (listing everything
    # about children would be wrong), and the resident is told which word it was.
    assert vocabulary.corrections("zwemles", Locale.objects.get(language_code="nl")) == []
    soup = html(client, q="zwemles voor kinderen")
    assert total(soup) == 0
    assert soup.select_one("#niets-gevonden") is not None
    assert notices(soup) == ["Het woord ‘zwemles’ staat niet op onze pagina's."]


def test_a_known_question_says_nothing_about_words(client, ranking):
    soup = html(client, q="koffie")
    assert total(soup) > 3
    assert soup.select(".unfound") == []


def test_the_notice_is_in_the_readers_language(client, ranking):
    response = client.get("/en/zoeken/", {"q": "hoffie"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert notices(soup) == ["The word ‘hoffie’ is not on any of our pages. We also searched for: koffie."]


def test_partners_get_the_unfound_words(client, ranking):
    answer = client.get("/api/zoeken/", {"q": "hoffie"}).json()
    assert answer["unfound"] == [{"word": "hoffie", "instead": ["koffie"]}]
    assert answer["results"]
    assert client.get("/api/zoeken/", {"q": "koffie"}).json()["unfound"] == []
