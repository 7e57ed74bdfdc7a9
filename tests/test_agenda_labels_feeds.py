""" "Nieuw" and "Gewijzigd" in words, and subscribe links (webcal:// and https) that carry the agenda's filters."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Revision

from activiteiten import agenda
from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.occurrences import refresh_page
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit
from activiteiten.wording import GEWIJZIGD_DAYS, NIEUW_DAYS

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The real time, which a test can move on (first_published_at is set by Wagtail from the real clock)."""
    state = {"now": timezone.now()}
    monkeypatch.setattr(agenda, "now", lambda: state["now"])
    return state


@pytest.fixture
def malburgen():
    return BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")


def soon(days, hour=10):
    return local(timezone.now().astimezone(AMSTERDAM).date() + timedelta(days=days), hour)


def add(buurt, title, start, **kwargs):
    page = make_activiteit(buurt, title, start, **kwargs)
    refresh_page(page)
    return page


def item_text(client, url, title):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    link = next(a for a in soup.select(".agenda__title a") if a.text == title)
    return " ".join(link.find_parent("li").get_text(" ").split())


def page_labels(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return [label.get_text(strip=True) for label in soup.select(".activiteit-labels .label")]


# A category the demo buurt has no activities in, so that the test activity is on the first agenda page.
ONLY = "?categorie=vrijwilligerswerk"


def test_nieuw_for_the_first_two_weeks(client, clock, malburgen):
    page = add(malburgen, "Klussendienst", soon(30), categorie="vrijwilligerswerk")
    assert "Nieuw" in item_text(client, malburgen.url + ONLY, "Klussendienst").split()
    assert page_labels(client, page) == ["Nieuw"]
    clock["now"] += timedelta(days=NIEUW_DAYS, minutes=1)
    assert "Nieuw" not in item_text(client, malburgen.url + ONLY, "Klussendienst").split()
    assert page_labels(client, page) == []


def test_gewijzigd_when_time_or_place_changed_and_kept_through_later_publishes(client, clock, malburgen):
    page = add(malburgen, "Klussendienst", soon(2), herhaling="FREQ=DAILY", categorie="vrijwilligerswerk")
    page.title = "Klussendienst"  # a publish without a change of time or place
    page.samenvatting = "Hulp bij kleine klussen in huis."
    page.save_revision().publish()
    assert ActiviteitPage.objects.get(pk=page.pk).tijd_of_plek_gewijzigd_op is None

    page = ActiviteitPage.objects.get(pk=page.pk)
    page.locatie = "Kleine zaal"
    draft = page.save_revision()
    draft.publish()
    stored = ActiviteitPage.objects.get(pk=page.pk).tijd_of_plek_gewijzigd_op
    assert stored == clock["now"]
    refresh_page(page)
    assert "Gewijzigd: andere tijd of plek" in item_text(client, malburgen.url + ONLY, "Klussendienst")
    assert "Gewijzigd: andere tijd of plek" in page_labels(client, page)

    # Publishing that revision again (as a workflow or the revisions list does) keeps the moment, although the
    # revision was saved before the moment was known.
    clock["now"] += timedelta(days=1)
    Revision.objects.get(pk=draft.pk).publish()
    assert ActiviteitPage.objects.get(pk=page.pk).tijd_of_plek_gewijzigd_op == stored

    clock["now"] += timedelta(days=GEWIJZIGD_DAYS, minutes=1)
    assert "Gewijzigd" not in item_text(client, malburgen.url + ONLY, "Klussendienst")


def test_gewijzigd_when_the_start_time_moves(client, clock, malburgen):
    page = add(malburgen, "Klussendienst", soon(2), categorie="vrijwilligerswerk")
    page.start = soon(2, hour=14)
    page.eind = soon(2, hour=16)
    page.save_revision().publish()
    assert ActiviteitPage.objects.get(pk=page.pk).tijd_of_plek_gewijzigd_op == clock["now"]


def subscribe_links(soup):
    box = soup.select_one(".subscribe")
    return box.select_one("a.button")["href"], [a["href"] for a in box.select("a") if a["href"].startswith("http")]


def masters(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [e for e in Calendar.from_ical(response.content).walk("VEVENT") if "RECURRENCE-ID" not in e]


def test_filtered_site_agenda_subscribes_to_a_feed_with_the_same_filters(client, clock, malburgen):
    add(malburgen, "Kunst op dinsdag", soon(7), herhaling="FREQ=WEEKLY;BYDAY=TU", categorie="cultuur")
    add(malburgen, "Kunst op donderdag", soon(7), herhaling="FREQ=WEEKLY;BYDAY=TH", categorie="cultuur")
    add(malburgen, "Gym op dinsdag", soon(7), herhaling="FREQ=WEEKLY;BYDAY=TU", categorie="bewegen")
    soup = BeautifulSoup(client.get("/agenda/?categorie=cultuur&dag=di").content, "html.parser")
    webcal, plain = subscribe_links(soup)
    assert webcal == "webcal://testserver/agenda/ical/alles.ics?categorie=cultuur&dag=di"
    assert plain == ["http://testserver/agenda/ical/alles.ics?categorie=cultuur&dag=di"]
    events = masters(client, "/agenda/ical/alles.ics?categorie=cultuur&dag=di")
    titles = {str(e["SUMMARY"]) for e in events}
    assert "Kunst op dinsdag" in titles
    assert "Kunst op donderdag" not in titles and "Gym op dinsdag" not in titles
    assert {str(c) for e in events for c in e["CATEGORIES"].cats} == {"cultuur"}
    # Without filters: the whole site, no query.
    assert subscribe_links(BeautifulSoup(client.get("/agenda/").content, "html.parser"))[0] == (
        "webcal://testserver/agenda/ical/alles.ics"
    )


def test_filtered_buurt_agenda_subscribes_to_the_buurt_feed_with_its_filters(client, clock, malburgen):
    add(malburgen, "Gratis koffie", soon(3), kosten="gratis")
    add(malburgen, "Betaalde lunch", soon(3), kosten="€ 5,00")
    webcal, _plain = subscribe_links(BeautifulSoup(client.get(malburgen.url + "?gratis=ja").content, "html.parser"))
    assert webcal == "webcal://testserver/agenda/ical/buurt/malburgen.ics?gratis=ja"
    titles = {str(e["SUMMARY"]) for e in masters(client, "/agenda/ical/buurt/malburgen.ics?gratis=ja")}
    assert "Gratis koffie" in titles and "Betaalde lunch" not in titles
    assert "Betaalde lunch" in {str(e["SUMMARY"]) for e in masters(client, "/agenda/ical/buurt/malburgen.ics")}


def test_activity_page_shows_its_category_and_links_the_category_feed(client, clock, malburgen):
    page = add(malburgen, "Kunst op dinsdag", soon(7), categorie="cultuur")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    assert "Soort activiteit Cultuur" in text
    box = soup.find(id="categorie-agenda").find_parent("section")
    hrefs = [a["href"] for a in box.select("a")]
    assert hrefs == [
        "webcal://testserver/agenda/ical/categorie/cultuur.ics",
        "http://testserver/agenda/ical/categorie/cultuur.ics",
    ]


def test_the_demo_pages_are_not_all_new(client, malburgen):
    """load_demo stands for a running portal: "Nieuw" marks what an editor adds, not every demo activity."""
    soup = BeautifulSoup(client.get(malburgen.url).content, "html.parser")
    assert soup.select(".agenda__item")
    assert "Nieuw" not in [label.get_text(strip=True) for label in soup.select(".agenda__labels .label")]
