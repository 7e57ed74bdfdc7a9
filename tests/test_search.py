"""Search as residents use it: /zoeken/ (HTML) and /api/zoeken/ (JSON) on the demo corpus."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from search import docindex, engine
from woordenlijst.models import BegripPage, BegripZieOok

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    # Tests roll back their changes without a publish signal: check the site's fingerprint every time.
    settings.SEARCH_INDEX_CHECK_SECONDS = 0


def html(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def api(client, **params):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".search-result__title a")]


def slugs(data):
    return [(r["type"], r["slug"]) for r in data["results"]]


def test_results_have_type_label_buurt_snippet_with_mark_and_next_date(client):
    soup = html(client, q="koffieochtend")
    first = soup.select_one(".search-result")
    assert "Koffieochtend" in first.select_one(".search-result__title").get_text()
    assert first.select_one(".label").get_text(strip=True) == "Activiteit"
    assert first.select_one(".search-result__buurt").get_text(strip=True).startswith("in ")
    assert first.select_one(".search-result__snippet mark") is not None
    assert "Volgende keer:" in first.select_one(".search-result__when").get_text()


def test_glossary_abbreviation_is_explained_on_top(client):
    soup = html(client, q="wat is wmo")
    box = soup.select_one(".explain")
    assert box.h2.get_text(strip=True) == "Wmo betekent:"
    assert "wet" in box.p.get_text().lower()
    assert box.a["href"] == BegripPage.objects.get(slug="wmo", locale__language_code="nl").url
    assert titles(soup)[0] == "Wet maatschappelijke ondersteuning"


def test_everyday_words_find_mantelzorg(client):
    found = slugs(api(client, q="zorgen voor mijn man"))
    assert ("begrip", "mantelzorg") in found[:5]
    assert any(t == "activiteit" and "mantelzorg" in s for t, s in found[:8])


def test_typo_is_forgiven(client):
    found = slugs(api(client, q="mantelzrog"))
    assert found and all("mantelzorg" in s or t == "begrip" for t, s in found[:3])
    assert ("begrip", "valpreventie") in slugs(api(client, q="valpreventy"))[:3]


def test_compounds_work_both_ways(client):
    together = slugs(api(client, q="mantelzorgondersteuning"))
    apart = slugs(api(client, q="ondersteuning mantelzorgers"))
    assert ("begrip", "steunpunt-mantelzorg") in together[:3]
    assert ("begrip", "steunpunt-mantelzorg") in apart[:3]
    assert ("activiteit", "klusjesdienst-elderveld") == slugs(api(client, q="klusjes dienst"))[0]


def test_place_word_boosts_that_buurt(client):
    found = api(client, q="apotheek Duiven")["results"]
    assert (found[0]["type"], found[0]["buurt"]) == ("voorziening", "duiven-eilandplein")
    assert api(client, q="Zetten")["results"][0]["slug"] == "zetten"


def test_weekday_boosts_activities_on_that_day(client):
    found = slugs(api(client, q="samen eten op dinsdag in Malburgen"))
    assert found[0] == ("activiteit", "wijkrestaurant-pollepel-dinsdag")
    sunday = api(client, q="iets te doen op zondagmiddag")["results"]
    assert sunday and all(r["type"] == "activiteit" for r in sunday)
    assert ("activiteit", "zondagmiddagconcert-de-brug") in [(r["type"], r["slug"]) for r in sunday[:3]]


def test_type_and_buurt_filters_are_links_that_narrow(client):
    soup = html(client, q="koffie")
    links = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in soup.select(".search-filters a")}
    assert "type=activiteit" in links["Activiteiten"]
    narrowed = html(client, q="koffie", type="activiteit")
    assert {label.get_text(strip=True) for label in narrowed.select(".search-result .label")} == {"Activiteit"}
    in_buurt = api(client, q="koffie", buurt="haalderen")["results"]
    assert in_buurt and {r["buurt"] for r in in_buurt if r["type"] != "begrip"} == {"haalderen"}
    current = html(client, q="koffie", buurt="haalderen").select_one('.search-filters__buurten a[aria-current="true"]')
    assert current.get_text(" ", strip=True).startswith("Haalderen")


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


def test_nonsense_gives_the_helpful_page_not_garbage(client):
    assert api(client, q="hondenuitlaatservice")["results"] == []
    soup = html(client, q="hondenuitlaatservice")
    help_text = soup.select_one(".no-results").get_text(" ", strip=True)
    assert "We vonden niets voor ‘hondenuitlaatservice’" in help_text
    assert "gespeld" in help_text and "minder woorden" in help_text
    assert soup.select(".servicepunten a[href^='tel:']")


def test_no_results_in_a_buurt_shows_that_buurts_servicepunt(client):
    soup = html(client, q="hondenuitlaatservice", buurt="randwijk")
    numbers = soup.select(".servicepunten li")
    assert len(numbers) == 1 and "Dorpssteunpunt Randwijk" in numbers[0].get_text()


def test_past_one_off_activities_are_left_out(client):
    page = ActiviteitPage.objects.get(slug="burendag-de-pas", locale__language_code="nl")
    assert ("activiteit", "burendag-de-pas") in slugs(api(client, q="burendag"))
    page.start = timezone.now() - timedelta(days=3)
    page.eind = page.start + timedelta(hours=3)
    page.save_revision().publish()
    assert ("activiteit", "burendag-de-pas") not in slugs(api(client, q="burendag"))


def test_editors_glossary_changes_apply_without_code_change(client):
    assert api(client, q="ommetje")["results"] == []
    begrip = BegripPage.objects.get(slug="valpreventie", locale__language_code="nl")
    begrip.synoniemen += ", ommetje"
    begrip.save_revision().publish()
    found = slugs(api(client, q="ommetje"))
    assert found[0] == ("begrip", "valpreventie")


def test_unpublished_pages_are_not_found(client):
    buurt = BuurtPage.objects.get(slug="randwijk", locale__language_code="nl")
    assert ("buurt", "randwijk") in slugs(api(client, q="Randwijk"))
    buurt.unpublish()
    assert ("buurt", "randwijk") not in slugs(api(client, q="Randwijk"))


def test_index_is_rebuilt_after_a_change():
    from wagtail.models import Locale

    nl = Locale.objects.get(language_code="nl")
    first = docindex.get_index(nl)
    assert docindex.get_index(nl) is first
    BegripPage.objects.get(slug="wmo", locale=nl).save_revision().publish()
    assert docindex.get_index(nl) is not first


def nl_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="nl")


def categories(results):
    slugs_ = [r["slug"] for r in results if r["type"] == "activiteit"]
    return set(ActiviteitPage.objects.filter(slug__in=slugs_).values_list("categorie", flat=True))


def test_terms_linked_under_zie_ook_come_with_the_named_term(client):
    valpreventie, pgb = nl_page(BegripPage, "valpreventie"), nl_page(BegripPage, "pgb")
    assert ("begrip", "pgb") not in slugs(api(client, q="valpreventie"))
    valpreventie.zie_ook_links.add(BegripZieOok(doel=pgb))
    valpreventie.save_revision().publish()
    found = slugs(api(client, q="valpreventie"))
    assert ("begrip", "pgb") in found
    assert found.index(("begrip", "valpreventie")) < found.index(("begrip", "pgb"))


def test_question_words_are_not_searched_for(client):
    found = slugs(api(client, q="wat doet een buurtverbinder"))
    assert found[0] == ("begrip", "buurtverbinder")
    assert found == slugs(api(client, q="wat is een buurtverbinder"))


def test_words_side_by_side_as_typed_rank_above_the_same_words_apart(client):
    together, apart = nl_page(ActiviteitPage, "bingomiddag-tolhuis"), nl_page(ActiviteitPage, "klaverjasavond-spijk")
    together.samenvatting = "Postzegels ruilen met andere verzamelaars uit het dorp."
    apart.samenvatting = "Ruilen mag altijd: wie wil ruilen, neemt zijn postzegels en zijn postzegels mee."
    for page in (together, apart):
        page.save_revision().publish()
    found = slugs(api(client, q="postzegels ruilen"))
    assert found[:2] == [("activiteit", "bingomiddag-tolhuis"), ("activiteit", "klaverjasavond-spijk")]


def test_a_kind_of_exercise_finds_the_exercise_activities(client):
    found = api(client, q="pilates")["results"]  # no page mentions pilates
    assert found and categories(found[:5]) == {"bewegen"}


def test_a_need_finds_what_helps_but_not_the_other_way_round(client):
    lonely = api(client, q="eenzaam")["results"]
    assert "ontmoeten" in categories(lonely[:5])
    assert ("begrip", "sociaal-werker") in slugs({"results": lonely})  # it mentions eenzaamheid
    assert ("begrip", "sociaal-werker") not in slugs(api(client, q="ontmoeten"))


def test_activities_are_found_by_the_name_of_their_place(client):
    place = nl_page(VoorzieningPage, "buurthuis-de-klimop")
    assert api(client, q="zonnedak")["results"] == []
    place.title = "Buurthuis Het Zonnedak"
    place.save_revision().publish()
    found = slugs(api(client, q="zonnedak"))
    assert found[0] == ("voorziening", "buurthuis-de-klimop")
    assert ("activiteit", "koffieochtend-de-klimop") in found


def test_the_first_sentence_of_a_place_says_what_it_is(client):
    first, later = nl_page(VoorzieningPage, "leeshoek-duiven"), nl_page(VoorzieningPage, "buurthuis-de-klimop")
    first.omschrijving = "<p>Hier leer je kalligrafie. Verder is er een leestafel met kranten.</p>"
    later.omschrijving = "<p>Een zaal voor de buurt. Op dinsdag kalligrafie, op vrijdag ook kalligrafie.</p>"
    for page in (first, later):
        page.save_revision().publish()
    found = slugs(api(client, q="kalligrafie"))
    assert found.index(("voorziening", "leeshoek-duiven")) < found.index(("voorziening", "buurthuis-de-klimop"))


def test_a_search_in_a_buurt_shows_all_its_answers_not_only_those_of_the_first_50(client, nl):
    everywhere = engine.search("buurt", locale=nl, limit=engine.RANKED_MAX).results
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


def test_the_counts_per_type_count_every_answer(client):
    soup = html(client, q="buurt")
    found = int(re.search(r"We vonden (\d+) resultaten", soup.select_one(".result-count").get_text()).group(1))
    counts = [int(c.get_text(strip=True).strip("()")) for c in soup.select(".search-filters .count")]
    assert found > 50  # more than the API's or a first page's worth
    assert counts[0] == found  # ‘Alles’
    pages = soup.find(string=re.compile(r"Bladzijde 1 van"))
    assert pages.strip().endswith(f"van {-(-found // 10)}")
