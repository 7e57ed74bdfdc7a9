"""Every rule is told to residents as a short B1 sentence, in Dutch and in English."""

from datetime import date, datetime

import pytest
from django.utils import translation

from activiteiten.rrule_text import describe

TUE_10 = datetime(2026, 1, 6, 10, 0)  # a Tuesday
TUE_12 = datetime(2026, 1, 6, 12, 0)


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


CASES = [
    # (rule, Dutch, English)
    ("FREQ=WEEKLY;BYDAY=TU", "Elke dinsdag van 10.00 tot 12.00 uur.", "Every Tuesday from 10:00 to 12:00."),
    ("FREQ=WEEKLY", "Elke dinsdag van 10.00 tot 12.00 uur.", "Every Tuesday from 10:00 to 12:00."),
    (
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "Elke maandag, woensdag en vrijdag van 10.00 tot 12.00 uur.",
        "Every Monday, Wednesday and Friday from 10:00 to 12:00.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "Elke werkdag van 10.00 tot 12.00 uur.",
        "Every weekday from 10:00 to 12:00.",
    ),
    ("FREQ=DAILY", "Elke dag van 10.00 tot 12.00 uur.", "Every day from 10:00 to 12:00."),
    ("FREQ=DAILY;INTERVAL=3", "Om de 3 dagen van 10.00 tot 12.00 uur.", "Every 3 days from 10:00 to 12:00."),
    (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        "Om de week op vrijdag van 10.00 tot 12.00 uur.",
        "Every other week on Friday from 10:00 to 12:00.",
    ),
    (
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH",
        "Om de 3 weken op dinsdag en donderdag van 10.00 tot 12.00 uur.",
        "Every 3 weeks on Tuesday and Thursday from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=2WE",
        "Elke 2e woensdag van de maand van 10.00 tot 12.00 uur.",
        "Every 2nd Wednesday of the month from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=1SA",
        "Elke 1e zaterdag van de maand van 10.00 tot 12.00 uur.",
        "Every 1st Saturday of the month from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=-1WE",
        "Elke laatste woensdag van de maand van 10.00 tot 12.00 uur.",
        "Every last Wednesday of the month from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=WE;BYSETPOS=-1",
        "Elke laatste woensdag van de maand van 10.00 tot 12.00 uur.",
        "Every last Wednesday of the month from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=1TU,3TU",
        "Elke 1e en 3e dinsdag van de maand van 10.00 tot 12.00 uur.",
        "Every 1st and 3rd Tuesday of the month from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
        "Om de 3 maanden op de 2e dinsdag van de maand van 10.00 tot 12.00 uur.",
        "Every 3 months on the 2nd Tuesday of the month from 10:00 to 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=22",
        "Elke maand op de 22e van 10.00 tot 12.00 uur.",
        "Every month on the 22nd from 10:00 to 12:00.",
    ),
    ("FREQ=YEARLY", "Elk jaar op 6 januari van 10.00 tot 12.00 uur.", "Every year on 6 January from 10:00 to 12:00."),
    (
        "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        "Elke dinsdag van 10.00 tot 12.00 uur. 8 keer: van 6 januari tot en met 24 februari 2026.",
        "Every Tuesday from 10:00 to 12:00. 8 times: from 6 January to 24 February 2026.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270925T235959",
        "Elke dinsdag van 10.00 tot 12.00 uur, tot en met 21 september 2027.",
        "Every Tuesday from 10:00 to 12:00, until 21 September 2027.",
    ),
]


@pytest.mark.parametrize("rule,dutch,english", CASES, ids=[c[0] for c in CASES])
def test_rule_as_sentence_in_dutch_and_english(rule, dutch, english):
    with translation.override("nl"):
        assert describe(rule, TUE_10, TUE_12) == dutch
    with translation.override("en"):
        assert describe(rule, TUE_10, TUE_12) == english


def test_exception_days_become_niet_op():
    with translation.override("nl"):
        text = describe(
            "FREQ=WEEKLY;BYDAY=TH", datetime(2026, 1, 8, 14), datetime(2026, 1, 8, 16), exdates=[date(2026, 12, 24)]
        )
        assert text == "Elke donderdag van 14.00 tot 16.00 uur. Niet op 24 december."
        two = describe(
            "FREQ=WEEKLY;BYDAY=TH",
            datetime(2026, 1, 8, 14),
            datetime(2026, 1, 8, 16),
            exdates=[date(2026, 12, 31), date(2026, 12, 24)],
        )
        assert two.endswith("Niet op 24 december en 31 december.")
    with translation.override("en"):
        assert describe(
            "FREQ=WEEKLY;BYDAY=TH", datetime(2026, 1, 8, 14), datetime(2026, 1, 8, 16), exdates=[date(2026, 12, 24)]
        ).endswith("Not on 24 December.")


def test_with_today_past_exceptions_are_left_out_and_other_years_named():
    text = describe(
        "FREQ=WEEKLY;BYDAY=TH",
        datetime(2026, 1, 8, 14),
        datetime(2026, 1, 8, 16),
        exdates=[date(2026, 5, 14), date(2026, 12, 24), date(2027, 1, 7)],
        today=date(2026, 11, 23),
    )
    assert "14 mei" not in text
    assert text.endswith("Niet op 24 december en 7 januari 2027.")


def test_future_start_says_from_when():
    text = describe(
        "FREQ=WEEKLY;BYDAY=MO", datetime(2027, 3, 1, 10), datetime(2027, 3, 1, 11, 15), today=date(2026, 11, 23)
    )
    assert text == "Elke maandag van 10.00 tot 11.15 uur, vanaf 1 maart 2027."


def test_no_end_time_says_om():
    assert describe("FREQ=WEEKLY;BYDAY=SU", datetime(2026, 1, 4, 9, 30)) == "Elke zondag om 09.30 uur."


def test_one_off_and_multi_day():
    assert describe("", datetime(2027, 4, 10, 11), datetime(2027, 4, 10, 15)) == (
        "Op zaterdag 10 april 2027 van 11.00 tot 15.00 uur."
    )
    assert describe("", datetime(2027, 4, 10, 11), datetime(2027, 4, 11, 15)) == (
        "Van zaterdag 10 april 11.00 uur tot zondag 11 april 2027 15.00 uur."
    )


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYWEEKNO=20",
        "FREQ=YEARLY;BYYEARDAY=100",
        "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=13",
        "FREQ=MONTHLY;BYMONTH=6,7;BYDAY=1MO",
        "FREQ=WEEKLY;BYDAY=1MO",
        "NONSENSE",
    ],
)
def test_rule_that_cannot_be_said_simply_gives_none(rule):
    assert describe(rule, TUE_10, TUE_12) is None


def test_every_rule_in_the_demo_corpus_has_a_sentence():
    import csv
    from pathlib import Path

    from django.conf import settings

    path = Path(settings.BASE_DIR) / "demo" / "corpus" / "activiteiten.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    rules = [r for r in rows if r["herhaling"]]
    assert rules
    for row in rules:
        start = datetime.fromisoformat(row["start"])
        end = datetime.fromisoformat(row["eind"]) if row["eind"] else None
        text = describe(row["herhaling"], start, end)
        assert text, row["herhaling"]
        assert "FREQ" not in text and "BYDAY" not in text
