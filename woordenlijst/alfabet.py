"""The letters of the glossary per language: which letters the A–Z navigation shows, under which letter a term is
listed and in which order the terms come (docs/talen.md, "Woordenlijst per letter").

Why this module: Python sorts by code point and str.upper() knows no language. That is right for Dutch and English
(A–Z), but not for Turkish (Ç, Ğ, İ, Ö, Ş, Ü are letters of their own, between the Latin ones; "i" is the lower
case of "İ" and "ı" that of "I") nor for Arabic (the hamza forms أ إ آ belong under ا; vowel signs and the
stretching sign ـ are no letters). The navigation, the grouping and the sorting (page and booklet) all read the
table ALFABETTEN below, so that they cannot disagree.
"""

import unicodedata
from dataclasses import dataclass, field
from functools import cache

# The group of a term that starts with a digit or with a sign that is no letter of the page's alphabet.
OVERIG = "#"

LATIJN = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

# The Turkish alphabet, 29 letters (no Q, W, X).
TURKS = tuple("ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ")

# The Arabic alphabet in its usual (hijā'ī) order, 28 letters.
ARABISCH = tuple("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")


@dataclass(frozen=True)
class Alfabet:
    """letters: always in the navigation (a letter with no terms is shown, not linked).
    volgorde: every letter a term can be listed under, in order. Beyond `letters` it holds the Latin letters a page
    in this language still shows (Dutch words not yet translated, abbreviations like Wmo and WLZ, which are always
    Dutch); those are in the navigation only when a term starts with them.
    hoofdletter: the upper case of one character in this language.
    samenvallend: characters listed and sorted as another letter (Arabic hamza forms under ا).
    codepunt_volgorde: for A–Z code point order already is the alphabet's order; Dutch and English keep the
    sorting they always had."""

    letters: tuple
    volgorde: tuple
    hoofdletter: object = str.upper
    samenvallend: dict = field(default_factory=dict)
    codepunt_volgorde: bool = False


# Turkish case: i ↔ İ and ı ↔ I (str.upper() would make "i" an "I").
TURKSE_HOOFDLETTERS = {"i": "İ", "ı": "I"}


def turkse_hoofdletter(char):
    return TURKSE_HOOFDLETTERS.get(char, char).upper()


ARABISCHE_VORMEN = {
    # Alif with hamza or madda, alif wasla and the hamza on its own: all under ا.
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ء": "ا",
    # Hamza on waw and on ya, alif maqsura and ta marbuta sort with the letter they are written on or sound as.
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ة": "ت",
    # Persian forms of kaf and ya that Arabic keyboards on some phones type.
    "ک": "ك",
    "ی": "ي",
}

# The stretching sign (tatweel) only lengthens a line; it is no letter.
TATWEEL = "\u0640"


def _mark(char):
    """A sign written on or between letters that is no letter itself: vowel signs, shadda and hamza marks
    (Unicode category Mn) and the tatweel. Left out of grouping and sorting."""
    return char == TATWEEL or unicodedata.category(char) == "Mn"


ALFABETTEN = {
    "nl": Alfabet(letters=LATIJN, volgorde=LATIJN, codepunt_volgorde=True),
    "en": Alfabet(letters=LATIJN, volgorde=LATIJN, codepunt_volgorde=True),
    # Q, W and X at their Latin place: W of Wmo between V and Y.
    "tr": Alfabet(letters=TURKS, volgorde=tuple("ABCÇDEFGĞHIİJKLMNOÖPQRSŞTUÜVWXYZ"), hoofdletter=turkse_hoofdletter),
    # Latin letters after the Arabic ones.
    "ar": Alfabet(letters=ARABISCH, volgorde=ARABISCH + LATIJN, samenvallend=ARABISCHE_VORMEN),
}


def alfabet(language_code):
    """The alphabet of a language; a language not in the table uses A–Z."""
    return ALFABETTEN.get(language_code, ALFABETTEN["nl"])


def _letter(char, alf):
    """The letter of `volgorde` this one character counts as, or None (a digit, a sign, a vowel mark)."""
    char = alf.samenvallend.get(char, char)
    upper = alf.hoofdletter(char)
    if upper in alf.volgorde:
        return upper
    # A letter with a mark this alphabet does not have (é, ä, â): the letter without it.
    base = unicodedata.normalize("NFKD", upper)[:1]
    base = alf.samenvallend.get(base, base)
    return base if base in alf.volgorde else None


def index_letter(text, language_code):
    """The letter a term is listed under: its first letter, or OVERIG for a digit or a letter of another script."""
    alf = alfabet(language_code)
    for char in unicodedata.normalize("NFKC", text or ""):
        if _mark(char):
            continue
        letter = _letter(char, alf)
        if letter:
            return letter
        if char.isalnum():
            return OVERIG
    return OVERIG


@cache
def _ranks(language_code):
    return {letter: position for position, letter in enumerate(alfabet(language_code).volgorde)}


def sort_key(text, language_code):
    """Sort key for a term: letter by letter in the alphabet's order; case and marks on letters count only to
    tell apart terms that are otherwise the same."""
    alf = alfabet(language_code)
    if alf.codepunt_volgorde:
        return unicodedata.normalize("NFKD", text).casefold()
    rank = _ranks(language_code)
    elements = []
    for char in unicodedata.normalize("NFKC", text):
        letter = _letter(char, alf)
        if letter:
            elements.append((1, rank[letter]))
        elif not _mark(char):
            # Spaces, digits and signs before the letters, among themselves by code point (as in Dutch).
            elements.append((0, ord(char)))
    return (elements, unicodedata.normalize("NFKD", text).casefold())


def group_order(letter, language_code):
    """Where a group comes: OVERIG first (as always on the Dutch page), then the letters in the alphabet's order."""
    volgorde = alfabet(language_code).volgorde
    return volgorde.index(letter) + 1 if letter in volgorde else 0


def navigation(present, language_code):
    """[(letter, has terms)] for the navigation: the alphabet's letters, and other letters a term starts with."""
    alf = alfabet(language_code)
    return [(letter, letter in present) for letter in alf.volgorde if letter in alf.letters or letter in present]
