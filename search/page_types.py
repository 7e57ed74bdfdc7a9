"""The names of the kinds of page a search answers with, in every language of the site (issue 12).

The results page calls them "Activiteiten", "Voorzieningen", "Woordenlijst" (TYPE_PLURALS, one label per
kind, translated in the gettext catalogues: "Activities", "Etkinlikler", "الأنشطة"). A resident who types
such a name asks for that kind of page, not for pages that contain the word: "activiteiten haalderen"
asks for the activities in Haalderen, whose pages never say "activiteiten". `type_words` reads the names
from the catalogues, so there is one list of them; `named_kinds` is the rule both rankings follow: such
a name is no word a page must have, and the pages of that kind come first (engine_query's
NAMED_TYPE_FACTOR, engine's NAMED_TYPE). "activiteiten" alone stays a word search.

A word that asks for a place's details ("adres huisarts malburgen", "openingstijden bibliotheek";
data/plekvragen.txt) names the kind "voorziening" the same way, and a phrase that asks what there is to do
("wat valt er te doen in haalderen", "what's on in malburgen", "Zetten'de ne var"; data/tedoenvragen.txt)
names the kind "activiteit": its words are searched no more than "activiteiten" is (`named_kinds`).

A buurt is no kind a resident asks for by name: "koffie in de buurt" says where, not what.

A need names the kind of activity that helps with it (`helping_categories`, data/behoeften.txt:
"eenzaam => ontmoeten"). The activities of other kinds that mention the need count less (engine_query's
OTHER_KIND_FACTOR, ranking's OTHER_KIND); places and glossary pages that mention it keep their place.

A word that says what kind of place is asked names its soort (`place_kinds`, data/plaatssoorten.txt:
"huisarts, dokter => huisarts"; "doktor", "طبيب" through data/vertaalwoorden.txt). The word is still
searched; the places of that soort come before the other pages that say it, the glossary's explanation
of primary care among them (engine_query's PLACE_KIND_FACTOR, ranking's PLACE_KIND).
"""

from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from activiteiten.categorieen import CATEGORIEEN, VOORZIENING_SOORTEN

from .text import (
    _arabic_forms,
    arrow_line,
    fold,
    inherited_by_translation,
    numbered_lines,
    place_detail_words,
)
from .text import words as split_words
from .word_forms import translated_form

CATEGORY_KEYS = frozenset(key for key, _label in CATEGORIEEN)
PLACE_KIND_KEYS = frozenset(key for key, _label in VOORZIENING_SOORTEN)

TYPE_LABELS = {
    "activiteit": _("Activiteit"),
    "voorziening": _("Voorziening"),
    "begrip": _("Woordenlijst"),
    "buurt": _("Buurt"),
}
TYPE_PLURALS = {
    "": _("Alles"),
    "activiteit": _("Activiteiten"),
    "voorziening": _("Voorzieningen"),
    "begrip": _("Woordenlijst"),
    "buurt": _("Buurten"),
}
ASKED_BY_NAME = ("activiteit", "voorziening", "begrip")


@lru_cache(maxsize=1)
def type_words():
    """{folded name of a kind of page, one word, in one of the site's languages: its type}. Kept per
    process: the names change only with a new release, like the catalogues."""
    by_word = {}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for kind in ASKED_BY_NAME:
                for name in (TYPE_LABELS[kind], TYPE_PLURALS[kind]):
                    word = fold(str(name))
                    if " " not in word:
                        for form in _arabic_forms(word):  # "الأنشطة" also without its article
                            by_word.setdefault(form, kind)
    # The words that ask for a place's address, phone or opening hours (data/plekvragen.txt) ask for a
    # voorziening the same way: no page says "adres" in its text.
    for word in place_detail_words():
        for form in _arabic_forms(word):
            by_word.setdefault(form, "voorziening")
    return by_word


ACTIVITY_QUESTIONS_FILE = "tedoenvragen.txt"


@lru_cache(maxsize=1)
def activity_phrases():
    """The phrases that ask what there is to do (data/tedoenvragen.txt), longest first, each a tuple of
    word sets: a word as the file has it and in the form question.question_words asks it
    (word_forms.translated_form: "etkinlikleri" may be read as its listed word). Kept per process: the file
    changes only with a release."""
    phrases = {tuple(split_words(line)) for _number, line in numbered_lines(ACTIVITY_QUESTIONS_FILE)}
    return tuple(
        tuple(frozenset({word, translated_form(word)}) for word in phrase)
        for phrase in sorted(phrases, key=len, reverse=True)
    )


def _naming_positions(words):
    """{position in the folded `words`: the kind of page the word names}: a kind's name (type_words) or a
    word of a phrase that asks what there is to do (activity_phrases), its words next to each other."""
    kinds, named = type_words(), {}
    for start in range(len(words)):
        for phrase in activity_phrases():
            span = words[start : start + len(phrase)]
            if len(span) == len(phrase) and all(word in forms for word, forms in zip(span, phrase, strict=True)):
                named.update(dict.fromkeys(range(start, start + len(phrase)), "activiteit"))
        if start not in named and words[start] in kinds:
            named[start] = kinds[words[start]]
    return named


def named_kinds(words, stop, context=False):
    """(the kinds of page the folded `words` ask for by name, the positions of the words that name them)
    when the question says something else too (`context`: a place or a day already read from it; or a word
    that is neither a stop word nor a naming word); (frozenset(), frozenset()) otherwise. The callers leave
    the naming words out of the words a page must have. The one rule of both rankings."""
    named = _naming_positions(words)
    says_more = context or any(word not in stop and i not in named for i, word in enumerate(words))
    if not named or not says_more:
        return frozenset(), frozenset()
    return frozenset(named.values()), frozenset(named)


def asks_only_what_is_on(words, stop):
    """Whether the folded `words` ask what there is to do and say nothing else ("wat is er te doen",
    "what's on"): only stop words and words that name the kind "activiteit" (_naming_positions), at least
    one. Such a question has no word to search for; the results page points to the agenda instead
    (search/views.py)."""
    named = _naming_positions(words)
    return bool(named) and all(
        named.get(i) == "activiteit" or (i not in named and word in stop) for i, word in enumerate(words)
    )


NEEDS_FILE = "behoeften.txt"
PLACE_KINDS_FILE = "plaatssoorten.txt"


def _keyed_words(name, keys, what):
    """{folded word: frozenset(keys)} from the data file `name`, lines `word, word => key, key` whose keys
    are among `keys`, with the words of other languages that data/vertaalwoorden.txt translates into one of
    them ("yalnız" → eenzaam). Raises ValueError naming a line that does not follow the format, names no
    key, or lists a group of words: a question is read word by word, so "samen eten" would never be found
    (`what` says what a key is, in the editors' words)."""
    table = {}
    for number, line in numbered_lines(name):
        found, named, arrow = arrow_line(line)
        if not arrow or not found or not named or not set(named) <= keys:
            raise ValueError(
                f"{name}, regel {number}: verwacht ‘woord, woord => {what}’ met een {what} uit {', '.join(sorted(keys))}"
            )
        groups = [word for word in found if " " in word]
        if groups:
            raise ValueError(
                f"{name}, regel {number}: ‘{groups[0]}’ is meer dan één woord; zet losse woorden tussen de komma's"
            )
        for word in found:
            table.setdefault(word, set()).update(named)
    for word, inherited in inherited_by_translation(table).items():
        table.setdefault(word, inherited)
    return {word: frozenset(named) for word, named in table.items()}


@lru_cache(maxsize=1)
def need_categories():
    """{folded word of a need: frozenset(activity category keys that help)} from data/behoeften.txt
    (_keyed_words). Kept per process: the file changes only with a release."""
    return _keyed_words(NEEDS_FILE, CATEGORY_KEYS, "categorie")


def _keys_of(table, words):
    """The keys a _keyed_words `table` gives the folded `words`, together."""
    return frozenset(key for word in words for key in table.get(word, ()))


def helping_categories(words):
    """The activity categories that help with the needs the folded `words` name (need_categories)."""
    return _keys_of(need_categories(), words)


@lru_cache(maxsize=1)
def place_kind_words():
    """{folded word: frozenset(VoorzieningPage.soort keys)} from data/plaatssoorten.txt (_keyed_words).
    Kept per process: the file changes only with a release."""
    return _keyed_words(PLACE_KINDS_FILE, PLACE_KIND_KEYS, "soort")


def place_kinds(words, definitional=False):
    """The soorten of place the folded `words` ask for ("dokter", "doktor" → huisarts). None for a definition
    question ("wat is een huisarts" asks for the explanation). When the question names a place, both rankings
    count the soort only for the places there: the place decides ("buurthuis tolkamer": the dorpshuis of
    Tolkamer, then Tolkamer's activities before the buurthuizen elsewhere; "apotheek 6903": the pharmacy in
    6903 before the medication consult held next to it)."""
    if definitional:
        return frozenset()
    return _keys_of(place_kind_words(), words)
