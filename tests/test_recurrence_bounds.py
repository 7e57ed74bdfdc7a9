"""Rules that cannot take the site down (issue 15) and public holidays (issue 16), in every path:
the rule itself, the CSV import, the occurrence refresh, the agenda table, the page, iCal and print."""

from datetime import date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from dateutil.easter import easter
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.translation import override
from icalendar import Calendar
from wagtail.models import Page

from activiteiten import agenda
from activiteiten.models import ActiviteitPage, BuurtPage, Occurrence
from activiteiten.occurrences import next_occurrences, refresh_all, refresh_page
from activiteiten.recurrence import MAX_OCCURRENCES, RecurrenceError, expand, parse_rule, series_end
from activiteiten.rrule_text import describe
from activiteiten.testing import local, make_activiteit

from .corpus_support import copy_corpus

pytestmark = pytest.mark.django_db

SOEP = "soep-en-brood-pollepel"  # every Friday 12:00-14:00 in Malburgen; "niet op feestdagen" in the demo
CHRISTMAS_FRIDAY = date(2026, 12, 25)  # 1e Kerstdag 2026 is a Friday


def soep():
    return ActiviteitPage.objects.get(slug=SOEP, locale__language_code="nl")


# -- the rule ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "rule, message",
    [
        ("FREQ=SECONDLY", "FREQ=SECONDLY kan niet"),
        ("FREQ=MINUTELY;INTERVAL=5", "FREQ=MINUTELY kan niet"),
        ("FREQ=DAILY;BYHOUR=9,10", "‘BYHOUR’ kennen we niet"),
        (f"FREQ=DAILY;COUNT={MAX_OCCURRENCES + 1}", f"COUNT={MAX_OCCURRENCES + 1} kan niet"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "geeft geen datum"),
        ("FREQ=WEEKLY;UNTIL=20250101T235959", "geeft geen datum"),  # the end before the start
        ("FREQ=DAILY;UNTIL=99991231", "31 december 9999 kan niet"),
    ],
)
def test_parse_rule_refuses_what_an_agenda_does_not_need(rule, message):
    with override("nl"), pytest.raises(RecurrenceError, match=message):
        parse_rule(rule, datetime(2026, 1, 9, 12))


def test_an_expansion_never_gives_more_than_the_bound():
    start = local(date(2026, 1, 1), 9)
    times = list(expand(start, None, "FREQ=DAILY", start, start + timedelta(days=20 * 365)))
    assert len(times) == MAX_OCCURRENCES


# -- the CSV import ------------------------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path):
    return copy_corpus(tmp_path)


def edit(folder, name, old, new):
    path = folder / name
    text = path.read_text(encoding="utf-8-sig")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")


def snapshot():
    return sorted(Page.objects.values_list("id", "latest_revision_id", "live")), Occurrence.objects.count()


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('"FREQ=WEEKLY;BYDAY=MO"', '"FREQ=SECONDLY"', ["regel 2", "kolom ‘herhaling’", "FREQ=SECONDLY kan niet"]),
        ('"FREQ=WEEKLY;BYDAY=MO"', '"FREQ=MINUTELY"', ["regel 2", "kolom ‘herhaling’", "FREQ=MINUTELY kan niet"]),
        ('"FREQ=WEEKLY;BYDAY=MO"', '"FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"', ["regel 2", "geeft geen datum"]),
        ("2026-01-05T09:30;2026-01-05T11:30", "0001-01-05T09:30;2026-01-05T11:30",
         ["regel 2", "kolom ‘start’", "1 januari 2000"]),
        ("Welzijn Veerkracht;;ja", "Welzijn Veerkracht;;misschien",
         ["regel 2", "kolom ‘niet_op_feestdagen’", "verwacht ja of nee"]),
    ],
    ids=["secondly", "minutely", "never", "year-1", "yes-no"],
)  # fmt: skip
def test_import_refuses_the_row_names_file_and_line_and_stores_nothing(corpus, capsys, old, new, expected):
    edit(corpus, "activiteiten.csv", old, new)
    before = snapshot()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_corpus", str(corpus))
    err = capsys.readouterr().err
    assert "activiteiten.csv" in err
    for fragment in expected:
        assert fragment in err
    assert snapshot() == before


def test_import_sets_the_holiday_flag_and_a_file_without_the_column_keeps_it(tmp_path, capsys):
    corpus = copy_corpus(tmp_path, ["activiteiten.csv"])
    assert soep().niet_op_feestdagen  # from the demo corpus
    koffie = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    assert koffie.niet_op_feestdagen
    edit(corpus, "activiteiten.csv", "Welzijn Veerkracht;;ja", "Welzijn Veerkracht;;nee")
    call_command("import_corpus", str(corpus))
    assert not ActiviteitPage.objects.get(pk=koffie.pk).niet_op_feestdagen
    # An older file without the column changes nothing about the flag.
    path = corpus / "activiteiten.csv"
    lines = path.read_text(encoding="utf-8-sig").split("\r\n")
    path.write_text("\r\n".join(line.rsplit(";", 1)[0] for line in lines if line), encoding="utf-8-sig")
    call_command("import_corpus", str(corpus))
    assert soep().niet_op_feestdagen
    assert not ActiviteitPage.objects.get(pk=koffie.pk).niet_op_feestdagen


# -- a bad rule already stored (saved before the bounds) -------------------------------------------------
@pytest.mark.parametrize("rule", ["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"])
def test_refresh_and_the_public_pages_survive_a_bad_stored_rule(client, rule):
    buurt = BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")
    now = timezone.now()
    page = make_activiteit(buurt, "Oude regel", now + timedelta(days=2))
    ActiviteitPage.objects.filter(pk=page.pk).update(herhaling=rule)  # as an old version could store it
    assert refresh_page(ActiviteitPage.objects.get(pk=page.pk)) == 1  # its first time only
    assert refresh_all() > 0
    call_command("refresh_occurrences", stdout=open("/dev/null", "w"))
    assert Occurrence.objects.filter(page=page).count() == 1
    assert client.get(page.url).status_code == 200
    assert client.get(f"/agenda/ical/activiteit/{page.pk}.ics").status_code == 200
    assert client.get("/agenda/ical/buurt/malburgen.ics").status_code == 200


def test_a_bad_stored_rule_counts_as_its_first_time_in_the_search_too(client):
    """activiteiten.recurrence.series_end is the one rule for "is it over" (search, iCal feeds). A rule the
    portal refuses counts as the first time only, as in the agenda: a first time two days ago is over, and
    the search no longer lists it. A weekly series without end, begun the same day, is still listed."""
    buurt = BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")
    begun = timezone.now() - timedelta(days=2)
    bad = make_activiteit(buurt, "Zwaluwstaartmiddag oud", begun)
    ActiviteitPage.objects.filter(pk=bad.pk).update(herhaling="FREQ=SECONDLY")  # as an old version could store it
    make_activiteit(buurt, "Zwaluwstaartmiddag wekelijks", begun, herhaling="FREQ=WEEKLY")
    found = [r["title"] for r in client.get("/api/zoeken/", {"q": "zwaluwstaartmiddag"}).json()["results"]]
    assert found == ["Zwaluwstaartmiddag wekelijks"]


@pytest.mark.parametrize(
    "eind, rule, ends",
    [
        (timedelta(hours=2), "", timedelta(hours=2)),  # a one-off: at its end
        (None, "", timedelta(hours=1)),  # no end: a time lasts DEFAULT_DURATION
        (timedelta(hours=-1), "", timedelta(0)),  # an end before the start: no time at all
        (timedelta(hours=2), "FREQ=WEEKLY;COUNT=3", timedelta(days=14, hours=2)),  # the end of the third time
        (timedelta(hours=2), "FREQ=DAILY;UNTIL=20270310T235959", timedelta(days=9, hours=2)),
        (timedelta(hours=2), "FREQ=WEEKLY", None),  # goes on
        (timedelta(hours=2), "FREQ=SECONDLY", timedelta(hours=2)),  # refused: its first time only
    ],
)
def test_when_a_series_ends(eind, rule, ends):
    start = local(date(2027, 3, 1), 10)
    assert series_end(start, start + eind if eind is not None else None, rule) == (
        None if ends is None else start + ends
    )


# -- public holidays ---------------------------------------------------------------------------------
def test_soep_en_broodje_is_not_listed_on_christmas_day():
    page = soep()
    refresh_page(page, now=local(date(2026, 12, 1), 8))
    days = set(Occurrence.objects.filter(page=page).values_list("datum", flat=True))
    assert {date(2026, 12, 18), date(2027, 1, 8)} <= days
    assert CHRISTMAS_FRIDAY not in days and date(2027, 1, 1) not in days  # Kerstmis, Nieuwjaarsdag
    ActiviteitPage.objects.filter(pk=page.pk).update(niet_op_feestdagen=False)
    refresh_page(soep(), now=local(date(2026, 12, 1), 8))
    assert Occurrence.objects.filter(page=page, datum=CHRISTMAS_FRIDAY).exists()


def test_next_dates_of_the_page_skip_holidays():
    times = next_occurrences(soep(), limit=4, after=local(date(2026, 12, 17), 8))
    assert [t.start.date() for t in times] == [
        date(2026, 12, 18),
        date(2027, 1, 8),
        date(2027, 1, 15),
        date(2027, 1, 22),
    ]


def test_weekoverzicht_in_print_leaves_christmas_out(client, monkeypatch):
    monkeypatch.setattr(agenda, "now", lambda: local(date(2026, 12, 1), 8))
    refresh_page(soep(), now=local(date(2026, 12, 1), 8))
    for vanaf, listed in (("2026-12-21", False), ("2026-12-14", True)):
        response = client.get(f"/agenda/malburgen/weekoverzicht/?vanaf={vanaf}")
        assert response.status_code == 200
        assert ("Soep en broodje op vrijdag" in response.content.decode()) is listed


def test_the_sentence_says_except_on_holidays_and_does_not_list_them():
    start, end = local(date(2026, 1, 9), 12), local(date(2026, 1, 9), 14)
    exdates = [CHRISTMAS_FRIDAY, date(2026, 12, 11)]
    with override("nl"):
        sentence = describe("FREQ=WEEKLY;BYDAY=FR", start, end, exdates=exdates, feestdagen=True)
    assert sentence == ("Elke vrijdag van 12.00 tot 14.00 uur, behalve op feestdagen. Niet op 11 december.")
    with override("en"):
        assert describe("FREQ=WEEKLY;BYDAY=FR", start, end, feestdagen=True) == (
            "Every Friday from 12:00 to 14:00, except on public holidays."
        )


def test_activity_page_says_it_in_the_sentence(client):
    text = BeautifulSoup(client.get(soep().url).content, "html.parser").select_one(".herhaling").get_text()
    assert "behalve op feestdagen" in text


def exdates(event):
    value = event.get("exdate", [])
    return {d.dt.date() for item in (value if isinstance(value, list) else [value]) for d in item.dts}


def test_ical_has_the_next_good_friday_as_exdate(client):
    today = timezone.localdate()
    good_friday = next(d for d in (easter(y) - timedelta(days=2) for y in (today.year, today.year + 1)) if d > today)
    body = client.get(f"/agenda/ical/activiteit/{soep().pk}.ics").content
    event = next(c for c in Calendar.from_ical(body).walk("VEVENT") if c.get("rrule"))
    assert good_friday in exdates(event)
    assert all(d.weekday() == 4 for d in exdates(event))  # only the holidays it would meet: Fridays


def test_admin_csv_import_changes_only_the_holiday_flag(django_user_model):
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from redactie.export import buurt_rows, to_csv
    from redactie.groups import cm_name

    buurt = BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")
    user = django_user_model.objects.create_user("cm-feestdagen", "cm@example.nl", "geheim-wachtwoord-123")
    user.groups.add(Group.objects.get(name=cm_name(buurt.title)))
    client = Client()
    client.force_login(user)
    rows = buurt_rows(buurt)["activiteiten.csv"]
    row = next(r for r in rows if r["slug"] == SOEP)
    assert row["niet_op_feestdagen"] == "ja"
    row["niet_op_feestdagen"] = "nee"
    upload = SimpleUploadedFile("activiteiten.csv", to_csv("activiteiten.csv", rows), content_type="text/csv")
    response = client.post(reverse("redactie_import"), {"activiteiten": upload})
    changed = [tr.get_text() for tr in BeautifulSoup(response.content, "html.parser").select("tr[data-status]")
               if tr["data-status"] != "ongewijzigd"]  # fmt: skip
    assert len(changed) == 1 and SOEP in changed[0]
    client.post(reverse("redactie_import"), {"stap": "bevestig"})
    assert not soep().niet_op_feestdagen
