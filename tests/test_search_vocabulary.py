"""Typo correction against the vocabulary in the database (search/vocabulary.py): what a resident gets
when a word is misspelt, the same in every process, kept up to date on publish and unpublish."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from search import docindex, vocabulary
from search.models import Zoekwoord, ZoekwoordPagina
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


def page_rows(locale):
    """(word, page, in its title) of every page of the language."""
    return set(
        ZoekwoordPagina.objects.filter(zoekwoord__locale=locale).values_list("zoekwoord__woord", "page_id", "in_titel")
    )


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
    other = with_new_word("mantelzorg", nl)
    other.title = f"{other.title} en {NEW_WORD}"
    other.save_revision().publish()
    step_by_step, step_by_step_pages = rows(nl), page_rows(nl)
    call_command("rebuild_search_vocabulary", stdout=open("/dev/null", "w"))
    assert rows(nl) == step_by_step
    assert page_rows(nl) == step_by_step_pages


def test_a_word_in_a_title_is_marked_and_follows_the_title(nl):
    """The title words are the compound lexicon's words at scale (vocabulary.title_words): a word that
    moves into a title, or out of it, moves there in the stored rows too."""
    page = with_new_word("valpreventie", nl)  # in the synonyms, not in the title
    assert (NEW_WORD, page.pk, False) in page_rows(nl)
    assert NEW_WORD not in vocabulary.title_words(nl)
    page.title = f"{page.title} en {NEW_WORD}"
    page.save_revision().publish()
    assert (NEW_WORD, page.pk, True) in page_rows(nl)
    assert NEW_WORD in vocabulary.title_words(nl)
    page.title = "Valpreventie"
    page.save_revision().publish()
    assert (NEW_WORD, page.pk, False) in page_rows(nl)  # still in the synonyms
    assert ("valpreventie", page.pk, True) in page_rows(nl)
    assert NEW_WORD not in vocabulary.title_words(nl)


def test_a_word_of_the_bilingual_list_is_not_corrected(nl):
    assert "kastanje" in [word for word, _s in vocabulary.nearest("hastane", nl)]  # close enough to be a typo …
    assert vocabulary.corrections("hastane", nl) == []  # … but it is Turkish for hospital
    assert vocabulary.corrections("doktor", nl) == []  # and Turkish for doctor


def test_a_word_the_search_understands_is_known_to_the_typo_rule(nl):
    # "gymnastiek" and "overleden" are on no page; the thesaurus asks them as gym, fitness and as rouw, verlies.
    assert not vocabulary.has_word("gymnastiek", nl)
    # Its typo is corrected to it (before: no correction, so "gymnastek" found nothing) …
    assert [word for word, _s in vocabulary.corrections("gymnastek", nl, unmatched=True)][:1] == ["gymnastiek"]
    assert [word for word, _s in vocabulary.corrections("eczne", nl, unmatched=True)][:1] == ["eczane"]
    # … and the word itself is no typo of a word a page has ("overleden" was read as "overleed").
    assert vocabulary.corrections("overleden", nl) == []
    assert vocabulary.corrections("gymnastiek", nl, unmatched=True) == []


def test_a_real_typo_in_another_language_finds_the_dutch_word():
    """An English page without its own translation shows the Dutch page: its words count there too."""
    en = Locale.objects.get(language_code="en")
    assert [word for word, _s in vocabulary.nearest("valpreventy", en)][:1] == ["valpreventie"]


def test_the_words_of_an_activity_follow_its_place(nl):
    # An activity is found by its place's name and street (search/page_texts.py); when the place moves, the
    # vocabulary of the activity held there has the new street, not the old one (signals_vocabulary.py).
    from activiteiten.models import ActiviteitPage, VoorzieningPage

    place = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale=nl)
    activity = ActiviteitPage.objects.live().filter(voorziening=place, locale=nl).first()
    old_street = place.adres.split()[0].lower()
    assert (old_street, activity.pk, False) in page_rows(nl)
    place.adres = f"{NEW_WORD}straat 3"
    place.save_revision().publish()
    words = {word for word, page_id, _title in page_rows(nl) if page_id == activity.pk}
    assert f"{NEW_WORD}straat" in words
    assert old_street not in words
