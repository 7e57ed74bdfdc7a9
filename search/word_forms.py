"""A word of another language in the form a resident types it, as the word of data/vertaalwoorden.txt.

Turkish puts case, plural and possessive at the end of a word ("doktorum", my doctor; "eczaneye", to the
pharmacy); Arabic puts "and", "for", "with" before it ("للمسنين", for the elderly). The word list has the
plain words. `translated_form` takes off one beginning and one ending of data/uitgangen.txt and gives the
listed word they leave; both rankings ask that word (question.question_words), and the engine's
synonym rules then turn it into the Dutch words, as for the plain word.

Only when it leaves a listed word: a word the list has, or a Dutch word of the general word list
(text.base_lexicon: "taxi", "salie"), stays as typed, and so does any word nothing is left of. The data
files are read once per process: they change only with a new release.
"""

from functools import lru_cache

from .text import base_lexicon, fold, numbered_lines, translations

AFFIXES_FILE = "uitgangen.txt"
MIN_WORD = 4  # a shorter word is taken as typed: "eve" or "evi" are not worth a guess
MIN_BASE = 2  # "ev" (house) is a listed word
# A Turkish k, p or t before an ending that starts with a vowel is often written ğ, b or d ("ayak" → "ayağı",
# "kitap" → "kitabı"); folded, ğ is g. (ç → c needs nothing: fold() makes both c.)
SOFTENED = {"g": "k", "b": "p", "d": "t"}


@lru_cache(maxsize=1)
def affixes():
    """(endings, beginnings) of data/uitgangen.txt, folded, longest first. Raises ValueError naming the line
    of an item that is neither "-ending" nor "beginning-"."""
    endings, beginnings = set(), set()
    for number, line in numbered_lines(AFFIXES_FILE):
        for item in line.split():
            if item.startswith("-") and len(item) > 1:
                endings.add(fold(item[1:]))
            elif item.endswith("-") and len(item) > 1:
                beginnings.add(fold(item[:-1]))
            else:
                raise ValueError(f"{AFFIXES_FILE}, regel {number}: ‘{item}’ is geen uitgang (-lar) of begin (وال-)")

    def longest_first(items):
        return tuple(sorted(items, key=lambda item: (-len(item), item)))

    return longest_first(endings), longest_first(beginnings)


def _bases(word):
    """The words `word` may be a form of, the fewest letters taken off first."""
    endings, beginnings = affixes()
    for start in ("", *(b for b in beginnings if word.startswith(b))):
        rest = word[len(start) :]
        for ending in ("", *(e for e in endings if rest.endswith(e))):
            base = rest[: len(rest) - len(ending)]
            yield base
            if ending and base[-1:] in SOFTENED:
                yield base[:-1] + SOFTENED[base[-1]]


@lru_cache(maxsize=20_000)
def translated_form(word):
    """The word of data/vertaalwoorden.txt that a folded word is a form of ("doktorum" → "doktor"), or the
    word itself (see the module docstring)."""
    listed = translations()
    if word in listed or len(word) < MIN_WORD or word in base_lexicon():
        return word
    return next((base for base in _bases(word) if len(base) >= MIN_BASE and base in listed), word)
