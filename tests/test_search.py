"""The shape of the search answers: /zoeken/ (HTML) and /api/zoeken/ (JSON) on the demo corpus, and the
in-memory picture of the Python ranking. What a resident gets back, on every backend: test_search_ranking.py.
"""

import pytest

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
