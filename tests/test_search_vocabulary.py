"""Typo correction against the vocabulary in the database (search/vocabulary.py): what a resident gets
when a word is misspelt, the same in every process, kept up to date on publish and unpublish."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from search import docindex, vocabulary
from search.models import Zoekwoord
from woordenlijst.models import BegripPage

pytestmark = pytest.mark.django_db

NEW_WORD = "kwispeldans"  # on no demo page
TYPO = "kwipseldans"  # two letters swapped: fuzz.ratio 91, above the cutoff of 78


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    settings.SEARCH_INDEX_CHECK_SECONDS = 0


def found(client, q):
    response = client.get("/api/zoeken/", {"q": q})
    assert response.status_code == 200
    return [(r["type"], r["slug"]) for r in response.json()["results"]]


def with_new_word(slug, nl):
    page = BegripPage.objects.get(slug=slug, locale=nl)
    page.synoniemen = f"{page.synoniemen}, {NEW_WORD}".strip(", ")
    page.save_revision().publish()
    return page


def rows(locale):
    return set(Zoekwoord.objects.filter(locale=locale).values_list("woord", "aantal_paginas"))


def test_load_demo_leaves_a_filled_vocabulary(nl):
    assert Zoekwoord.objects.filter(locale=nl).count() > 1000
    assert vocabulary.known("mantelzorg", nl)
    assert not vocabulary.known(NEW_WORD, nl)


def test_a_published_word_is_known_and_its_typo_finds_the_page(client, nl):
    assert found(client, TYPO) == []
    with_new_word("valpreventie", nl)
    assert vocabulary.known(NEW_WORD, nl)
    assert vocabulary.nearest(TYPO, nl)[0] == (NEW_WORD, pytest.approx(0.91, abs=0.01))
    assert ("begrip", "valpreventie") in found(client, TYPO)


def test_unpublishing_takes_out_a_word_no_other_page_has(client, nl):
    page = with_new_word("valpreventie", nl)
    other = with_new_word("mantelzorg", nl)
    assert Zoekwoord.objects.get(woord=NEW_WORD, locale=nl).aantal_paginas == 2
    page.unpublish()
    assert Zoekwoord.objects.get(woord=NEW_WORD, locale=nl).aantal_paginas == 1  # still on the other page
    other.unpublish()
    assert not vocabulary.known(NEW_WORD, nl)
    assert NEW_WORD not in [word for word, _similarity in vocabulary.nearest(TYPO, nl)]
    assert found(client, TYPO) == []


def test_a_deleted_page_takes_its_words_along(nl):
    with_new_word("valpreventie", nl).delete()
    assert not vocabulary.known(NEW_WORD, nl)


def test_every_process_corrects_to_the_same_word(nl):
    """A process whose picture was built before the publish (it has not rebuilt it yet) corrects as one
    that rebuilt it: the correction comes from the database, not from the picture."""
    docindex.get_index(nl)
    with_new_word("valpreventie", nl)
    assert [word for word, _s in vocabulary.corrections(TYPO, nl)][:1] == [NEW_WORD]
    before = vocabulary.nearest(TYPO, nl)
    docindex.clear()
    docindex.get_index(nl)
    assert vocabulary.nearest(TYPO, nl) == before
    assert [word for word, _s in vocabulary.corrections(TYPO, nl)][:1] == [NEW_WORD]


def test_publishing_page_by_page_gives_what_a_rebuild_gives(nl):
    page = with_new_word("valpreventie", nl)
    page.unpublish()
    with_new_word("mantelzorg", nl)
    step_by_step = rows(nl)
    call_command("rebuild_search_vocabulary", stdout=open("/dev/null", "w"))
    assert rows(nl) == step_by_step


def test_a_word_of_the_bilingual_list_is_not_corrected(nl):
    assert "kastanje" in [word for word, _s in vocabulary.nearest("hastane", nl)]  # close enough to be a typo …
    assert vocabulary.corrections("hastane", nl) == []  # … but it is Turkish for hospital
    assert vocabulary.corrections("doktor", nl) == []  # and Turkish for doctor


def test_a_real_typo_in_another_language_finds_the_dutch_word():
    """An English page without its own translation shows the Dutch page: its words count there too."""
    en = Locale.objects.get(language_code="en")
    assert [word for word, _s in vocabulary.nearest("valpreventy", en)][:1] == ["valpreventie"]
