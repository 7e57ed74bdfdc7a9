"""The recurrence form in the page editor, posted through the real Wagtail admin by a communitymanager.

Editors choose "elke week op …", "om de … weken", "de laatste woensdag van de maand", a "tot en met" date
and exception days from a calendar; the RRULE is only the storage. Bad input gets a field error, never
a 500, and nothing is stored.
"""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from dateutil.easter import easter
from django.urls import reverse
from django.utils import timezone

from activiteiten.models import ActiviteitPage, Occurrence
from activiteiten.recurrence_form import form_values, rule_from_values

from .redactie_support import buurt_b, cm_b, edit_form_data, login, nl_page  # noqa: F401  (fixtures)

SOEP = "soep-en-brood-pollepel"  # every Friday 12:00-14:00 in Malburgen (demo corpus)


@pytest.fixture
def soep(db):
    return nl_page(ActiviteitPage, SOEP)


@pytest.fixture
def editor(cm_b):
    return login(cm_b)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish(client, page, admin_client, **changes):
    data = edit_form_data(admin_client, page, **{"action-publish": "publish"})
    data.update(changes)
    return client.post(edit_url(page), data)


def field_errors(response, name):
    return " ".join(response.context["form"].errors.get(name, []))


def stored(page):
    return ActiviteitPage.objects.get(pk=page.pk)


# -- what the editor sees -------------------------------------------------------------------------
def test_a_weekly_rule_is_shown_as_choices_not_as_text(editor, soep):
    soup = BeautifulSoup(editor.get(edit_url(soep)).content, "html.parser")
    assert soup.select_one('input[name="herhaling_patroon"][value="wekelijks"]').has_attr("checked")
    assert [i["value"] for i in soup.select('input[name="herhaling_dagen"][checked]')] == ["FR"]
    assert soup.select_one('input[name="herhaling_patroon"][value="tekst"]') is None  # no text option
    assert "FREQ=" not in soup.select_one("[data-herhaling]").get_text()
    assert soup.select_one('input[name="herhaling_tot"]')["type"] == "date"  # the browser's calendar
    assert soup.select_one("script[src$='js/recurrence.js']") is not None


def test_a_rule_the_form_cannot_show_stays_text_with_a_warning_and_is_kept(admin_client):
    page = ActiviteitPage.objects.filter(locale__language_code="nl", herhaling__contains="COUNT").first()
    rule = page.herhaling
    soup = BeautifulSoup(admin_client.get(edit_url(page)).content, "html.parser")
    assert soup.select_one('input[name="herhaling_patroon"][value="tekst"]').has_attr("checked")
    assert soup.select_one('input[name="herhaling_tekst"]')["value"] == rule
    assert "past niet in de keuzes" in soup.select_one("[data-herhaling]").get_text()
    response = admin_client.post(edit_url(page), edit_form_data(admin_client, page, **{"action-publish": "publish"}))
    assert response.status_code == 302
    assert stored(page).herhaling == rule


@pytest.mark.parametrize(
    "choices, rule",
    [
        ({"herhaling_patroon": "weken", "herhaling_interval": "2", "herhaling_dagen": ["WE"],
          "herhaling_tot": "2027-06-30"}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270630T235959"),
        ({"herhaling_patroon": "wekelijks", "herhaling_dagen": ["TU", "FR"]}, "FREQ=WEEKLY;BYDAY=TU,FR"),
        ({"herhaling_patroon": "maandelijks", "herhaling_nummer": "-1", "herhaling_weekdag": "FR"},
         "FREQ=MONTHLY;BYDAY=-1FR"),
        ({"herhaling_patroon": "maandelijks", "herhaling_nummer": "2", "herhaling_weekdag": "FR"},
         "FREQ=MONTHLY;BYDAY=2FR"),
        ({"herhaling_patroon": "dagelijks", "herhaling_tot": "2027-01-31"}, "FREQ=DAILY;UNTIL=20270131T235959"),
        ({"herhaling_patroon": "eenmalig"}, ""),
    ],
    ids=["every-other-week-until", "two-days-a-week", "last-friday", "second-friday", "daily-until", "once"],
)  # fmt: skip
def test_the_choices_are_stored_as_a_rule(editor, admin_client, soep, choices, rule):
    response = publish(editor, soep, admin_client, **choices)
    assert response.status_code == 302, response.context["form"].errors
    assert stored(soep).herhaling == rule
    assert form_values(rule, first_weekday=4) is not None  # and it opens as choices again


def test_weekly_without_a_day_names_what_is_missing(editor, admin_client, soep):
    response = publish(editor, soep, admin_client, herhaling_patroon="wekelijks", herhaling_dagen=[])
    assert response.status_code == 200
    assert "Kies op welke dag" in field_errors(response, "herhaling")
    assert stored(soep).herhaling == "FREQ=WEEKLY;BYDAY=FR"


# -- issue 16: a 500 with exception days and an invalid rule ---------------------------------------
def test_invalid_rule_with_exception_days_gives_a_field_error_not_a_500(editor, admin_client, soep):
    data = edit_form_data(admin_client, soep, **{"action-publish": "publish"})
    data.update(
        {
            "herhaling_patroon": "tekst",
            "herhaling_tekst": "ELKE DINSDAG",
            "uitzonderingen-TOTAL_FORMS": "1",
            "uitzonderingen-0-datum": "2026-12-18",
            "uitzonderingen-0-soort": "vrij",
            "uitzonderingen-0-reden": "kerstvakantie",
            "uitzonderingen-0-ORDER": "1",
            "uitzonderingen-0-id": "",
            "uitzonderingen-0-DELETE": "",
        }
    )
    response = editor.post(edit_url(soep), data)
    assert response.status_code == 200
    assert "Ongeldige herhaling" in field_errors(response, "herhaling")
    assert 'value="ELKE DINSDAG"' in response.content.decode()  # what was typed is kept
    assert stored(soep).herhaling == "FREQ=WEEKLY;BYDAY=FR"
    assert not stored(soep).uitzonderingen.exists()


# -- issue 15: an editor cannot take the site down -------------------------------------------------
@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_a_rule_more_often_than_daily_is_refused_and_nothing_goes_live(editor, admin_client, soep, freq):
    rows = Occurrence.objects.filter(page=soep).count()
    response = publish(editor, soep, admin_client, herhaling_patroon="tekst", herhaling_tekst=f"FREQ={freq}")
    assert response.status_code == 200
    assert f"FREQ={freq} kan niet" in field_errors(response, "herhaling")
    assert stored(soep).herhaling == "FREQ=WEEKLY;BYDAY=FR"
    assert Occurrence.objects.filter(page=soep).count() == rows


@pytest.mark.parametrize(
    "text, message",
    [
        ("FREQ=DAILY;COUNT=100000", "COUNT=100000 kan niet"),
        ("FREQ=WEEKLY;INTERVAL=1000;BYDAY=FR", "INTERVAL=1000 kan niet"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "geeft geen datum"),  # the 30th of February never comes
        ("FREQ=WEEKLY;BYDAY=FR;UNTIL=99991231T235959", "De einddatum (UNTIL) 31 december 9999 kan niet"),
    ],
    ids=["count", "interval", "never", "until-9999"],
)
def test_rules_without_bounds_are_refused_with_a_plain_message(editor, admin_client, soep, text, message):
    response = publish(editor, soep, admin_client, herhaling_patroon="tekst", herhaling_tekst=text)
    assert response.status_code == 200
    assert message in field_errors(response, "herhaling")
    assert stored(soep).herhaling == "FREQ=WEEKLY;BYDAY=FR"


# -- issue 15: dates out of range in the admin form --------------------------------------------------
def test_a_first_time_in_the_year_1_is_refused_at_the_field(editor, admin_client, soep):
    response = publish(editor, soep, admin_client, start="0001-01-01 00:00")
    assert response.status_code == 200
    assert "1 januari 0001 kan niet" in field_errors(response, "start")
    assert stored(soep).start.year == 2026


def test_an_until_date_too_far_ahead_is_refused(editor, admin_client, soep):
    far = date.today().replace(year=date.today().year + 11)
    response = publish(editor, soep, admin_client, herhaling_tot=far.isoformat())
    assert response.status_code == 200
    assert "‘tot en met’" in field_errors(response, "herhaling")


def test_an_exception_on_31_december_9999_is_refused_at_the_field(editor, admin_client, soep):
    data = edit_form_data(admin_client, soep, **{"action-publish": "publish"})
    data.update(
        {
            "uitzonderingen-TOTAL_FORMS": "1",
            "uitzonderingen-0-datum": "9999-12-31",
            "uitzonderingen-0-soort": "vrij",
            "uitzonderingen-0-reden": "",
            "uitzonderingen-0-ORDER": "1",
            "uitzonderingen-0-id": "",
            "uitzonderingen-0-DELETE": "",
        }
    )
    response = editor.post(edit_url(soep), data)
    assert response.status_code == 200
    formset = response.context["form"].formsets["uitzonderingen"]
    assert "31 december 9999 kan niet" in " ".join(formset.forms[0].errors["datum"])
    assert not stored(soep).uitzonderingen.exists()


# -- the live preview ---------------------------------------------------------------------------------
def next_good_friday(after):
    """Goede Vrijdag (two days before Easter, from dateutil, not from the holidays library)."""
    for year in (after.year, after.year + 1):
        day = easter(year) - timedelta(days=2)
        if day > after:
            return day
    raise AssertionError("no Good Friday within a year")


def test_preview_says_the_sentence_and_the_next_five_dates_without_holidays(editor):
    good_friday = next_good_friday(timezone.localdate() + timedelta(days=7))
    first = good_friday - timedelta(days=14)
    params = {
        "herhaling_patroon": "wekelijks",
        "herhaling_dagen": "FR",
        "start": f"{first:%Y-%m-%d} 12:00",
        "eind": f"{first:%Y-%m-%d} 14:00",
        "niet_op_feestdagen": "on",
        "afgelast": (good_friday + timedelta(days=7)).isoformat(),
    }
    answer = editor.get(reverse("activiteiten_herhaling_voorbeeld"), params).json()
    assert answer["zin"].startswith("Elke vrijdag van 12.00 tot 14.00 uur")
    assert "behalve op feestdagen" in answer["zin"]
    fridays = [first + timedelta(days=7 * n) for n in (0, 1, 3, 4, 5)]  # n=2 is Good Friday
    assert [text.split(",")[0] for text in answer["data"]] == [
        f"vrijdag {d.day} {['januari', 'februari', 'maart', 'april', 'mei'][d.month - 1]} {d.year}" for d in fridays
    ]
    assert answer["data"][2].endswith("gaat niet door")  # a cancelled date stays visible, marked
    assert answer["fout"] == ""


def test_preview_names_a_refused_rule_and_is_for_editors_only(editor, client):
    url = reverse("activiteiten_herhaling_voorbeeld")
    params = {"herhaling_patroon": "tekst", "herhaling_tekst": "FREQ=SECONDLY", "start": "2027-01-08 12:00"}
    assert "FREQ=SECONDLY kan niet" in editor.get(url, params).json()["fout"]
    response = client.get(url, params)
    assert response.status_code == 302 and "login" in response["Location"]


# -- the translation between rule and form --------------------------------------------------------------
@pytest.mark.parametrize(
    "rule",
    ["FREQ=MONTHLY;BYMONTHDAY=1,15", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
     "FREQ=WEEKLY;BYDAY=SA;UNTIL=20270925T120000", "FREQ=YEARLY", "FREQ=MONTHLY;BYDAY=1TU,3TU"],
)  # fmt: skip
def test_rules_the_form_cannot_show_stay_text(rule):
    assert form_values(rule, first_weekday=1) is None


def test_a_weekly_rule_without_days_opens_on_the_weekday_of_the_first_time():
    values = form_values("FREQ=WEEKLY", first_weekday=3)
    assert values["patroon"] == "wekelijks" and values["dagen"] == ["TH"]
    assert rule_from_values(values) == "FREQ=WEEKLY;BYDAY=TH"


@pytest.mark.parametrize(
    "params",
    [
        {"herhaling_patroon": "weken", "herhaling_interval": "²", "herhaling_dagen": "XX", "start": "0001-01-01 00:00"},
        {"herhaling_patroon": "wekelijks", "herhaling_dagen": "FR", "start": "9999-12-31 23:59", "eind": "x"},
        {"herhaling_patroon": "wekelijks", "herhaling_dagen": "FR", "start": "2027-01-08 12:00",
         "eind": "9999-12-31 23:59"},
        {"herhaling_patroon": "wekelijks", "herhaling_dagen": "FR", "start": "2027-01-08 12:00",
         "vrij": ["2026-13-45", "9999-12-31", "\x00"], "afgelast": "0001-01-01"},
        {"herhaling_patroon": "??", "herhaling_tot": "31-12-2027", "start": ""},
    ],
)  # fmt: skip
def test_preview_answers_hostile_values_with_a_message_not_a_500(editor, params):
    response = editor.get(reverse("activiteiten_herhaling_voorbeeld"), params)
    assert response.status_code == 200
    answer = response.json()
    assert answer["fout"] or answer["data"]
