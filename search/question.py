"""The words of a question as both rankings read them (query_understanding.analyse, engine_rank.question):
folded, at most MAX_WORDS, a postcode typed without its space as two words, a word of another language in
the form the bilingual word list has it, two neighbours glued where the list has them as one word, and the
question form ("wat is …", "… nedir") told apart from what is asked."""

from postcodes.parse import as_postcode

from . import vocabulary
from .text import question_forms, translations, words
from .word_forms import translated_form

MAX_WORDS = 12


def question_form(all_words):
    """(words before, words after): how many words at the start and at the end of the question make it a
    question for what a word means (data/vraagvormen.txt: ‘wat is …’, ‘… nedir’), or (0, 0). They say what
    kind of answer is wanted, not what it is about. A ‘niet:’ form (‘wat is er …’) is no such question."""
    for before, after, definition in question_forms():
        fits = len(before) + len(after) <= len(all_words)
        if (
            fits
            and tuple(all_words[: len(before)]) == before
            and tuple(all_words[len(all_words) - len(after) :]) == after
        ):
            return (len(before), len(after)) if definition else (0, 0)
    return 0, 0


def _glued(typed):
    """The words, with two neighbours glued where the list (data/vertaalwoorden.txt) has them as one word:
    Turkish writes "hafta sonu" (weekend) apart, the list has "haftasonu"."""
    listed = translations()
    glued, i = [], 0
    while i < len(typed):
        pair = "".join(typed[i : i + 2])
        take = 2 if i + 1 < len(typed) and pair in listed else 1
        glued.append(pair if take == 2 else typed[i])
        i += take
    return glued


def _spaced_postcodes(typed):
    """The words, with a postcode typed without its space as the two words it is ("6825hk" → "6825", "hk"), so
    that it names its buurt as "6825 hk" does (search/places.py). Residents type it as on a letter."""
    spaced = []
    for word in typed:
        postcode = as_postcode(word)
        if postcode is not None and postcode.postcode != postcode.area:
            spaced += [postcode.area, word[len(postcode.area) :]]
        else:
            spaced.append(word)
    return spaced


def question_words(text, locale):
    """The words of a question as both rankings ask them: folded, at most MAX_WORDS, and a word of another
    language in the form data/vertaalwoorden.txt has it ("doktorum" → doktor: word_forms.translated_form),
    unless a page of this language has the word as typed ("walking", the sport, stays walking; the
    vocabulary in the database, so every process decides alike)."""
    asked = []
    for word in _glued(_spaced_postcodes(words(text))[:MAX_WORDS]):
        form = translated_form(word)
        asked.append(word if form != word and vocabulary.has_word(word, locale) else form)
    return asked
