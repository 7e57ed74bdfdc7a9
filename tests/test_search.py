"""The shape of the search answers: /zoeken/ (HTML) and /api/zoeken/ (JSON) on the demo corpus, and the
in-memory picture of the Python ranking. What a resident gets back, on every backend: test_search_ranking.py.
"""

import pytest
from bs4 import BeautifulSoup

from search import docindex
from woordenlijst.models import BegripPage

from .ranking_support import html, titles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    # Tests roll back their changes without a publish signal: check the site's fingerprint every time.
    settings.SEARCH_INDEX_CHECK_SECONDS = 0


def api(client, **params):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_results_have_type_label_buurt_snippet_with_mark_and_next_date(client):
    soup = html(client, q="koffieochtend")
    first = soup.select_one(".search-result")
    assert "Koffieochtend" in first.select_one(".search-result__title").get_text()
    assert first.select_one(".label").get_text(strip=True) == "Activiteit"
    assert first.select_one(".search-result__buurt").get_text(strip=True).startswith("in ")
    assert first.select_one(".search-result__snippet mark") is not None
    assert "Volgende keer:" in first.select_one(".search-result__when").get_text()


def test_json_has_the_documented_shape_and_at_most_20(client):
    data = api(client, q="koffie")
    assert data["query"] == "koffie"
    assert 0 < len(data["results"]) <= 20
    assert set(data["results"][0]) == {"type", "slug", "title", "url", "buurt", "snippet"}
    assert {r["type"] for r in data["results"]} <= {"activiteit", "voorziening", "begrip", "buurt"}


def test_json_and_html_rank_the_same(client):
    for q in ["koffie", "wat is wmo", "huisarts"]:
        soup = html(client, q=q)
        api_titles = [r["title"] for r in api(client, q=q)["results"]][:10]
        assert titles(soup) == api_titles


def test_english_api_gives_english_site_addresses_or_the_dutch_page(client):
    data = api(client, q="koffie", lang="en")
    assert data["results"]
    assert all(r["url"].startswith("/") for r in data["results"])


def test_index_is_rebuilt_after_a_change():
    from wagtail.models import Locale

    nl = Locale.objects.get(language_code="nl")
    first = docindex.get_index(nl)
    assert docindex.get_index(nl) is first
    BegripPage.objects.get(slug="wmo", locale=nl).save_revision().publish()
    assert docindex.get_index(nl) is not first


def test_the_api_answers_in_every_language_of_the_site(client):
    for code in ("tr", "ar"):
        data = api(client, q="koffie", lang=code)
        assert any(r["url"].startswith(f"/{code}/") for r in data["results"]), code
    # Another language, or nonsense: the Dutch answer, not an error.
    dutch = api(client, q="koffie")["results"]
    assert api(client, q="koffie", lang="xx")["results"] == dutch
    assert api(client, q="koffie", lang="tr" * 40)["results"] == dutch


@pytest.mark.parametrize(
    ("path", "asked", "buurt", "agenda", "link_text"),
    [
        ("/zoeken/", "wat is er te doen", "", "/agenda/", "Naar de agenda"),
        ("/zoeken/", "Wat is er te doen?", "malburgen", "/agenda/?buurt=malburgen", "Naar de agenda"),
        ("/en/zoeken/", "what's on", "", "/en/agenda/", "Go to the calendar"),
    ],
)
def test_a_question_only_what_there_is_to_do_points_to_the_agenda(client, path, asked, buurt, agenda, link_text):
    # No word to search for and nothing to spell better (search/data/tedoenvragen.txt): the agenda lists
    # every activity, in the buurt chosen. Found pages (the English "what's on" has some, by its words) stay.
    response = client.get(path, {"q": asked, "buurt": buurt})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one("a.agenda-link")
    assert link is not None and link["href"] == agenda and link.get_text(strip=True) == link_text
    assert "goed gespeld" not in soup.get_text()
    assert client.get(link["href"]).status_code == 200


def test_a_question_with_a_word_is_searched_without_pointing_to_the_agenda(client):
    # "te doen" with a word asks for activities with that word; an unknown word keeps the spelling advice.
    assert html(client, q="wat is er te doen met koffie").select_one("a.agenda-link") is None
    unknown = html(client, q="blorf te doen")
    assert unknown.select_one("a.agenda-link") is None
    assert "goed gespeld" in unknown.get_text()
