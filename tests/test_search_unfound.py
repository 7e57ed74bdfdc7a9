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


@pytest.mark.parametrize(
    ("asked", "meant"), [("boodshappen", "boodschappen"), ("vrijwillier", "vrijwillig"), ("klaverassen", "klaverjas")]
)
def test_a_typo_that_splits_into_other_words_finds_the_word_meant(client, ranking, asked, meant):
    # "boodshappen" splits into bood + happen, "vrijwillier" into vrij + wil + lier: words that make it up, and
    # no page has them together. The Python ranking took the split for the reading and did not correct the
    # word: no answer, no notice. Now a split that finds nothing is read as a typo, as the engine reads it.
    soup = html(client, q=asked)
    assert total(soup) > 0
    assert meant in titles(soup)[0].lower(), titles(soup)[:3]
    # The Python ranking says what it looked for instead; the engine may match the typo itself (fuzziness).
    assert all("We zochten ook naar: " in notice for notice in notices(soup)), notices(soup)


def test_a_typo_that_starts_like_a_word_finds_the_word_meant(client, ranking):
    # "koffe": its stem "koff" starts "koffie", so the typo vocabulary took it for a word the pages have and
    # offered no correction; the engine matches no page with it (one edit allowed, and "koffe" is cut to
    # "kof"), so the engine's answer was empty. The engine, which has said that no page has the word, now
    # asks the vocabulary for the very word (vocabulary.corrections, `unmatched`). The Python ranking finds
    # the coffee pages by the start of the word, without a notice.
    soup = html(client, q="koffe")
    assert "koffie" in titles(soup)[0].lower(), titles(soup)[:3]
    assert notices(soup) in ([], ["Het woord ‘koffe’ staat niet op onze pagina's. We zochten ook naar: koffie."])


@pytest.mark.parametrize(
    ("asked", "meant", "title_words"),
    [("gymnastek", "gymnastiek", ("gym", "fitness")), ("eczne", "eczane", ("apotheek", "medicijn"))],
)
def test_a_typo_of_a_word_no_page_says_but_the_search_understands_finds_what_it_means(
    client, ranking, asked, meant, title_words
):
    # No page says "gymnastiek" or (on the Dutch site) "eczane": the thesaurus and the bilingual list ask them as
    # gym and fitness, and as apotheek. Their typos had no correction, so the question found nothing on both
    # rankings; now the typo rule knows those words too (vocabulary.understood_words).
    soup = html(client, q=asked)
    assert total(soup) > 2
    first = [title.lower() for title in titles(soup)[:3]]
    assert all(any(word in title for word in title_words) for title in first), first
    assert notices(soup) == [f"Het woord ‘{asked}’ staat niet op onze pagina's. We zochten ook naar: {meant}."]


@pytest.mark.parametrize("asked", ["huisats", "huisrts"])
def test_a_typo_whose_shorter_stem_is_a_word_finds_the_word_meant(client, ranking, asked):
    # "huisats" is cut to "huisat" by the stemmer, and the Python ranking matches a stem by its shorter stem
    # too ("wandelin" ~ "wandel"): "huis". It answered with "Boodschappen aan huis" and the open house of a
    # care home, and said nothing about the word. A word matched only that way is now read as a typo when
    # the vocabulary has a near word (huisarts).
    soup = html(client, q=asked)
    assert "huisarts" in titles(soup)[0].lower(), titles(soup)[:3]


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


def test_a_long_question_is_answered_without_the_word_no_page_has(client, ranking):
    # "slik" is on no page and no typo; the other words say enough (unfound.may_leave_out): the
    # medicine check-ups come first, and the resident is told which word was left out.
    soup = html(client, q="ik slik veel pillen en weet niet of dat goed gaat")
    assert total(soup) > 0
    assert any("medicijn" in title.lower() for title in titles(soup)[:2]), titles(soup)[:3]
    assert notices(soup) == ["Het woord ‘slik’ staat niet op onze pagina's."]


def test_a_short_question_keeps_its_word_no_page_has(client, ranking):
    # Two words say what is asked, and both must be on a page: a question about a thing the portal
    # does not know stays unanswered rather than answered about the other word.
    soup = html(client, q="mijn grammofoon is kapot")
    assert total(soup) == 0
    assert notices(soup) == ["Het woord ‘grammofoon’ staat niet op onze pagina's."]


def without(soup):
    """The offer in the "nothing found" box to search without the unfound words: (text, link) or None."""
    offer = soup.select_one(".no-results .without")
    return (offer.get_text(" ", strip=True), offer.a["href"]) if offer else None


def test_the_resident_may_search_without_the_word_no_page_has(client, ranking):
    # The answer stays empty (the resident asked about a grammophone), but the box offers the other word
    # with how many pages it finds; following the link gives those pages: the repair cafés.
    soup = html(client, q="mijn grammofoon is kapot")
    text, link = without(soup)
    assert link == "?q=kapot"
    followed = html(client, q="kapot")
    assert text == f"Zonder dat woord vonden we wel iets: Bekijk {total(followed)} resultaten voor ‘kapot’"
    assert any("repair" in title.lower() for title in titles(followed)[:2]), titles(followed)[:3]


def test_the_offer_keeps_the_buurt_and_counts_what_that_page_shows(client, ranking):
    soup = html(client, q="grammofoon kapot", buurt="haalderen")
    text, link = without(soup)
    assert link == "?q=kapot&buurt=haalderen"
    followed = html(client, q="kapot", buurt="haalderen")
    count = total(followed)
    assert count > 0 and f"Bekijk {count} resulta" in text
    assert all("Haalderen" in title for title in titles(followed) if "Repair" in title), titles(followed)


def test_no_offer_when_nothing_else_is_asked_or_found(client, ranking):
    assert without(html(client, q="de grammofoon")) is None  # only a stop word is left
    assert without(html(client, q="xkcdqz qwrtzv")) is None  # no word is on a page
    assert without(html(client, q="grammofoon zwemles")) is None  # both unfound: nothing is left
    assert without(html(client, q="koffie")) is None  # found: no box at all


def test_the_offer_is_in_the_readers_language(client, ranking):
    response = client.get("/en/zoeken/", {"q": "grammofoon kapot"})
    soup = BeautifulSoup(response.content, "html.parser")
    text, link = without(soup)
    assert text.startswith("Without that word we did find something: See ") and text.endswith("for ‘kapot’")
    assert link == "?q=kapot"


def test_partners_get_the_offer_too(client, ranking):
    answer = client.get("/api/zoeken/", {"q": "mijn grammofoon is kapot"}).json()
    assert answer["results"] == []
    plain = client.get("/api/zoeken/", {"q": "kapot"}).json()
    assert answer["without"] == {"query": "kapot", "total": plain["total"]} and plain["total"] > 0
    assert client.get("/api/zoeken/", {"q": "koffie"}).json()["without"] is None


@pytest.mark.parametrize(
    ("query", "left"),
    [
        ("mijn grammofoon is kapot", "kapot"),
        ("Grammofoon, kapot!", "kapot!"),
        ("de grammofoon", ""),
        ("grammofoon 12", ""),  # a number alone asks nothing
        ("grammofoon 12 kapot", "12 kapot"),
        ("koffie drinken", ""),  # no word is unfound: nothing to offer
        ("grammofoon koffie grammofoon", "koffie"),
    ],
)
def test_the_question_without_its_unfound_words(query, left):
    from search.text import stopwords
    from search.unfound import Unfound, without_unfound

    assert without_unfound(query, [Unfound("grammofoon")], stopwords()) == left


@pytest.mark.parametrize(
    ("content_words", "unknown", "left_out"),
    [(1, 1, False), (2, 1, False), (3, 1, True), (4, 1, True), (4, 2, False), (8, 2, True), (3, 0, False)],
)
def test_the_share_of_the_words_decides_what_may_be_left_out(content_words, unknown, left_out):
    from search.unfound import may_leave_out, required_words

    assert may_leave_out(content_words, unknown) is left_out
    assert required_words(content_words) <= content_words
