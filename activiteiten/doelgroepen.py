"""Simple tags for the free-text fields 'voor wie' and 'kosten', used by the agenda filters."""

import re

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
