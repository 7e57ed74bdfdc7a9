"""Writing hints for editors: glossary words, long sentences and a Dutch readability score (Flesch-Douma)."""

import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from textstat.textstat import textstatistics

LONG_SENTENCE_WORDS = 20
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
BLOCK_END = re.compile(r"</(p|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)

# Flesch-Douma bands, from easy to hard: (lowest score, label, what it means for residents).
BANDS = [
    (80, "makkelijk", _("Makkelijk te lezen. Bijna alle bewoners begrijpen dit.")),
    (65, "redelijk", _("Redelijk makkelijk. De meeste bewoners begrijpen dit (ongeveer taalniveau B1).")),
    (50, "moeilijk", _("Wat moeilijk. Maak zinnen korter en kies gewone woorden.")),
    (
        None,
        "zeer-moeilijk",
        _("Moeilijk. Veel bewoners begrijpen dit niet goed. Maak zinnen korter en kies gewone woorden."),
    ),
]


@dataclass
class Hints:
    text: str = ""
    terms: list = field(default_factory=list)  # [(Entry, form as written)]
    long_sentences: list = field(default_factory=list)  # [(sentence, word count)]
    score: float | None = None
    band: str = ""
    meaning: str = ""

    @property
    def empty(self):
        return not self.text.strip()


def page_text(page):
    """The texts residents read on this page, as plain text (one paragraph a line)."""
    parts = []
    for name in ("samenvatting", "intro", "omschrijving", "toegankelijkheid"):
        value = getattr(page, name, "") or ""
        value = BLOCK_END.sub("\n", str(value))
        parts.append(strip_tags(value))
    return "\n".join(p.strip() for p in parts if p and p.strip())


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def readability(text):
    """(score, band, meaning) with the Flesch-Douma formula for Dutch; higher is easier."""
    stats = textstatistics()
    stats.set_lang("nl")
    score = round(stats.flesch_reading_ease(text), 1)
    for low, band, meaning in BANDS:
        if low is None or score >= low:
            return score, band, str(meaning)
    raise AssertionError("unreachable")


def hints_for(page):
    from woordenlijst.markup import matcher_for

    text = page_text(page)
    hints = Hints(text=text)
    if hints.empty:
        return hints
    hints.terms = matcher_for(page.locale).find_all(text)
    for sentence in sentences(text):
        words = len(sentence.split())
        if words > LONG_SENTENCE_WORDS:
            hints.long_sentences.append((sentence, words))
    hints.score, hints.band, hints.meaning = readability(text)
    return hints
