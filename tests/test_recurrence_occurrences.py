"""Occurrences: Europe/Amsterdam across daylight saving, exception days, cancellations, the stored table."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command

from activiteiten.models import ActiviteitPage, Occurrence
from activiteiten.occurrences import KEEP_PAST_DAYS, WINDOW_DAYS, compute, refresh_all, refresh_page
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """make_activiteit, with the on-commit refresh run as it would be after a real request."""

    def _make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_activiteit(*args, **kwargs)

    return _make


def test_weekly_stays_at_ten_oclock_local_across_autumn_dst_change(presikhaaf, publish):
    # Sundays around the end of summer time (25 October 2026).
    page = publish(presikhaaf, "Zondagwandeling", local(date(2026, 10, 4), 10), herhaling="FREQ=WEEKLY;BYDAY=SU")
    occs = compute(page, local(date(2026, 10, 17), 0), local(date(2026, 11, 2), 0))
    assert [o.start.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M") for o in occs] == [
        "2026-10-18 10:00",
        "2026-10-25 10:00",
        "2026-11-01 10:00",
    ]
    assert [o.start.astimezone(UTC).hour for o in occs] == [8, 9, 9]  # +02:00, then +01:00
    assert all(o.end - o.start == timedelta(hours=2) for o in occs)


def test_stored_rows_keep_local_time_and_day_across_spring_dst_change(presikhaaf, publish):
    # Saturday nights at 00:30 local: the UTC date is the day before; summer time starts 28 March 2027.
    page = publish(
        presikhaaf,
        "Nachtcafé",
        local(date(2027, 3, 20), 0, 30),
        eind=local(date(2027, 3, 20), 1, 30),
        herhaling="FREQ=WEEKLY;BYDAY=SA;COUNT=3",
    )
    refresh_page(page, now=local(date(2027, 3, 1), 12))
    rows = list(Occurrence.objects.filter(page=page).order_by("start"))
    assert [(r.datum, r.weekdag) for r in rows] == [
        (date(2027, 3, 20), 5),
        (date(2027, 3, 27), 5),
        (date(2027, 4, 3), 5),
    ]
    assert [r.start.astimezone(AMSTERDAM).strftime("%H:%M") for r in rows] == ["00:30"] * 3
    assert rows[0].start.astimezone(UTC) == datetime(2027, 3, 19, 23, 30, tzinfo=UTC)
    assert rows[2].start.astimezone(UTC) == datetime(2027, 4, 2, 22, 30, tzinfo=UTC)


def test_exception_day_is_skipped_and_neighbours_stay(presikhaaf, publish):
    page = publish(
        presikhaaf,
        "Kerstsoos",
        local(date(2026, 12, 3), 14),
        herhaling="FREQ=WEEKLY;BYDAY=TH",
        uitzonderingen=[(date(2026, 12, 24), "vrij", "kerstavond")],
    )
    days = [o.start.date() for o in compute(page, local(date(2026, 12, 15), 0), local(date(2027, 1, 5), 0))]
    assert days == [date(2026, 12, 17), date(2026, 12, 31)]
    refresh_page(page, now=local(date(2026, 12, 1), 8))
    stored_days = set(Occurrence.objects.filter(page=page).values_list("datum", flat=True))
    assert date(2026, 12, 17) in stored_days and date(2026, 12, 31) in stored_days
    assert date(2026, 12, 24) not in stored_days


def test_single_cancellation_is_stored_as_cancelled_with_reason(presikhaaf, publish):
    page = publish(
        presikhaaf,
        "Breiclub",
        local(date(2026, 12, 1), 10),
        herhaling="FREQ=WEEKLY;BYDAY=TU",
        uitzonderingen=[(date(2026, 12, 8), "afgelast", "De docent is ziek.")],
    )
    refresh_page(page, now=local(date(2026, 11, 30), 8))
    cancelled = Occurrence.objects.get(page=page, datum=date(2026, 12, 8))
    assert cancelled.afgelast and cancelled.reden == "De docent is ziek."
    assert not Occurrence.objects.get(page=page, datum=date(2026, 12, 15)).afgelast


def test_cancelling_the_whole_activity_marks_every_time(presikhaaf, publish, django_capture_on_commit_callbacks):
    page = publish(presikhaaf, "Zangkoor", local(date(2026, 12, 2), 19), herhaling="FREQ=WEEKLY;BYDAY=WE")
    page = ActiviteitPage.objects.get(pk=page.pk)
    page.status, page.status_reden = "afgelast", "Het koor stopt."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    rows = Occurrence.objects.filter(page=page)
    assert rows.exists()
    assert set(rows.values_list("afgelast", "reden")) == {(True, "Het koor stopt.")}


def test_publish_fills_and_unpublish_and_delete_empty_the_table(
    presikhaaf, publish, django_capture_on_commit_callbacks
):
    start = datetime.now(AMSTERDAM).replace(microsecond=0) + timedelta(days=3)
    page = publish(presikhaaf, "Eenmalig feest", start, categorie="cultuur", kosten="€ 2,00", doelgroep="ouderen")
    row = Occurrence.objects.get(page=page)
    assert (row.buurt_id, row.locale_id, row.categorie, row.gratis, row.doelgroepen) == (
        presikhaaf.pk,
        presikhaaf.locale_id,
        "cultuur",
        False,
        ",ouderen,",
    )
    page = ActiviteitPage.objects.get(pk=page.pk)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not Occurrence.objects.filter(page=page).exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert Occurrence.objects.filter(page=page).count() == 1
    page_id = page.pk
    ActiviteitPage.objects.get(pk=page_id).delete()
    assert not Occurrence.objects.filter(page_id=page_id).exists()


def test_refresh_all_and_command_rebuild_the_rolling_window(presikhaaf, publish):
    page = publish(presikhaaf, "Dagelijks", local(date(2026, 1, 1), 9), herhaling="FREQ=DAILY")
    moment = local(date(2027, 6, 1), 12)
    total = refresh_all(now=moment)
    rows = Occurrence.objects.filter(page=page)
    assert total == Occurrence.objects.count()
    first = rows.order_by("start").first().start
    last = rows.order_by("start").last().start
    # Times that ended more than KEEP_PAST_DAYS ago are gone (the weekoverzicht shows this week from Monday).
    assert first.astimezone(AMSTERDAM).date() == date(2027, 6, 1) - timedelta(days=KEEP_PAST_DAYS - 1)
    assert (last - first).days in (WINDOW_DAYS + KEEP_PAST_DAYS - 2, WINDOW_DAYS + KEEP_PAST_DAYS - 1)
    call_command("refresh_occurrences", now="2027-07-01T12:00+02:00", stdout=open("/dev/null", "w"))
    assert rows.order_by("start").first().start.astimezone(AMSTERDAM).date() == date(2027, 7, 1) - timedelta(
        days=KEEP_PAST_DAYS - 1
    )
    # Demo activities are there too (only live, public pages).
    assert Occurrence.objects.filter(page__slug="koffieochtend-de-klimop").exists()


def test_series_that_starts_after_the_window_and_far_one_off_are_stored(presikhaaf, publish):
    moment = local(date(2026, 11, 23), 9)
    series = publish(
        presikhaaf, "Cursus volgend jaar", local(date(2027, 9, 6), 10), herhaling="FREQ=WEEKLY;BYDAY=MO;COUNT=6"
    )
    one_off = publish(presikhaaf, "Feest over twee jaar", local(date(2028, 6, 3), 14))
    refresh_page(series, now=moment)
    refresh_page(one_off, now=moment)
    assert list(Occurrence.objects.filter(page=series).values_list("datum", flat=True)) == [date(2027, 9, 6)]
    assert list(Occurrence.objects.filter(page=one_off).values_list("datum", flat=True)) == [date(2028, 6, 3)]


def test_bad_now_for_the_command_gives_a_dutch_message(capsys):
    from io import StringIO

    err = StringIO()
    call_command("refresh_occurrences", now="morgen", stderr=err, stdout=StringIO())
    assert "geen tijdstip" in err.getvalue()


@pytest.mark.parametrize("years_later", [0, 1, 4])
def test_fast_forward_gives_the_same_times_as_walking_from_the_first_time(years_later):
    """Every rule in the demo corpus, plus a few others, in windows years after the first time."""
    import csv
    from pathlib import Path

    from dateutil.rrule import rrulestr
    from django.conf import settings

    from activiteiten.recurrence import expand

    path = Path(settings.BASE_DIR) / "demo" / "corpus" / "activiteiten.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    cases = [(datetime.fromisoformat(r["start"]), r["herhaling"]) for r in rows if r["herhaling"]]
    cases += [
        (datetime(2026, 1, 31, 10), "FREQ=MONTHLY"),
        (datetime(2026, 1, 15, 10), "FREQ=MONTHLY;INTERVAL=2"),
        (datetime(2026, 1, 3, 10), "FREQ=DAILY;INTERVAL=3"),
        (datetime(2026, 1, 7, 10), "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE,SA"),
        (datetime(2026, 2, 28, 23, 30), "FREQ=WEEKLY"),
    ]
    window_start = local(date(2026 + years_later, 3, 20), 0)
    window_end = local(date(2026 + years_later, 5, 1), 0)
    for start, rule in cases:
        naive_from, naive_to = window_start.replace(tzinfo=None), window_end.replace(tzinfo=None)
        # Walking the rule from its very first time (what dateutil does without the shortcut).
        slow = rrulestr(rule, dtstart=start).between(naive_from - timedelta(hours=2), naive_to, inc=True)
        fast = [
            s.replace(tzinfo=None)
            for s, _e in expand(start, start + timedelta(hours=2), rule, window_start, window_end)
        ]
        assert fast == [d for d in slow if d + timedelta(hours=2) > naive_from], rule
