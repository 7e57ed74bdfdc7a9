"""Open now: the text around opening and closing minutes, public holidays, closing periods and DST nights.

`now` is passed explicitly (no clock, no sleeping); the places are unsaved pages with their inline rows.
"""

from datetime import UTC, date, datetime, time

import pytest
from django.utils import translation

from activiteiten.models import Openingstijd, Sluitingsperiode, VoorzieningPage
from activiteiten.open_nu import earliest_change, is_open, next_change, status
from activiteiten.testing import local

# Wagtail pages look up their content type when made, even unsaved.
pytestmark = pytest.mark.django_db

UTC = UTC
WERKDAGEN = [0, 1, 2, 3, 4]


def place(days=WERKDAGEN, open_=time(9), dicht=time(17), periodes=()):
    page = VoorzieningPage(title="Buurthuis", slug="buurthuis", soort="buurthuis")
    page.openingstijden = [Openingstijd(dag=d, open=open_, dicht=dicht) for d in days]
    page.sluitingsperiodes = [Sluitingsperiode(van=v, tot_en_met=t, reden=r) for v, t, r in periodes]
    return page


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def text(page, moment):
    return status(page, moment).text


MONDAY = date(2026, 11, 23)


def test_opening_minute():
    page = place()
    assert text(page, local(MONDAY, 8, 59)) == "Gesloten. Vandaag weer open om 09.00 uur."
    assert text(page, local(MONDAY, 9, 0)) == "Nu open, tot 17.00 uur."
    assert next_change(page, local(MONDAY, 8, 59)) == local(MONDAY, 9, 0)


def test_closing_minute():
    page = place()
    assert text(page, local(MONDAY, 16, 59)) == "Nu open, tot 17.00 uur."
    assert is_open(page, local(MONDAY, 16, 59))
    assert text(page, local(MONDAY, 17, 0)) == "Gesloten. Morgen open om 09.00 uur."
    assert not is_open(page, local(MONDAY, 17, 0))
    assert next_change(page, local(MONDAY, 10, 0)) == local(MONDAY, 17, 0)


def test_after_closing_the_text_changes_at_midnight():
    """ "Morgen" becomes "Vandaag" at midnight, so a cache must not keep the text past it."""
    page = place()
    assert next_change(page, local(MONDAY, 17, 30)) == local(date(2026, 11, 24), 0, 0)
    assert text(page, local(date(2026, 11, 24), 0, 0)) == "Gesloten. Vandaag weer open om 09.00 uur."


def test_weekend_names_the_weekday():
    friday = date(2026, 11, 27)
    assert text(place(), local(friday, 18, 0)) == "Gesloten. Maandag open om 09.00 uur."


def test_two_time_ranges_on_a_day():
    page = place(days=[0])
    page.openingstijden = [
        Openingstijd(dag=0, open=time(9), dicht=time(12)),
        Openingstijd(dag=0, open=time(13), dicht=time(17)),
    ]
    assert text(page, local(MONDAY, 12, 30)) == "Gesloten. Vandaag weer open om 13.00 uur."
    assert next_change(page, local(MONDAY, 12, 30)) == local(MONDAY, 13, 0)


def test_public_holiday_is_closed_all_day():
    koningsdag = date(2027, 4, 27)  # a Tuesday
    page = place()
    assert text(page, local(koningsdag, 10, 0)) == "Vandaag gesloten (Koningsdag). Morgen open om 09.00 uur."
    # The day before, the next opening skips the holiday.
    assert text(page, local(date(2027, 4, 26), 18, 0)) == "Gesloten. Woensdag open om 09.00 uur."


def test_holiday_name_in_english():
    with translation.override("en"):
        assert "King's Day" in text(place(), local(date(2027, 4, 27), 10, 0))


def test_closing_period():
    page = place(periodes=[(date(2026, 7, 20), date(2026, 8, 3), "zomersluiting")])
    assert text(page, local(date(2026, 7, 22), 10, 0)) == (
        "Vandaag gesloten (zomersluiting). Weer open op dinsdag 4 augustus om 09.00 uur."
    )
    assert text(page, local(date(2026, 7, 17), 17, 0)) == "Gesloten. Weer open op dinsdag 4 augustus om 09.00 uur."
    assert text(page, local(date(2026, 8, 4), 9, 0)) == "Nu open, tot 17.00 uur."


def test_closing_period_without_reason():
    page = place(periodes=[(MONDAY, MONDAY, "")])
    assert text(page, local(MONDAY, 10, 0)) == "Vandaag gesloten (gesloten). Morgen open om 09.00 uur."


def test_spring_forward_night():
    """29 March 2026: at 02.00 the clocks go to 03.00. A place that opens at 09.00 opens at 07.00 UTC."""
    sunday = date(2026, 3, 29)
    page = place(days=[6])
    night = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03.30 summer time
    assert text(page, night) == "Gesloten. Vandaag weer open om 09.00 uur."
    assert next_change(page, night) == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    assert not is_open(page, datetime(2026, 3, 29, 6, 59, tzinfo=UTC))
    assert is_open(page, datetime(2026, 3, 29, 7, 0, tzinfo=UTC))
    assert local(sunday, 9).utcoffset().total_seconds() == 2 * 3600


def test_fall_back_night():
    """25 October 2026: at 03.00 the clocks go back to 02.00. Opening at 09.00 is 08.00 UTC."""
    page = place(days=[6])
    assert not is_open(page, datetime(2026, 10, 25, 7, 59, tzinfo=UTC))
    assert is_open(page, datetime(2026, 10, 25, 8, 0, tzinfo=UTC))
    assert next_change(page, datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) == datetime(2026, 10, 25, 8, 0, tzinfo=UTC)


def test_no_opening_hours_no_text():
    assert status(place(days=[]), local(MONDAY, 10)) is None


def test_earliest_change_of_a_list():
    early = place(open_=time(8))
    late = place(open_=time(10))
    assert earliest_change([late, early], local(MONDAY, 7, 0)) == local(MONDAY, 8, 0)
