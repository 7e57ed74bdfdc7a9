"""The names of the kinds of page a search answers with, in every language of the site (issue 12).

The results page calls them "Activiteiten", "Voorzieningen", "Woordenlijst" (TYPE_PLURALS, one label per
kind, translated in the gettext catalogues: "Activities", "Etkinlikler", "الأنشطة"). A resident who types
such a name asks for that kind of page, not for pages that contain the word: "activiteiten haalderen"
asks for the activities in Haalderen, whose pages never say "activiteiten". `type_words` reads the names
from the catalogues, so there is one list of them; engine_rank leaves such a word out of the words a
page must have and gives the pages of that kind NAMED_TYPE_FACTOR (engine_query).

A buurt is no kind a resident asks for by name: "koffie in de buurt" says where, not what.
"""

from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .text import _arabic_forms, fold

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
    words = {}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for kind in ASKED_BY_NAME:
                for name in (TYPE_LABELS[kind], TYPE_PLURALS[kind]):
                    word = fold(str(name))
                    if " " not in word:
                        for form in _arabic_forms(word):  # "الأنشطة" also without its article
                            words.setdefault(form, kind)
    return words
