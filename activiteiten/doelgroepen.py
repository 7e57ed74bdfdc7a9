"""Simple tags for the free-text fields 'voor wie' and 'kosten', used by the agenda filters, and the words a
reader sees for 'voor wie' (`voor_wie`)."""

import re
from functools import cache

from django.conf import settings
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext, override
from django.utils.translation import gettext_lazy as _

from .codetags import format_tags

# (tag, label, words in 'voor wie' that give the tag)
DOELGROEPEN = [
    ("ouderen", _("ouderen"), ("ouder", "plusser", "senior", "75+", "65+")),
    ("mantelzorgers", _("mantelzorgers"), ("mantelzorg", "naasten", "partner")),
    ("dementie", _("mensen met dementie of geheugenproblemen"), ("dementie", "geheugen")),
    ("beperking", _("mensen met een beperking"), ("beperking", "rolstoel", "rollator", "slecht ter been")),
    ("nieuwe-bewoners", _("nieuwe bewoners"), ("nieuwe bewoners",)),
    ("vrijwilligers", _("vrijwilligers"), ("vrijwillig", "wil helpen", "willen helpen", "tijd over")),
]
IEDEREEN = "iedereen"
IEDEREEN_LABEL = _("iedereen")
_GRATIS = re.compile(r"\b(gratis|vrije gift|kosteloos|free)\b", re.IGNORECASE)


def doelgroep_tags(text):
    """',ouderen,mantelzorgers,' for 'ouderen en mantelzorgers'; ',iedereen,' when it is for everybody."""
    text = (text or "").lower()
    tags = [tag for tag, _label, words in DOELGROEPEN if any(word in text for word in words)]
    if IEDEREEN in text or not text.strip():
        tags.append(IEDEREEN)
    return format_tags(tags)


def is_gratis(kosten):
    return bool(_GRATIS.search(kosten or ""))


def doelgroep_choices():
    return [(tag, label) for tag, label, _words in DOELGROEPEN]


# 'voor wie' is free Dutch text, the same on every language version of a page (home/translatable.py keeps it
# synchronised, not translated). A text that is only known groups ("ouderen", "ouderen en mantelzorgers",
# "55-plussers") is said in the reader's language; any other text is shown as the editor typed it.
_PARTS = re.compile(r"\s*(?:,|\ben\b)\s*")
_PLUSSERS = re.compile(r"(\d{2,3})-?plussers?")  # "55-plussers", "65plusser": people of that age or older


@cache
def _known_labels():
    """{Dutch word or code: label}: the agenda filter's groups (`DOELGROEPEN`) and 'iedereen', each known by its
    code ("nieuwe-bewoners") and by its Dutch words ("nieuwe bewoners")."""
    known = {}
    with override(settings.LANGUAGE_CODE):
        for tag, label in [*doelgroep_choices(), (IEDEREEN, IEDEREEN_LABEL)]:
            known[tag] = known[str(label)] = label
    return known


def _label(part):
    """The label of one group ("ouderen", "65-plussers"), or None when it is not a known group."""
    plussers = _PLUSSERS.fullmatch(part)
    if plussers:
        return gettext("%(leeftijd)s-plussers") % {"leeftijd": plussers[1]}
    return _known_labels().get(part)


def voor_wie(text):
    """(words, language) for the field 'voor wie' on a page read in the current language.

    Dutch readers see the text as it was typed. Others see the labels in their language when every part of
    the text is a known group; otherwise the typed text with its language ("nl"), so that a page marks it
    lang="nl" (home/translation_state.lang_attrs)."""
    text = (text or "").strip()
    source = settings.LANGUAGE_CODE
    if not text or (get_language() or source) == source:
        return text, source
    parts = [part for part in _PARTS.split(" ".join(text.lower().split())) if part]
    labels = [_label(part) for part in parts]
    if not labels or None in labels:
        return text, source
    return get_text_list([str(label) for label in labels], gettext("en")), get_language()
