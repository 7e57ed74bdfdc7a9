"""Long-running occurrences (longer than occurrences.SHORT_SPAN) come from their own index once they have
begun; the listings must still show them first, in order, and page through them without gaps."""
# ruff: noqa: F811  (the clock fixture imported from agenda_support)

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from activiteiten import agenda
from activiteiten.models import Occurrence
from activiteiten.occurrences import MAX_SPAN_DAYS, SHORT_SPAN
from activiteiten.testing import local

from .agenda_support import adder, clock, new_buurt  # noqa: F401  (clock: a fixture)

pytestmark = pytest.mark.django_db

NOW = local(date(2027, 3, 24), 15)  # a Wednesday afternoon


@pytest.fixture
def add(nl):
    return adder(new_buurt(nl, "Langbuurt", "langbuurt"), NOW)


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
