"""Long-running occurrences (longer than occurrences.SHORT_SPAN) come from their own index once they have
begun; the listings must still show them first, in order, and page through them without gaps."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from activiteiten import agenda
from activiteiten.models import BuurtPage, Occurrence
from activiteiten.occurrences import MAX_SPAN_DAYS, SHORT_SPAN, refresh_page
from activiteiten.testing import local, make_activiteit
from home.models import HomePage

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 24), 15)  # a Wednesday afternoon


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(agenda, "now", lambda: NOW)
    return NOW


@pytest.fixture
def add(nl):
    home = HomePage.objects.get(locale=nl)
    buurt = home.add_child(
        instance=BuurtPage(
            title="Langbuurt", slug="langbuurt", gemeente="Arnhem", intro="Een buurt om te testen.", locale=nl
        )
    )
    buurt.save_revision().publish()

    def _add(title, start, **kwargs):
        page = make_activiteit(buurt, title, start, **kwargs)
        refresh_page(page, now=NOW)
        return page

    _add.buurt = buurt
    return _add


def titles(response):
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select(".agenda__title a")]


def test_rows_longer_than_the_short_span_are_marked(clock, add):
    dagtocht = add("Dagtocht naar Kinderdijk", local(date(2027, 3, 24), 9), eind=local(date(2027, 3, 24), 18))
    koffie = add("Koffie", local(date(2027, 3, 24), 10), eind=local(date(2027, 3, 24), 12))
    assert local(date(2027, 3, 24), 18) - local(date(2027, 3, 24), 9) > SHORT_SPAN
    assert list(Occurrence.objects.filter(page=dagtocht).values_list("lang_lopend", flat=True)) == [True]
    assert list(Occurrence.objects.filter(page=koffie).values_list("lang_lopend", flat=True)) == [False]


def test_a_day_trip_that_began_this_morning_is_listed_first_today(client, clock, add):
    add("Dagtocht naar Kinderdijk", local(date(2027, 3, 24), 9), eind=local(date(2027, 3, 24), 18))
    add("Koffie voorbij", local(date(2027, 3, 24), 10), eind=local(date(2027, 3, 24), 12))
    add("Zangmiddag", local(date(2027, 3, 24), 14), eind=local(date(2027, 3, 24), 16))
    add("Avondwandeling", local(date(2027, 3, 24), 19))
    expected = ["Dagtocht naar Kinderdijk", "Zangmiddag", "Avondwandeling"]
    assert [t for t in titles(client.get(add.buurt.url)) if t in expected + ["Koffie voorbij"]] == expected
    assert [t for t in titles(client.get("/agenda/")) if t in expected + ["Koffie voorbij"]] == expected


def test_paging_runs_on_from_the_long_rows_into_the_others_without_gaps(client, clock, add):
    for n in range(3):
        add(f"Tentoonstelling {n}", local(date(2027, 3, 20 + n), 10), eind=local(date(2027, 4, 10), 17))
    add("Tentoonstelling voorbij", local(date(2027, 3, 1), 10), eind=local(date(2027, 3, 20), 17))
    add("Koffie voorbij", local(date(2027, 3, 24), 10), eind=local(date(2027, 3, 24), 12))
    add("Elke dag koffie", local(date(2027, 3, 23), 9), herhaling="FREQ=DAILY")
    add("Elke dag lunch", local(date(2027, 3, 23), 12), herhaling="FREQ=DAILY")
    shown = []
    for pagina in (1, 2, 3):
        response = client.get(f"{add.buurt.url}?pagina={pagina}")
        soup = BeautifulSoup(response.content, "html.parser")
        shown += [
            (
                item.select_one(".agenda__title a").get_text(strip=True),
                item.select_one(".agenda__when time")["datetime"],
            )
            for item in soup.select(".agenda__item")
        ]
    # The plain (slow) question: every stored row that has not ended, sorted on (start, page).
    expected = [
        (occ.page.title, occ.start.astimezone(NOW.tzinfo).isoformat())
        for occ in Occurrence.objects.filter(
            buurt=add.buurt, end__gt=NOW, start__gte=NOW - timedelta(days=MAX_SPAN_DAYS)
        ).order_by("start", "page_id")[: 3 * agenda.BUURT_PER_PAGE]
    ]
    assert shown[:3] == expected[:3]
    assert [t for t, _ in shown[:3]] == ["Tentoonstelling 0", "Tentoonstelling 1", "Tentoonstelling 2"]
    assert shown == expected
