"""What a resident gets back from a search, on every backend (issue 12).

Each test runs with the database backend and the Python ranking (`make test`: SQLite, or PostgreSQL with
DATABASE_URL) and with OpenSearch ranking (SEARCH_RANKING=engine; CI): the `ranking` fixture of
tests/ranking_support.py. Through /zoeken/ and /api/zoeken/, on the demo corpus.
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from search.engine import search as portal_search
from search.ranking import BACKEND_SCORE, RANKED_MAX, tie_broken
from woordenlijst.models import BegripPage, BegripZieOok

from .opensearch_support import engine, found, opensearch_config, opensearch_urls, results  # noqa: F401
from .ranking_support import html, ranking, titles  # noqa: F401

pytestmark = pytest.mark.django_db


def nl_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="nl")


def categories(answer):
    slugs = [r["slug"] for r in answer if r["type"] == "activiteit"]
    return set(ActiviteitPage.objects.filter(slug__in=slugs).values_list("categorie", flat=True))


# -- what is asked ------------------------------------------------------------------------------------


def test_a_definition_question_explains_the_term_and_puts_it_first(client, ranking):
    soup = html(client, q="wat is wmo")
    box = soup.select_one(".explain")
    assert box.h2.get_text(strip=True) == "Wmo betekent:"
    assert "wet" in box.p.get_text().lower()
    assert box.a["href"] == nl_page(BegripPage, "wmo").url
    assert titles(soup)[0] == "Wet maatschappelijke ondersteuning"
    assert found(client, "wat is wmo")[0] == ("begrip", "wmo")
    assert found(client, "wat is een thuisplusflat")[0] == ("begrip", "thuisplusflat")


def test_a_definition_question_in_another_language_explains_the_term(client, ranking):
    # data/vraagvormen.txt: Turkish puts the question after the word ("wmo nedir?"), Arabic before it (ما هو,
    # what is). Before, "nedir" and "mean" were words no page has: "what does wmo mean" had no answer.
    for query in ("wmo nedir", "wmo ne demek", "ما هو wmo", "what does wmo mean"):
        assert found(client, query)[0] == ("begrip", "wmo"), query
        box = html(client, q=query).select_one(".explain")
        assert box is not None and box.a["href"] == nl_page(BegripPage, "wmo").url, query


def test_question_words_are_not_searched_for(client, ranking):
    answer = found(client, "wat doet een buurtverbinder")
    assert answer[0] == ("begrip", "buurtverbinder")
    assert answer == found(client, "wat is een buurtverbinder")


def test_everyday_words_find_mantelzorg(client, ranking):
    answer = found(client, "zorgen voor mijn man")
    assert ("begrip", "mantelzorg") in answer[:5]
    assert any(t == "activiteit" and "mantelzorg" in s for t, s in answer[:8])


def test_a_glossary_term_said_in_other_words_is_explained_first_with_its_activities(client, ranking):
    # The term's andere woorden (demo woordenlijst): "zorgen voor je vader", "zieke partner verzorgen".
    question = "ik zorg elke dag voor mijn zieke vader"
    box = html(client, q=question).select_one(".explain")  # above the list, with a link to the term's page
    assert box is not None and box.h2.get_text(strip=True).lower() == "mantelzorg betekent:"
    assert box.a["href"] == nl_page(BegripPage, "mantelzorg").url
    answer = found(client, question)
    assert sum(1 for t, s in answer[:5] if t == "activiteit" and "mantelzorg" in s) >= 2


def test_an_editors_new_way_of_saying_a_term_brings_the_pages_about_it(client, ranking):
    # "aankleden" is on no page: the search goes on without it (unfound.may_leave_out) and finds pages
    # about "helpt" and "douchen", but not the term. ("wassen" in its place found the term already.)
    question = "wie helpt mij met aankleden en douchen"
    assert found(client, question)[:1] != [("begrip", "wijkverpleging")]
    begrip = nl_page(BegripPage, "wijkverpleging")
    begrip.synoniemen += ", aankleden en douchen"
    ranking.publish(begrip)
    answer = results(client, question)
    assert (answer[0]["type"], answer[0]["slug"]) == ("begrip", "wijkverpleging")
    # The pages about the term, which never say "aankleden" (found by the term and its synonyms):
    about = [r for r in answer[1:5] if r["type"] != "begrip"]
    assert about and all("aankleden" not in r["snippet"].lower() for r in about)


def test_a_need_finds_the_activities_that_help_in_the_first_five(client, ranking):
    # thesaurus.txt, one way: eenzaam > ontmoeten.
    assert "ontmoeten" in categories(results(client, "eenzaam")[:5])


def test_a_need_finds_a_place_to_meet_by_its_name(client, ranking):
    assert any("ontmoet" in r["title"].lower() for r in results(client, "eenzaam")[:20])


def test_a_need_is_not_found_by_what_helps_with_it(client, ranking):
    # Among the glossary's answers: for "eenzaam" the many places to meet come first (thesaurus.txt).
    assert ("begrip", "sociaal-werker") in found(client, "eenzaam", type="begrip")  # it mentions eenzaamheid
    assert ("begrip", "sociaal-werker") not in found(client, "ontmoeten", type="begrip")


def test_a_kind_of_exercise_finds_the_exercise_activities(client, ranking):
    answer = results(client, "pilates")  # no page mentions pilates
    assert answer and categories(answer[:5]) == {"bewegen"}


def test_a_care_service_for_older_people_finds_the_one_for_75_plussers(client, ranking):
    # thesaurus.txt: "plussers" says ouderen ("75-plussers", "55-plussers"). Before, the engine left the inloop for
    # the home visit out (its page says "huisbezoek" and "75-plussers", never "ouderen"). The glossary page of the
    # term may come first (the Python ranking explains a term the question names).
    assert ("activiteit", "huisbezoek-75-plus-inloop") in found(client, "huisbezoek ouderen")[:2]


def test_memory_problems_find_the_pages_about_dementia(client, ranking):
    # thesaurus.txt, one way: geheugenproblemen > dementie, alzheimer. Before, both rankings gave only the day
    # care and one glossary page, none about dementia.
    slugs = [slug for _type, slug in found(client, "geheugenproblemen")[:10]]
    assert {"alzheimercafe-arnhem-oost", "alzheimercafe-prins-alexander", "dementie-en-nu-zevenaar"} <= set(slugs), (
        slugs
    )


def test_a_word_of_another_language_finds_the_dutch_pages(client, ranking):
    # data/vertaalwoorden.txt: "doktor" (Turkish) => huisarts; no demo page says "doktor".
    answer = results(client, "doktor")
    assert answer and "huisarts" in answer[0]["title"].lower()


def test_a_word_of_another_language_with_its_endings_finds_what_the_word_finds(client, ranking):
    # data/uitgangen.txt: Turkish "doktorum" (my doctor), "doktorlara" (to the doctors); Arabic "والطبيب"
    # (and the doctor), "للطبيب" (for the doctor). Before, each was a word no page has: no answer at all.
    doctor = found(client, "doktor")[:3]
    assert doctor
    for query in ("doktorum", "doktorlara", "والطبيب", "للطبيب"):
        assert found(client, query)[:3] == doctor, query


def test_question_words_of_other_languages_are_not_searched_for(client, ranking):
    # data/stopwoorden.txt: Turkish "için" (for), "nerede" (where); Arabic "أين" (where). Before, "yaşlılar
    # için" (for the elderly) had no answer: no page has "için".
    # The first three: further down, pages of nearly equal score may swap between the engine's copies.
    for asked, topic in (("yaşlılar için", "yaşlılar"), ("doktor nerede", "doktor"), ("أين الطبيب", "الطبيب")):
        answer = found(client, topic)[:3]
        assert answer and found(client, asked)[:3] == answer, asked


def test_a_weekday_in_another_language_is_that_day(client, ranking):
    # The day names of the recurrence sentences (activiteiten.sentence_parts) find the Dutch day name.
    first = found(client, "koffie dinsdag")[0]
    for query in ("coffee tuesday", "kahve salı", "قهوة الثلاثاء"):
        answer = found(client, query)[:3]
        assert answer[0] == first, query
        slugs = [slug for kind, slug in answer if kind == "activiteit"]
        assert all(1 in nl_page(ActiviteitPage, slug).zoek_weekdagnummers() for slug in slugs), query


# -- how it is written --------------------------------------------------------------------------------


def test_a_typo_is_forgiven(client, ranking):
    answer = found(client, "mantelzrog")
    assert answer and all("mantelzorg" in s or t == "begrip" for t, s in answer[:3])
    soup = html(client, q="valpreventy")
    assert soup.select_one(".explain").h2.get_text(strip=True).lower() == "valpreventie betekent:"
    falls = found(client, "valpreventy")
    assert ("begrip", "valpreventie") in falls[:5]
    top = [slug for _type, slug in falls[:5]]
    assert top[0].startswith("valpreventie") and sum(slug.startswith("valpreventie") for slug in top) >= 2


def test_a_compound_in_the_question_finds_pages_with_its_parts(client, ranking):
    assert ("begrip", "steunpunt-mantelzorg") in found(client, "mantelzorgondersteuning")[:3]
    # ‘Ouderengym’ is on no page: "Gym voor senioren" has its parts (ouderen ~ senioren, gym).
    top = found(client, "ouderengym")[:5]
    assert ("activiteit", "gym-senioren-de-sprong") in top and ("activiteit", "seniorengym-tolkamer") in top


def test_a_diminutive_in_the_plural_finds_the_singular(client, ranking):
    """search/text.DIMINUTIVE_PLURAL: "klusjes" has the stem of "een klusje" (Buurthulp Tolkamer helps with one,
    and says it only so), in the Python ranking and in the engine's analyzers alike."""
    assert ("activiteit", "buurthulp-tolkamer") in found(client, "klusjes")[:5]


def test_words_typed_apart_find_the_compound(client, ranking):
    assert ("begrip", "steunpunt-mantelzorg") in found(client, "ondersteuning mantelzorgers")[:3]
    assert found(client, "klusjes dienst")[0] == ("activiteit", "klusjesdienst-elderveld")


def test_one_word_missing_is_forgiven_when_every_word_is_known(client, ranking):
    # No page has all of "koffie", "kaarten" and "wandelen"; each word is on pages.
    assert found(client, "koffie kaarten wandelen"), "one word may be missing when all three are known"


def test_words_side_by_side_as_typed_rank_above_the_same_words_apart(client, ranking):
    together, apart = nl_page(ActiviteitPage, "bingomiddag-tolhuis"), nl_page(ActiviteitPage, "klaverjasavond-spijk")
    together.samenvatting = "Postzegels ruilen met andere verzamelaars uit het dorp."
    apart.samenvatting = "Ruilen mag altijd: wie wil ruilen, neemt zijn postzegels en zijn postzegels mee."
    ranking.publish(together, apart)
    answer = found(client, "postzegels ruilen")
    assert answer[:2] == [("activiteit", "bingomiddag-tolhuis"), ("activiteit", "klaverjasavond-spijk")]


@pytest.mark.parametrize("q", ["hondenuitlaatservice", "zwemles voor kinderen", "qwxzv"])
def test_nonsense_gets_no_answer(client, ranking, q):
    assert results(client, q) == []


# -- where and when ---------------------------------------------------------------------------------


def test_a_place_named_in_the_question_comes_first(client, ranking):
    answer = results(client, "apotheek Duiven")
    assert (answer[0]["type"], answer[0]["buurt"]) == ("voorziening", "duiven-eilandplein")
    assert found(client, "Zetten")[0] == ("buurt", "zetten")
    assert results(client, "koffieochtend Haalderen")[0]["slug"] == "koffieochtend-dorpsweide"


def test_a_weekday_brings_the_activities_on_that_day(client, ranking):
    assert found(client, "samen eten op dinsdag in Malburgen")[0] == ("activiteit", "wijkrestaurant-pollepel-dinsdag")
    sunday = results(client, "iets te doen op zondagmiddag")
    assert sunday and all(r["type"] == "activiteit" for r in sunday)
    assert ("activiteit", "zondagmiddagconcert-de-brug") in [(r["type"], r["slug"]) for r in sunday[:3]]


def test_a_search_in_a_buurt_shows_that_buurt_first(client, ranking):
    answer = results(client, "huisarts", buurt="haalderen")
    assert answer[0]["buurt"] == "haalderen"
    assert {r["buurt"] for r in answer} <= {"haalderen", None}  # the buurt's pages and glossary terms


def test_a_search_in_a_buurt_shows_all_its_answers_not_only_those_of_the_first_50(client, ranking, nl):
    everywhere = portal_search("buurt", locale=nl, limit=RANKED_MAX).results
    late = [r.doc for r in everywhere[50:] if r.doc.type != "begrip"]
    assert late  # this question has answers beyond the first 50
    buurt = late[0].buurt_slug
    expected = {r.doc.title for r in everywhere if r.doc.type != "begrip" and r.doc.buurt_slug == buurt}
    shown, page = set(), 1
    while True:
        soup = html(client, q="buurt", buurt=buurt, page=page)
        shown |= {
            a.get_text(strip=True)
            for item in soup.select(".search-result")
            if item.select_one(".label").get_text(strip=True) != "Woordenlijst"
            for a in item.select(".search-result__title a")
        }
        if not soup.select_one("a[rel=next]"):
            break
        page += 1
    assert shown == expected


def test_type_and_buurt_filters_are_links_that_narrow(client, ranking):
    soup = html(client, q="koffie")
    links = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in soup.select(".search-filters a")}
    assert "type=activiteit" in links["Activiteiten"]
    narrowed = html(client, q="koffie", type="activiteit")
    assert {label.get_text(strip=True) for label in narrowed.select(".search-result .label")} == {"Activiteit"}
    in_buurt = results(client, "koffie", buurt="haalderen")
    assert in_buurt and {r["buurt"] for r in in_buurt if r["type"] != "begrip"} == {"haalderen"}
    current = html(client, q="koffie", buurt="haalderen").select_one('.search-filters__buurten a[aria-current="true"]')
    assert current.get_text(" ", strip=True).startswith("Haalderen")


def test_the_counts_per_type_count_every_answer(client, ranking):
    soup = html(client, q="buurt")
    total = int(re.search(r"We vonden (\d+) resultaten", soup.select_one(".result-count").get_text()).group(1))
    counts = [int(c.get_text(strip=True).strip("()")) for c in soup.select(".search-filters .count")]
    assert total > 50  # more than the API's or a first page's worth
    assert counts[0] == total  # ‘Alles’
    pages = soup.find(string=re.compile(r"Bladzijde 1 van"))
    assert pages.strip().endswith(f"van {-(-total // 10)}")


# -- nothing found ------------------------------------------------------------------------------------


def test_nonsense_gives_the_helpful_page_not_garbage(client, ranking):
    soup = html(client, q="hondenuitlaatservice")
    help_text = soup.select_one(".no-results").get_text(" ", strip=True)
    assert "We vonden niets voor ‘hondenuitlaatservice’" in help_text
    assert "gespeld" in help_text and "minder woorden" in help_text
    assert soup.select(".servicepunten a[href^='tel:']")


def test_no_results_in_a_buurt_shows_that_buurts_servicepunt(client, ranking):
    soup = html(client, q="hondenuitlaatservice", buurt="randwijk")
    numbers = soup.select(".servicepunten li")
    assert len(numbers) == 1 and "Dorpssteunpunt Randwijk" in numbers[0].get_text()


# -- what editors change --------------------------------------------------------------------------------


def test_past_one_off_activities_are_left_out(client, ranking):
    page = nl_page(ActiviteitPage, "burendag-de-pas")
    assert ("activiteit", "burendag-de-pas") in found(client, "burendag")
    page.start = timezone.now() - timedelta(days=3)
    page.eind = page.start + timedelta(hours=3)
    ranking.publish(page)
    assert ("activiteit", "burendag-de-pas") not in found(client, "burendag")


def test_editors_glossary_changes_apply_without_code_change(client, ranking):
    assert results(client, "ommetje") == []
    begrip = nl_page(BegripPage, "valpreventie")
    begrip.synoniemen += ", ommetje"
    ranking.publish(begrip)
    assert found(client, "ommetje")[0] == ("begrip", "valpreventie")


def test_unpublished_pages_are_not_found(client, ranking):
    buurt = nl_page(BuurtPage, "randwijk")
    assert ("buurt", "randwijk") in found(client, "Randwijk")
    with ranking.changes():
        buurt.unpublish()
    assert ("buurt", "randwijk") not in found(client, "Randwijk")


def test_terms_linked_under_zie_ook_come_with_the_named_term(client, ranking):
    """The editors' ‘zie ook’ links are search words of the linked terms, in both directions, from the publish on."""
    valpreventie, pgb = nl_page(BegripPage, "valpreventie"), nl_page(BegripPage, "pgb")
    assert ("begrip", "pgb") not in found(client, "valpreventie")
    assert ("begrip", "valpreventie") not in found(client, "wat is een pgb")
    valpreventie.zie_ook_links.add(BegripZieOok(doel=pgb))
    ranking.publish(valpreventie)
    answer = found(client, "valpreventie")
    assert ("begrip", "pgb") in answer
    assert answer.index(("begrip", "valpreventie")) < answer.index(("begrip", "pgb"))
    assert found(client, "wat is een valpreventie")[0] == ("begrip", "valpreventie")
    assert ("begrip", "valpreventie") in found(client, "wat is een pgb")


def test_activities_are_found_by_the_name_of_their_place(client, ranking):
    place = nl_page(VoorzieningPage, "buurthuis-de-klimop")
    assert results(client, "zonnedak") == []
    place.title = "Buurthuis Het Zonnedak"
    ranking.publish(place)
    answer = found(client, "zonnedak")
    assert answer[0] == ("voorziening", "buurthuis-de-klimop")
    assert ("activiteit", "koffieochtend-de-klimop") in answer


def test_the_first_sentence_of_a_place_says_what_it_is(client, ranking):
    first, later = nl_page(VoorzieningPage, "leeshoek-duiven"), nl_page(VoorzieningPage, "buurthuis-de-klimop")
    first.omschrijving = "<p>Hier leer je kalligrafie. Verder is er een leestafel met kranten.</p>"
    later.omschrijving = "<p>Een zaal voor de buurt. Op dinsdag kalligrafie, op vrijdag ook kalligrafie.</p>"
    ranking.publish(first, later)
    answer = found(client, "kalligrafie")
    assert answer.index(("voorziening", "leeshoek-duiven")) < answer.index(("voorziening", "buurthuis-de-klimop"))


def test_pages_of_equal_backend_score_are_ranked_the_same_in_every_process():
    # ranking.tie_broken: the backend may return rows of equal score in any order; the ranks must not depend on it.
    def hits(*pairs):
        return [SimpleNamespace(pk=pk, **{BACKEND_SCORE: score}) for pk, score in pairs]

    one_order = hits((7, 2.0), (3, 1.0), (9, 1.0), (5, 1.0), (1, 0.5))
    other_order = hits((7, 2.0), (5, 1.0), (3, 1.0), (9, 1.0), (1, 0.5))
    assert [page.pk for page in tie_broken(one_order)] == [7, 9, 5, 3, 1]
    assert [page.pk for page in tie_broken(other_order)] == [7, 9, 5, 3, 1]
