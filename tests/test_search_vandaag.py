"""A day counted from today: "wat is er vandaag te doen", "vanmiddag", "yarın" (search/when.py,
data/dagwoorden.txt).

Residents ask for today more than for a weekday's name. "vandaag" was asked as a word: it found the pages
that say "vandaag" ("Praat vandaag over morgen") and no activity of today. Now the search reads it as the
name of the day it is, in both rankings. Each test runs on the database backend with the Python ranking and
on OpenSearch with the engine's ranking (tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import datetime

import pytest
from django.utils import timezone, translation

from activiteiten.sentence_parts import DAY_PARTS, day_name
from search.when import with_days_named

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import html, no_kept_answers, ranking  # noqa: F401
from .test_search_dagdelen import SUNDAY, activities_found

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_answers")]

A_WEDNESDAY = datetime.date(2026, 12, 2)
A_SUNDAY = datetime.date(2026, 11, 29)
AFTERNOON = DAY_PARTS["middag"]


@pytest.mark.parametrize(
    ("lang", "asked", "meant"),
    [
        ("nl", "wat is er vandaag te doen", "wat is er woensdag te doen"),
        ("nl", "Vanavond koffie", "woensdag avond koffie"),
        ("nl", "overmorgen", "vrijdag"),
        ("en", "what's on tomorrow?", "what's on Thursday?"),
        ("tr", "yarın ne var", "perşembe ne var"),
        ("ar", "ماذا يوجد اليوم", "ماذا يوجد الأربعاء"),
        # "morgen" is also the morning ("zondagmorgen"): it stays a part of the day.
        ("nl", "morgen koffie", "morgen koffie"),
    ],
)
def test_a_day_counted_from_today_is_asked_by_its_name(lang, asked, meant):
    with translation.override(lang):
        assert with_days_named(asked, A_WEDNESDAY) == meant


@pytest.mark.parametrize(
    ("lang", "day", "today", "weekday"),
    [
        ("nl", A_SUNDAY, "iets te doen vandaag", "iets te doen zondag"),
        # Not on a Sunday: "pazar" is Sunday and the market in Turkish (data/vertaalwoorden.txt).
        ("tr", A_WEDNESDAY, "bugün ne var", "çarşamba ne var"),
    ],
)
def test_today_finds_what_the_days_name_finds(client, ranking, monkeypatch, lang, day, today, weekday):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    found = activities_found(client, today, lang)
    assert len(found) >= 2, found
    assert found == activities_found(client, weekday, lang)
    assert all(day.weekday() in days for days, _hour in found[:2]), found[:2]


def test_this_afternoon_gives_the_activities_of_this_afternoon(client, ranking, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: A_SUNDAY)
    found = activities_found(client, "wat is er vanmiddag te doen", "nl")
    assert len(found) >= 2, found
    for days, hour in found[:2]:
        assert SUNDAY in days and AFTERNOON[0] <= hour < AFTERNOON[1], found[:2]


def test_the_page_keeps_the_residents_own_words(client, ranking, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: A_SUNDAY)
    soup = html(client, q="wat is er vandaag te doen")
    assert soup.select_one("input[name=q]")["value"] == "wat is er vandaag te doen"
    assert "zondag" not in soup.select_one("h1").get_text(" ", strip=True).lower()
    with translation.override("nl"):
        assert day_name(A_SUNDAY.weekday()) == "zondag"
