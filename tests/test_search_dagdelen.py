"""A day and a part of the day in every language of the site (search/when.py).

A Turkish or Arabic resident asks for Sunday afternoon in their own words ("pazar öğleden sonra",
"الأحد بعد الظهر") and gets what a Dutch resident gets for "zondagmiddag": the activities held on Sunday
that start in the afternoon. Before, the Python ranking knew the parts of the day only in Dutch and
English, and the engine did not know that "sabah" is an "ochtend" on a Dutch page. Each test runs on
the database backend with the Python ranking and on OpenSearch with the engine's ranking
(tests/ranking_support.py).
"""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import pytest
from django.conf import settings
from django.utils import translation

from activiteiten.models import ActiviteitPage
from activiteiten.recurrence import to_local_naive
from activiteiten.sentence_parts import DAY_PARTS, day_part_name
from search.text import fold, words
from search.when import day_part, says_when

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .ranking_support import no_kept_answers, ranking  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_answers")]

SUNDAY = 6
AFTERNOON = DAY_PARTS["middag"]
SATURDAY_OR_SUNDAY = {5, 6}


def activities_found(client, q, lang):
    """The activities the API answers with, in its order: (weekdays, start hour)."""
    found = []
    for result in client.get("/api/zoeken/", {"q": q, "lang": lang}).json()["results"]:
        if result["type"] == "activiteit":
            page = ActiviteitPage.objects.filter(slug=result["slug"]).first()
            found.append((set(page.zoek_weekdagnummers()), to_local_naive(page.start).hour))
    return found


@pytest.mark.parametrize(
    "lang, q",
    [("nl", "zondagmiddag"), ("en", "sunday afternoon"), ("tr", "pazar öğleden sonra"), ("ar", "الأحد بعد الظهر")],
)
def test_sunday_afternoon_in_every_language(client, ranking, lang, q):
    found = activities_found(client, q, lang)
    assert len(found) >= 2, found
    for days, hour in found[:2]:
        assert SUNDAY in days and AFTERNOON[0] <= hour < AFTERNOON[1], found[:2]


@pytest.mark.parametrize("q", ["haftasonu", "hafta sonu"])
def test_the_weekend_in_turkish_written_as_one_word_or_two(client, ranking, q):
    found = activities_found(client, q, "tr")
    assert len(found) >= 3, found
    assert all(days & SATURDAY_OR_SUNDAY for days, _hour in found[:3]), found[:3]


def test_every_name_the_pages_use_for_a_part_of_the_day_is_understood():
    # The activities' pages and search fields say the part of the day with the catalogues' names; a
    # question with that name (or, for a name of two words, one of its words) asks for those hours.
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for key, hours in DAY_PARTS.items():
                name = day_part_name(key)
                assert any(day_part(word) == hours for word in words(name)), (language, name)
                assert any(says_when(word) for word in words(name))
    assert day_part(fold("sabahları")) == DAY_PARTS["ochtend"]  # another form, from the word list
    assert day_part("koffie") is None
