"""The piece of text under a search result, with the words it was found by marked (issue 12: engine highlights).

With the engine ranking the engine marks them as it matched them (search/engine_request.py, SNIPPET_FIELD): a
synonym, a part of a compound, a word of another language. The Python ranking marks by its own rule
(search/snippets.py). Each test that takes `ranking` runs on both (tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest
from bs4 import BeautifulSoup

from activiteiten.models import ActiviteitPage
from search.snippets import MARK_END, MARK_START, marked

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import html, no_kept_answers, ranking  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_answers")]


def snippets(soup):
    """[(title, snippet element)] of the answers on the page."""
    return [
        (
            result.select_one(".search-result__title a").get_text(strip=True),
            result.select_one(".search-result__snippet"),
        )
        for result in soup.select(".search-result")
    ]


def marks(snippet):
    return [mark.get_text().lower() for mark in snippet.select("mark")] if snippet is not None else []


def test_the_snippet_marks_the_asked_word(client, ranking):
    shown = snippets(html(client, q="boodschappen"))
    assert len(shown) >= 3
    for title, snippet in shown[:3]:
        assert any(word.startswith("boodschap") for word in marks(snippet)), (title, snippet)


def test_the_engine_marks_the_words_a_page_was_found_by(client, ranking):
    """ "warm eten" finds "warme maaltijd": the engine's synonym (data/thesaurus.txt) is marked, so the
    resident sees why the page answers. The Python ranking marks only the words as typed."""
    shown = snippets(html(client, q="warm eten"))
    marked_words = {word for _title, snippet in shown[:5] for word in marks(snippet)}
    assert any(word.startswith("warm") for word in marked_words)
    if ranking.name == "opensearch":
        assert any("maaltijd" in word for word in marked_words), marked_words
    else:
        assert not any("maaltijd" in word for word in marked_words), marked_words


def test_a_word_of_another_language_marks_the_dutch_word(client, ranking):
    """A resident asks for coffee in Arabic; Dutch pages answer where no Arabic copy exists
    (data/vertaalwoorden.txt). The engine marks the Dutch word it matched; the Python ranking's
    snippets mark only words of the question's own language, so its Dutch snippets show no mark."""
    response = client.get("/ar/zoeken/", {"q": "قهوة"})
    assert response.status_code == 200
    shown = snippets(BeautifulSoup(response.content, "html.parser"))
    assert shown and all("koffie" in title.lower() or "coffee" in title.lower() for title, _ in shown[:3]), shown
    marked_words = [word for _title, snippet in shown[:3] for word in marks(snippet)]
    assert any("koffie" in word for word in marked_words) == (ranking.name == "opensearch"), marked_words


def test_the_page_text_is_shown_as_text(client, ranking):
    page = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    page.samenvatting = 'Postzegelbeurs & thee <script>alert("x")</script> voor <b>iedereen</b>.'
    ranking.publish(page)
    soup = html(client, q="postzegelbeurs")
    title, snippet = next((title, snippet) for title, snippet in snippets(soup) if title == page.title)
    # The page's markup is left out (docindex and page_texts.snippet_text strip it), its text escaped:
    # only the marks are tags.
    assert [tag.name for tag in snippet.find_all(True)] == ["mark"]
    assert snippet.get_text().startswith('Postzegelbeurs & thee alert("x") voor iedereen.')


@pytest.mark.parametrize(
    "fragment, shown",
    [
        (f"Elke dag {MARK_START}koffie{MARK_END}.", "Elke dag <mark>koffie</mark>."),
        (f"met {MARK_START}koffie{MARK_END} en een praatje", "… met <mark>koffie</mark> en een praatje …"),
        (f"A & B <i>{MARK_START}x{MARK_END}</i>.", "A &amp; B &lt;i&gt;<mark>x</mark>&lt;/i&gt;."),
        (f"{MARK_START}قهوة{MARK_END} كل يوم.", "<mark>قهوة</mark> كل يوم."),  # no capitals: no "…"
    ],
)
def test_the_engines_highlight_is_shown_escaped_with_its_marks(fragment, shown):
    assert marked(fragment) == shown
