"""The agenda on a BuurtPage and site-wide: sections, filters, cancellations, past one-offs, queries."""
# ruff: noqa: F811  (the clock fixture imported from agenda_support)

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activiteiten import agenda
from activiteiten.models import ActiviteitPage, Occurrence, VoorzieningPage
from activiteiten.occurrences import refresh_all, refresh_page
from activiteiten.testing import local, make_activiteit

from .agenda_support import adder, clock, new_buurt  # noqa: F401  (clock: a fixture)

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 24), 8)  # a Wednesday; summer time starts on Sunday 28 March


@pytest.fixture
def testbuurt(nl):
    return new_buurt(nl, "Testbuurt", "testbuurt")


@pytest.fixture
def add(testbuurt):
    """Make a published activity in the test buurt and store its occurrences as of NOW."""
    return adder(testbuurt, NOW)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".agenda__title a")]


def section_titles(soup):
    return {
        sec.find(["h2", "h3"]).get_text(strip=True): [a.get_text(strip=True) for a in sec.select(".agenda__title a")]
        for sec in soup.select(".agenda-section")
    }


def test_buurt_agenda_sections_today_this_week_next_week_later(client, clock, testbuurt, add):
    add("Lunch vandaag", local(date(2027, 3, 24), 12))
    add("Bingo zaterdag", local(date(2027, 3, 27), 14))
    add("Wandelen na de klokwissel", local(date(2027, 3, 29), 10))
    add("Paasbrunch", local(date(2027, 4, 20), 11))
    soup = soup_of(client.get(testbuurt.url))
    assert section_titles(soup) == {
        "Vandaag": ["Lunch vandaag"],
        "Deze week": ["Bingo zaterdag"],
        "Volgende week": ["Wandelen na de klokwissel"],
        "Later": ["Paasbrunch"],
    }
    # Times are local, also after the change to summer time.
    item = soup.find("a", string="Wandelen na de klokwissel").find_parent("li")
    assert "maandag 29 maart, 10.00 – 12.00 uur" in item.get_text(" ", strip=True)  # this year: no year


def test_periode_links_are_shareable_filters(client, clock, testbuurt, add):
    add("Lunch vandaag", local(date(2027, 3, 24), 12))
    add("Wandelen volgende week", local(date(2027, 3, 29), 10))
    soup = soup_of(client.get(testbuurt.url + "?periode=volgende-week"))
    assert titles(soup) == ["Wandelen volgende week"]
    current = soup.select_one(".agenda-periods a[aria-current=page]")
    assert current.get_text(strip=True) == "Volgende week"


def test_filters_categorie_dag_doelgroep_gratis_toegankelijk(client, clock, testbuurt, add):
    drempelvrij = [("drempelvrij", "ja", "")]
    add(
        "Yoga op dinsdag",
        local(date(2027, 3, 30), 10),
        categorie="bewegen",
        kosten="€ 2,50",
        doelgroep="ouderen",
        toegankelijkheid=drempelvrij,
    )
    add(
        "Koffie op woensdag",
        local(date(2027, 3, 31), 10),
        categorie="ontmoeten",
        kosten="gratis",
        doelgroep="iedereen",
        toegankelijkheid=[("drempelvrij", "nee", ""), ("ringleiding", "ja", "")],
    )
    add(
        "Mantelzorgcafé op donderdag",
        local(date(2027, 4, 1), 10),
        categorie="mantelzorg",
        kosten="gratis",
        doelgroep="mantelzorgers",
        toegankelijkheid=drempelvrij + [("ringleiding", "ja", "")],
    )
    url = testbuurt.url
    assert titles(soup_of(client.get(url + "?categorie=bewegen"))) == ["Yoga op dinsdag"]
    assert titles(soup_of(client.get(url + "?dag=wo&dag=do"))) == ["Koffie op woensdag", "Mantelzorgcafé op donderdag"]
    # 'Voor wie': the chosen group, plus what is for everybody.
    assert titles(soup_of(client.get(url + "?voor=mantelzorgers"))) == [
        "Koffie op woensdag",
        "Mantelzorgcafé op donderdag",
    ]
    assert titles(soup_of(client.get(url + "?voor=ouderen"))) == ["Yoga op dinsdag", "Koffie op woensdag"]
    assert titles(soup_of(client.get(url + "?gratis=ja"))) == ["Koffie op woensdag", "Mantelzorgcafé op donderdag"]
    # Accessibility items; "toegankelijk=ja" from links made before the list still means drempelvrij.
    assert titles(soup_of(client.get(url + "?toegankelijk=ja"))) == ["Yoga op dinsdag", "Mantelzorgcafé op donderdag"]
    assert titles(soup_of(client.get(url + "?toegankelijk=drempelvrij"))) == [
        "Yoga op dinsdag",
        "Mantelzorgcafé op donderdag",
    ]
    assert titles(soup_of(client.get(url + "?toegankelijk=ringleiding"))) == [
        "Koffie op woensdag",
        "Mantelzorgcafé op donderdag",
    ]
    soup = soup_of(client.get(url + "?toegankelijk=ringleiding&toegankelijk=drempelvrij"))
    assert titles(soup) == ["Mantelzorgcafé op donderdag"]
    assert soup.find("input", id="f-toegankelijk-ringleiding").has_attr("checked")
    soup = soup_of(client.get(url + "?toegankelijk=trampoline"))
    assert "‘trampoline’ kennen we niet bij toegankelijkheid" in soup.select_one(".message--error").get_text()
    assert len(titles(soup)) == 3  # the wrong value is left out, the rest still shows
    soup = soup_of(client.get(url + "?gratis=ja&dag=do"))
    assert titles(soup) == ["Mantelzorgcafé op donderdag"]
    # The form shows what was chosen.
    assert soup.find("input", id="f-gratis").has_attr("checked")
    assert soup.find("input", id="f-dag-do").has_attr("checked")
    assert not soup.find("input", id="f-dag-wo").has_attr("checked")


def test_wrong_filter_values_give_a_dutch_message_not_an_error(client, clock, testbuurt, add):
    add("Koffie", local(date(2027, 3, 31), 10))
    soup = soup_of(client.get(testbuurt.url + "?categorie=dansen&dag=xx&pagina=-3&periode=gisteren"))
    alert = soup.find(role="alert").get_text(" ", strip=True)
    assert "De categorie ‘dansen’ kennen we niet" in alert
    assert "‘xx’ is geen dag" in alert
    assert "‘-3’ is geen paginanummer" in alert
    assert "‘gisteren’ kennen we niet als periode" in alert
    assert titles(soup) == ["Koffie"]


def test_site_agenda_filters_by_buurt(client, clock, testbuurt, add, nl):
    add("Alleen in de testbuurt", local(date(2027, 3, 25), 10))
    soup = soup_of(client.get("/agenda/?buurt=testbuurt"))
    assert titles(soup) == ["Alleen in de testbuurt"]
    assert "(Testbuurt)" in soup.select_one(".agenda__item").get_text(" ", strip=True)
    options = [o["value"] for o in soup.select("#f-buurt option")]
    assert "testbuurt" in options and "presikhaaf" in options
    # Without the buurt filter, the demo buurten are in the site agenda too.
    refresh_all(now=NOW)
    everything = titles(soup_of(client.get("/agenda/")))
    assert len(everything) == agenda.PER_PAGE
    assert "Stoelyoga met de beweegcoach" in everything  # a Wednesday morning in Presikhaaf
    soup = soup_of(client.get("/agenda/?buurt=nergenshuizen"))
    assert "De buurt ‘nergenshuizen’ kennen we niet" in soup.find(role="alert").get_text()


def test_past_one_off_is_hidden_but_its_page_says_it_is_over(client, clock, testbuurt, add):
    past = add("Voorbije rommelmarkt", local(date(2027, 3, 20), 10))
    add("Komende rommelmarkt", local(date(2027, 3, 27), 10))
    assert titles(soup_of(client.get(testbuurt.url))) == ["Komende rommelmarkt"]
    assert "Voorbije rommelmarkt" not in titles(soup_of(client.get("/agenda/?buurt=testbuurt")))
    soup = soup_of(client.get(past.url))
    assert "Deze activiteit is voorbij." in soup.select_one(".status").get_text()
    assert soup.find(string="Zet in mijn agenda") is None


def test_ongoing_multi_day_activity_is_listed_today(client, clock, testbuurt, add):
    add("Kunstweek", local(date(2027, 3, 22), 10), eind=local(date(2027, 3, 26), 17))
    assert section_titles(soup_of(client.get(testbuurt.url)))["Vandaag"] == ["Kunstweek"]


def test_more_pages_of_activities(client, clock, testbuurt, add):
    add("Elke dag koffie", local(date(2027, 3, 1), 9), herhaling="FREQ=DAILY")
    soup = soup_of(client.get(testbuurt.url))
    assert len(titles(soup)) == agenda.BUURT_PER_PAGE
    more = soup.select_one(".pager a").get("href")
    assert more.startswith("?pagina=2")
    soup2 = soup_of(client.get(testbuurt.url + more.split("#")[0]))
    first_on_2 = soup2.select_one(".agenda__when time")["datetime"][:10]
    assert first_on_2 == (date(2027, 3, 24) + timedelta(days=agenda.BUURT_PER_PAGE)).isoformat()


def test_agenda_queries_do_not_grow_with_the_number_of_activities(client, clock, testbuurt, add):
    klimop = VoorzieningPage.objects.filter(locale=testbuurt.locale).first()
    add("Eerste", local(date(2027, 3, 25), 10))

    def count(url):
        client.get(url)  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    few = {url: count(url) for url in (testbuurt.url, "/agenda/", "/agenda/?buurt=testbuurt&gratis=ja")}
    for i in range(25):
        page = make_activiteit(
            testbuurt,
            f"Extra {i}",
            local(date(2027, 3, 25 + i % 5), 9 + i % 8),
            herhaling="FREQ=WEEKLY" if i % 2 else "",
        )
        page.voorziening = klimop if i % 3 == 0 else None
        refresh_page(page, now=NOW)
    many = {url: count(url) for url in few}
    assert many == few
    assert max(many.values()) <= 15


def test_home_deze_week_comes_from_the_occurrence_table(client, nl):
    Occurrence.objects.all().delete()
    soup = soup_of(client.get("/"))
    assert soup.find(id="deze-week").find_parent("section").select(".agenda__title") == []
    page = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale=nl)
    refresh_page(page)
    soup = soup_of(client.get("/"))
    assert [
        a.get_text(strip=True) for a in soup.find(id="deze-week").find_parent("section").select(".agenda__title a")
    ] == ["Koffieochtend in De Klimop"]
