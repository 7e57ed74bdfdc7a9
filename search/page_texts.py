"""What the search reads of a page: its texts with their weights, and the rule for its words.

One place for both readers: the in-memory picture (docindex.py) weighs these texts, the vocabulary in
the database (vocabulary.py) keeps their words for typo correction.
"""

import functools
import re

from django.utils import translation
from django.utils.html import strip_tags
from wagtail.search import index

from home.translation_state import locale_language

from .text import stopwords, words

TITLE, SUMMARY, BODY, LOW = 1.0, 0.7, 0.5, 0.3
HOST = 0.5  # the name of the place where an activity takes place
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def kind_text(page, field_name):
    """What kind of activity or place a page is (its choice field `field_name`), as the search reads it: by
    its key, a Dutch word of the data files' expansions ("ontmoeten": yalnız → eenzaam > ontmoeten), and by
    its name in the language of the page, as its reader sees it. Never in the language that happens to be
    active: the picture, the vocabulary and the engine's index were built in the language of whoever
    searched or published first, so a page published from the English admin was "meeting", and a Turkish
    search found other pages than `evaluate_search` measured."""
    key = getattr(page, field_name)
    shown = _choice_name(type(page), field_name, key, locale_language(page.locale_id))
    return " ".join(dict.fromkeys([key.replace("-", " "), shown]))


@functools.lru_cache(maxsize=1024)
def _choice_name(model, field_name, key, language):
    """The name of a choice in a language. The choices and their translations are in the code, the same in
    every process until the next release, so they are kept (get_FOO_display worked them out per page:
    a third of the time the picture took for the places)."""
    with translation.override(language):
        return str(dict(model._meta.get_field(field_name).flatchoices).get(key, key))


def first_sentence(text):
    return SENTENCE_END.split((text or "").strip(), maxsplit=1)[0]


def content_words(text):
    """The words of a text that say something: folded, without the stop words."""
    stop = stopwords()
    return [w for w in words(text) if w not in stop]


def buurt_texts(page):
    return [(TITLE, page.title), (SUMMARY, page.gemeente), (BODY, page.intro)]


def voorziening_texts(page, body):
    return [
        (TITLE, page.title),
        (TITLE, kind_text(page, "soort")),  # ‘huisarts’ is what it is
        # A place has no summary field: the first sentence of its description says what it is.
        (SUMMARY, first_sentence(page.search_description or body)),
        (BODY, body),
        # A street is where a resident finds a place: "veerpontstraat" asks for the places in that street.
        (BODY, page.adres),
        (LOW, f"{page.plaats} {page.toegankelijkheid}"),
        # The languages spoken there, by their names in nl, en, tr and ar (activiteiten/talen.py).
        (SUMMARY, page.talen_zoekwoorden()),
    ]


def activiteit_texts(page, body, place):
    """`place`: the live place where it happens, or None."""
    return [
        (TITLE, page.title),
        (TITLE, kind_text(page, "categorie")),  # what kind of activity it is
        (SUMMARY, f"{page.samenvatting} {page.doelgroep}"),
        (SUMMARY, page.talen_zoekwoorden()),
        (BODY, body),
        # The place where it happens answers half, as a place answers half for its activities
        # (‘wijkrestaurant’ → the soup lunch in Wijkrestaurant De Pollepel).
        (HOST, place.title if place is not None else ""),
        (LOW, f"{page.locatie} {page.organisator}"),
        # The street of that place: "vlierbesstraat 14" finds what happens there, after the place itself
        # (as the engine's zoek_plek_adres). Addresses dev set: without 0.861, at LOW 0.910, at HOST 0.789.
        (LOW, place.adres if place is not None else ""),
    ]


def begrip_texts(page):
    return [
        (TITLE, f"{page.title} {page.afkorting}"),
        (SUMMARY, f"{page.synoniemen} {page.uitleg}"),
        (BODY, page.definitie),
    ]


def texts_of(page):
    """[(weight, text)] of a specific page of a type the search shows; [] for any other page. Whether
    an activity still shows (not cancelled, not over) is for the caller (activity_shown)."""
    from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
    from woordenlijst.models import BegripPage

    if isinstance(page, BuurtPage):
        return buurt_texts(page)
    if isinstance(page, VoorzieningPage):
        return voorziening_texts(page, strip_tags(page.omschrijving))
    if isinstance(page, ActiviteitPage):
        return activiteit_texts(page, strip_tags(page.omschrijving), page.live_voorziening)
    if isinstance(page, BegripPage):
        return begrip_texts(page)
    return []


def shown_texts(page):
    """(summary, body): the plain texts a search result shows a piece of (snippets.py, under the title),
    for the picture's Doc and for the engine's highlight field (snippet_text). The summary is shown when
    it has an asked word, else the body."""
    from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
    from woordenlijst.models import BegripPage

    if isinstance(page, BuurtPage):
        return page.intro, f"{page.gemeente} {page.intro}"
    if isinstance(page, VoorzieningPage):
        return page.get_summary(), strip_tags(page.omschrijving)
    if isinstance(page, ActiviteitPage):
        return page.samenvatting, strip_tags(page.omschrijving)
    if isinstance(page, BegripPage):
        return page.uitleg, f"{page.uitleg} {page.definitie}"
    return "", ""


def snippet_text(page):
    """The text the engine highlights for a found page's snippet (BasePage.zoek_fragment): the summary,
    then the body where the body does not already hold it."""
    summary, body = shown_texts(page)
    summary = strip_tags(summary or "")
    return body if summary in body else f"{summary}\n\n{body}".strip()


def title_text(page):
    """The texts that name what a page is (weight TITLE): its title, an activity's kind ("Ontmoeten"), a
    place's soort ("huisarts"), a term's abbreviation. The engine's title clause is matched on them
    (BasePage.zoek_titel, engine_query.TITLE_FIELD), as the Python ranking weighs them as the title."""
    return " ".join(text for weight, text in texts_of(page) if weight == TITLE and text)


def summary_text(page):
    """The texts that say what a page is (weight SUMMARY above): a place's first sentence, an activity's
    samenvatting and doelgroep, a term's andere woorden and uitleg, the languages spoken. The engine ranks
    on them in a clause of their own (BasePage.zoek_kern, engine_query.SUMMARY), as the Python ranking
    weighs them above the rest of the body."""
    return " ".join(text for weight, text in texts_of(page) if weight == SUMMARY and text)


class RankingText(index.FilterField):
    """A text only the engine reads, in a clause of its own or for its highlights: an OpenSearch text field,
    analysed as `_all_text` but not copied into it (a SearchField would be, and would count its words twice
    there). The database backends do not index filter fields, so their search text stays as it is. Its
    column name in the engine's documents ends in "_filter" (modelsearch's naming for a FilterField).
    `es_extra` adds to the mapping (e.g. `index_options`)."""

    def __init__(self, field_name, es_extra=None, **kwargs):
        super().__init__(field_name, es_extra={"type": "text", **(es_extra or {})}, **kwargs)


def activity_shown(page, now):
    """(shown, ends_at): whether the search shows this activity now — not cancelled for good, not over —
    and until when (None = goes on): ActiviteitPage.zoek_getoond_tot, the rule the engine's filter uses."""
    ends_at = page.zoek_getoond_tot()
    return not (ends_at is not None and ends_at < now), ends_at
