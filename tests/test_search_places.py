"""A place in a question: a buurt's name or a postcode puts that buurt's pages first (search/places.py).

Residents type where they live as they know it: "koffie 6825", "wat is er in 6826 HK", "malburgen 6825".
The postcode is no word a page must have: it names the buurten whose page lists its area, as the postcode
form does. Each test runs on the database backend with the Python ranking and on OpenSearch with the
engine's ranking (tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from search.page_types import named_kinds, type_words
from search.text import fold, stopwords

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import html, no_kept_answers, ranking, titles  # noqa: F401
from .test_search_counts import links, total

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_answers")]


def result_paths(soup):
    return [a["href"] for a in soup.select(".search-result__title a")]


def dutch_buurten():
    return BuurtPage.objects.live().filter(locale__language_code="nl")


def buurt_of_postcode(area):
    return next(b for b in dutch_buurten() if area in b.postcode_list())


def test_a_postcode_in_the_question_puts_its_buurt_first(client, ranking):
    buurt = buurt_of_postcode("6825")
    soup = html(client, q="koffie 6825")
    paths = result_paths(soup)
    assert total(soup) > 3, "a postcode is no word a page must have: the coffee is found"
    # The buurt's pages that are about coffee come first. (After them, the Python ranking may put a page with
    # "koffie" in its title elsewhere above the buurt's pages that only mention it: on PostgreSQL it does.)
    assert all(path.startswith(buurt.url) for path in paths[:2]), paths[:2]
    # Coffee elsewhere is still found, after the buurt's own: the postcode says where, not what.
    assert any(not path.startswith(buurt.url) for path in paths)


def test_a_postcode_with_its_letters_is_the_same_place(client, ranking):
    with_letters = html(client, q="koffie in 6825 HK")
    assert result_paths(with_letters) == result_paths(html(client, q="koffie 6825"))
    assert total(with_letters) > 3


@pytest.mark.parametrize("typed", ["koffie 6825hk", "koffie in 6825HK"])
def test_a_postcode_typed_without_its_space_is_the_same_place(client, ranking, typed):
    # Residents type a postcode as on a letter, often without the space. Before, "6825hk" was a word no page has,
    # and the question got no answer ("Het woord ‘6825hk’ staat niet op onze pagina's").
    glued = html(client, q=typed)
    assert result_paths(glued) == result_paths(html(client, q="koffie 6825 hk"))
    assert total(glued) > 3


def test_a_buurt_and_a_postcode_ask_for_both_buurten(client, ranking):
    postcode_buurt = buurt_of_postcode("6825")
    named = dutch_buurten().get(slug="malburgen")
    assert named.pk != postcode_buurt.pk
    soup = html(client, q="malburgen 6825")
    assert total(soup) > 10
    shown_buurten = {label for label, _count, query in links(soup) if "buurt" in query}
    assert shown_buurten == {named.title, postcode_buurt.title}
    paths = result_paths(soup)
    assert all(path.startswith((named.url, postcode_buurt.url)) for path in paths), paths


def test_an_unknown_postcode_is_not_ignored(client, ranking):
    # No buurt on the portal lists 1234: the resident asked for somewhere the portal does not cover,
    # so the coffee of every buurt would be a wrong answer.
    assert not any("1234" in b.postcode_list() for b in dutch_buurten())
    soup = html(client, q="koffie 1234")
    assert total(soup) == 0
    assert soup.select(".search-result") == []


@pytest.mark.parametrize(
    ("language", "asked", "kind"),
    [
        ("nl", "activiteiten haalderen", "activiteit"),
        ("en", "activities zetten", "activiteit"),
        ("nl", "voorzieningen zetten", "voorziening"),
    ],
)
def test_a_kind_of_page_asked_by_name_gives_that_kind_in_the_place(client, ranking, language, asked, kind):
    # The activities of Haalderen never say "activiteiten": the word names the kind of page wanted
    # (search/page_types.py), it is no word a page must have.
    place = asked.split()[-1]
    first = client.get("/api/zoeken/", {"q": asked, "lang": language}).json()["results"][:4]
    assert [(r["type"], r["buurt"]) for r in first] == [(kind, place)] * 4, [(r["type"], r["slug"]) for r in first]


@pytest.mark.parametrize(
    ("language", "asked", "place"),
    [
        ("nl", "wat valt er te doen in haalderen", "haalderen"),
        ("nl", "wat gebeurt er in randwijk", "randwijk"),
        ("en", "what's on in malburgen", "malburgen"),
        ("tr", "Malburgen etkinlikleri", "malburgen"),
    ],
)
def test_a_question_what_there_is_to_do_gives_the_activities_of_the_place(client, ranking, language, asked, place):
    # "valt" is no fall here and "on" no word a page must have: the phrase asks for activities
    # (search/data/tedoenvragen.txt), as "activiteiten haalderen" does. Before, the engine answered the first
    # with the fall-prevention classes of other buurten and the third with nothing, and the Python ranking
    # put the places of Haalderen above its activities.
    found = client.get("/api/zoeken/", {"q": asked, "lang": language}).json()
    first = found["results"][:4]
    assert found["unfound"] == []
    assert [(r["type"], r["buurt"]) for r in first] == [("activiteit", place)] * 4, [
        (r["type"], r["slug"]) for r in found["results"][:6]
    ]


@pytest.mark.parametrize("asked", ["wat is er te doen op zaterdag in zetten", "zaterdag zetten"])
def test_a_day_in_a_place_with_few_things_that_day_gives_the_place_first(client, ranking, asked):
    # Zetten has two activities on a Saturday. Before, the engine gave those two and then the Saturday
    # activities of other buurten, none of Zetten's other pages; the Python ranking counts the place as one of
    # the words asked and gave Zetten's pages. Now the engine asks once more, with every page of the place as
    # an answer too (EngineQuery.with_place_pages): the place's pages with the day first, then its other pages.
    results = client.get("/api/zoeken/", {"q": asked}).json()["results"]
    assert [r["buurt"] for r in results[:6]] == ["zetten"] * 6, [(r["buurt"], r["slug"]) for r in results[:8]]
    saturday = [r for r in results if r["buurt"] == "zetten" and r["type"] == "activiteit"][:2]
    assert {r["slug"] for r in saturday} == {"open-dag-mfc-zetten", "vrijwilligersmarkt-zetten"}


@pytest.mark.parametrize(
    ("address", "slug"), [("vlierbesstraat 14", "buurthuis-de-klimop"), ("kribbenweg 3", "leespunt-de-bladwijzer")]
)
def test_an_address_finds_the_place_at_it_first(client, ranking, address, slug):
    # With the street's number the place at that address comes first. The engine put three activities held
    # at De Klimop (their documents carry its address) before De Klimop itself until the address weighed
    # more than an activity's type factor gives (engine_query.ADDRESS 1.0 → 2.0).
    found = client.get("/api/zoeken/", {"q": address}).json()
    assert [r["slug"] for r in found["results"][:1]] == [slug], [r["slug"] for r in found["results"][:5]]


def test_an_address_finds_what_happens_at_it_after_the_place(client, ranking):
    # An activity's texts carry the street of its place (the engine's zoek_plek_adres; search/page_texts.py for
    # the Python ranking, session 27): "vlierbesstraat 14" gives De Klimop, then what happens there. Before, the
    # Python ranking gave the places in the street and none of their activities.
    place = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")
    held = set(ActiviteitPage.objects.live().filter(voorziening=place).values_list("slug", flat=True))
    found = [r["slug"] for r in client.get("/api/zoeken/", {"q": "vlierbesstraat 14"}).json()["results"]]
    assert found[:1] == [place.slug], found[:5]
    assert len(held & set(found[1:6])) >= 2, (found[:6], held)


@pytest.mark.parametrize(
    "words",
    ["iemand die mijn boodschappen kan doen", "wat is er te doen", "ik val vaak", "wat valt er onder de wmo"],
)
def test_a_phrase_asks_for_activities_only_as_a_whole_and_with_something_else(words):
    # "kan … doen" is no "kan ik doen"; a lone "wat is er te doen" says nothing else; "val" and "valt"
    # outside the phrase stay words: no kind of page is named and every word stays asked.
    assert named_kinds(words.split(), stopwords()) == (frozenset(), frozenset())


def test_the_kinds_of_page_are_named_in_every_language():
    # From the catalogues, the labels of the results page (search/page_types.py): one list of them.
    words = type_words()
    assert words["activiteiten"] == words["activities"] == words["etkinlikler"] == "activiteit"
    assert words["voorzieningen"] == words["facilities"] == "voorziening"
    assert words[fold("الأنشطة")] == words[fold("أنشطة")] == "activiteit"
    # "koffie in de buurt" says where, not what kind of page.
    assert "buurt" not in words and "buurten" not in words


@pytest.mark.parametrize("street", ["veerpontstraat", "Brinkstraat"])
def test_a_street_finds_the_places_in_it(client, ranking, street):
    # A resident finds a place by its street. The Python ranking counted the address as little as the
    # accessibility notes, too little alone, and "veerpontstraat" found nothing (search/page_texts.py); the
    # engine put the activities held there first, as their documents carry the same address
    # (search/engine_query.py, ADDRESS).
    in_street = VoorzieningPage.objects.live().filter(locale__language_code="nl", adres__istartswith=street)
    assert in_street.exists()
    found = client.get("/api/zoeken/", {"q": street}).json()
    first = [r["slug"] for r in found["results"][: in_street.count()]]
    assert set(first) == set(in_street.values_list("slug", flat=True)), first


@pytest.mark.parametrize(
    ("language", "asked", "place"),
    [("nl", "adres huisarts haalderen", "haalderen"), ("nl", "openingstijden apotheek zevenaar", "")],
)
def test_a_question_for_a_places_details_gives_the_places(client, ranking, language, asked, place):
    # No page says "adres" in its text (the address has a field of its own), few say "openingstijden": the
    # word asks for a voorziening (search/data/plekvragen.txt), it is no word a page must have.
    found = client.get("/api/zoeken/", {"q": asked, "lang": language}).json()
    first = found["results"][0]
    assert found["unfound"] == []
    assert first["type"] == "voorziening", [(r["type"], r["slug"]) for r in found["results"][:3]]
    assert asked.split()[1] in first["title"].lower()
    if place:
        assert first["buurt"] == place


def test_a_place_detail_word_alone_is_a_word_no_page_has(client, ranking):
    # Alone it says nothing else, so it stays a word to look for, as "activiteiten" alone does.
    soup = html(client, q="adres")
    assert total(soup) == 0
    assert [p.get_text(" ", strip=True) for p in soup.select(".unfound p")] == [
        "Het woord ‘adres’ staat niet op onze pagina's."
    ]


def test_a_postcode_alone_gives_its_buurt_and_no_word_it_lacks(client, ranking):
    buurt = buurt_of_postcode("6825")
    soup = html(client, q="6825 HK")
    assert result_paths(soup)[0] == buurt.url
    # The postcode was understood: "6825" and "hk" are no words the pages lack.
    assert soup.select(".unfound") == []


def test_the_words_for_a_places_details_name_the_places_in_every_language():
    words = type_words()
    assert words["adres"] == words["address"] == words["adresi"] == words["openingstijden"] == "voorziening"
    assert words[fold("عنوان")] == words[fold("العنوان")] == "voorziening"


def test_a_buurt_is_known_by_its_name_without_what_its_brackets_add(client, ranking):
    # "De Pas (Elst)": residents say "de pas". Before, only "elst" and "pas elst" named it; "pas" was a word
    # a page had to say, and the engine put the dorpshuizen of Spijk and Tolkamer first.
    de_pas = dutch_buurten().get(title="De Pas (Elst)")
    soup = html(client, q="buurthuis in de pas")
    paths = result_paths(soup)
    assert paths[0].startswith(de_pas.url), titles(soup)[:5]
    assert titles(soup)[0] == "Buurtpaviljoen Het Pasveld"  # its buurthuis (soort: ontmoetingsplek)


def test_a_community_centre_is_found_by_any_of_its_names(client, ranking):
    # data/thesaurus.txt: buurthuis, buurtcentrum, wijkcentrum, dorpshuis: one kind of place, many names.
    # Before, "dorpshuis presikhaaf" gave the dorpshuizen of Randwijk, Spijk and Tolkamer first.
    found = titles(html(client, q="dorpshuis presikhaaf"))
    assert found[0] == "Buurthuis De Klimop", found[:5]


def test_a_place_with_few_pages_that_have_every_word_still_answers_with_its_own(client, ranking):
    # Many pages elsewhere say "koffie" and "drinken"; in Spijk the coffee page does not say "drinken".
    # Too few pages in the place asked: the looser steps find it (engine_rank._too_few; the Python
    # ranking reaches it by its coverage).
    soup = html(client, q="waar kan ik koffie drinken in spijk")
    assert any("koffie in de toren" in title.lower() for title in titles(soup)[:3]), titles(soup)[:5]
