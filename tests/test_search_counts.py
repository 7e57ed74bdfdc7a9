"""The numbers on the results page, on every backend (issue 12: exact counts from the engine).

A resident reads "We vonden 49 resultaten", "Activiteiten (36)", "Haalderen (5)" and clicks one: the list
behind a number must hold that many answers. With the engine ranking the numbers are the engine's
aggregations over every match (search/engine_request.py), and the chosen type and buurt are filters of the
engine's search, so a list of one type holds all of that type, not only those among the best of all.
Each test runs on the database backend with the Python ranking and on OpenSearch (tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import re
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Page

from search import engine_rank
from search import ranking as python_ranking

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import html, ranking  # noqa: F401

pytestmark = pytest.mark.django_db


def total(soup):
    """The number in "We vonden … resultaten" (0 when the page says it found nothing)."""
    line = soup.select_one(".result-count")
    return int(re.search(r"(\d+) result", line.get_text()).group(1)) if line else 0


def links(soup):
    """[(label, count, the query of its link)] of the type and buurt choices."""
    found = []
    for a in soup.select(".search-filters a"):
        count = a.select_one(".count")
        if count is not None:
            label = a.get_text(" ", strip=True).split(" (")[0]
            query = {k: v[0] for k, v in parse_qs(urlparse(a["href"]).query).items()}
            found.append((label, int(count.get_text(strip=True).strip("()")), query))
    return found


@override_settings(SEARCH_ANSWER_SECONDS=0)
def test_every_count_leads_to_a_list_with_that_many_answers(client, ranking):
    soup = html(client, q="koffie")
    choices = links(soup)
    assert total(soup) > 20 and len(choices) > 5
    assert choices[0][1] == total(soup)  # ‘Alles’
    for label, count, query in choices:
        narrowed = html(client, **query)
        assert total(narrowed) == count, (label, query)
        assert len(narrowed.select(".search-result")) == min(count, 10), label  # its first page


@override_settings(SEARCH_ANSWER_SECONDS=0)
def test_in_a_buurt_the_counts_are_of_that_buurt(client, ranking):
    everywhere = dict((label, count) for label, count, _query in links(html(client, q="koffie")))
    soup = html(client, q="koffie", buurt="haalderen")
    in_buurt = dict((label, count) for label, count, _query in links(soup))
    assert in_buurt["Haalderen"] == everywhere["Haalderen"]
    assert total(soup) == everywhere["Haalderen"] < everywhere["Alles"]
    # The glossary belongs to every buurt: its answers are in each buurt's list and number.
    glossary = [r for r in soup.select(".search-result .label") if r.get_text(strip=True) == "Woordenlijst"]
    assert glossary, "the glossary's page about coffee is in the buurt's list"


@override_settings(SEARCH_ANSWER_SECONDS=0)
def test_when_more_is_found_than_listed_the_page_says_so_and_a_type_lists_all_of_it(client, ranking, monkeypatch):
    everything = total(html(client, q="koffie"))
    places = total(html(client, q="koffie", type="voorziening"))
    # Fewer listed than found, as at 100,000 activities: the best few, and every number still counts all.
    monkeypatch.setattr(python_ranking, "RANKED_MAX", 8)
    monkeypatch.setattr(engine_rank, "RANKED_MAX", 8)
    soup = html(client, q="koffie")
    assert total(soup) == everything
    assert len(soup.select(".search-result")) == 8
    assert "We laten de beste 8 zien" in soup.select_one(".result-shown").get_text()
    # The places among all matches, not the places among the best 8 of all types.
    narrowed = html(client, q="koffie", type="voorziening")
    assert total(narrowed) == places and len(narrowed.select(".search-result")) == min(places, 8)
    assert {label.get_text(strip=True) for label in narrowed.select(".search-result .label")} == {"Voorziening"}


@override_settings(SEARCH_ANSWER_SECONDS=0)
def test_a_page_and_its_translation_count_once(client, ranking):
    # On the English site a Dutch page shows only where it has no live English copy (docindex): the
    # engine's numbers leave out the Dutch page of a copy too (searched.searched_pages).
    def page(number):
        response = client.get("/en/zoeken/", {"q": "coffee", "page": number})
        return BeautifulSoup(response.content, "html.parser")

    found = total(page(1))
    assert found > 10
    listed = [a["href"] for n in range(1, -(-found // 10) + 1) for a in page(n).select(".search-result__title a")]
    assert len(listed) == found
    pages = Page.objects.live().filter(locale__language_code__in=("nl", "en")).specific()
    key_of = {p.url: p.translation_key for p in pages}
    keys = [key_of[href] for href in listed]
    assert len(set(keys)) == len(keys)
    assert any(href.startswith("/en/") for href in listed)


@override_settings(SEARCH_ANSWER_SECONDS=0)
def test_a_postcode_counts_its_buurt(client, ranking):
    soup = html(client, q="6825")
    assert total(soup) == 1
    # The buurt is put first by its postcode; no page says "6825", so the engine counts nothing itself.
    assert [(label, count) for label, count, _query in links(soup)] == [("Alles", 1), ("Buurten", 1)]
    assert soup.select_one(".search-result__title a").get_text(strip=True) == "Presikhaaf"


@override_settings(SEARCH_ANSWER_SECONDS=0)
def test_the_json_api_gives_the_numbers_of_the_results_page(client, ranking):
    for params in ({}, {"buurt": "haalderen"}, {"type": "voorziening"}):
        soup = html(client, q="koffie", **params)
        answer = client.get("/api/zoeken/", {"q": "koffie", **params}).json()
        assert answer["total"] == total(soup), params
        assert len(answer["results"]) == min(answer["total"], 20)
        per_buurt = {query["buurt"]: count for _label, count, query in links(soup) if "buurt" in query}
        per_buurt.pop(params.get("buurt"), None)  # the chosen buurt's own link (its count is the total)
        for slug, count in per_buurt.items():
            assert answer["counts"]["buurten"][slug] == count, (params, slug)
        types = answer["counts"]["types"]
        assert (types[params["type"]] if "type" in params else sum(types.values())) == answer["total"]
