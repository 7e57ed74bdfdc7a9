"""The languages spoken at an activity or a place besides Dutch (issue 17): the one list of them.

Everything about a spoken language comes from TALEN: the editor's checkboxes, the CSV column `talen`,
the sentence "Hier spreken ze ook: …", the agenda filter "Taal", JSON-LD, iCal and the words search
finds a page by. A page stores the codes, comma-separated in the order of TALEN ("tr,ar").

Codes are ISO 639: the two-letter code of ISO 639-1 where there is one, otherwise the three-letter
code of ISO 639-2/-3 (ber: Berber languages, pap: Papiamento, srn: Sranan Tongo, dse: Dutch Sign Language).
These are also the codes of BCP 47 (HTML `lang`, schema.org `inLanguage`).

`naam` is the Dutch name, translated by gettext into the reader's language (locale/*/django.po).
`eigen_naam` is what speakers call their language, in its own script: a reader who reads Turkish
better than Dutch recognises "Türkçe" on a Dutch page at a glance. A sign language has no written
name of its own, so NGT has none. `andere_namen` are other words residents search with that are
not the name in one of the portal's four languages (those come from the catalogues): the adjective, a
variety, another script. They are only used to find pages, never shown.
"""

from dataclasses import dataclass
from functools import lru_cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .codetags import format_tags


@dataclass(frozen=True)
class Taal:
    code: str
    naam: str  # Dutch, lazily translated
    eigen_naam: str = ""
    andere_namen: tuple = ()

    @property
    def richting(self):
        """The writing direction of the own name: Arabic script runs right to left."""
        return "rtl" if self.code in RIGHT_TO_LEFT else "ltr"


RIGHT_TO_LEFT = frozenset({"ar"})
TALEN = (
    Taal("en", _("Engels"), "English"),
    Taal("tr", _("Turks"), "Türkçe", ("Türk",)),
    # "Marokkaans" for both: older Moroccans in the Netherlands speak Moroccan Arabic (Darija) or Tarifit.
    Taal("ar", _("Arabisch"), "العربية", ("عربي", "عربية", "Darija", "Marokkaans")),
    Taal("ber", _("Tamazight (Berbers)"), "Tamaziɣt", ("ⵜⴰⵎⴰⵣⵉⵖⵜ", "Amazigh", "Tarifit", "Riffijns", "Marokkaans")),
    Taal("pap", _("Papiaments"), "Papiamentu", ("Antilliaans",)),
    Taal("srn", _("Sranantongo"), "Sranantongo", ("Sranan", "Surinaams")),
    Taal("pl", _("Pools"), "Polski"),
    Taal("dse", _("Nederlandse Gebarentaal"), "", ("NGT",)),
)
BY_CODE = {taal.code: taal for taal in TALEN}
SEPARATOR = ","
# The stored text: every code once, with commas ("en,tr,ar,ber,pap,srn,pl,dse" is 29 characters).
MAX_LENGTH = 100


def codes(value):
    """The known codes in a stored value, in the order of TALEN: "ar, tr" → ["tr", "ar"]."""
    given = {part.strip() for part in (value or "").split(SEPARATOR)}
    return [taal.code for taal in TALEN if taal.code in given]


def talen(value):
    """The Taal objects of a stored value, in the order of TALEN."""
    return [BY_CODE[code] for code in codes(value)]


def store(codes_):
    """The stored text for some codes: "tr,ar" (order of TALEN, unknown codes left out)."""
    return SEPARATOR.join(codes(SEPARATOR.join(codes_)))


def tags(value):
    """ ",tr,ar," for the agenda's stored occurrences (codetags.py); "" when none."""
    return format_tags(codes(value))


def validate_talen(value):
    unknown = [part.strip() for part in (value or "").split(SEPARATOR) if part.strip() and part.strip() not in BY_CODE]
    if unknown:
        raise ValidationError(
            _("Deze taal kennen we niet: %(value)s. Kies uit de lijst."), params={"value": ", ".join(unknown)}
        )


def lookup(word):
    """The Taal for a code or a Dutch name as a CSV file may give it ("tr", "Turks", "turks"), or None."""
    key = " ".join((word or "").split()).casefold()
    for taal in TALEN:
        with translation.override("nl"):
            dutch = str(taal.naam).casefold()
        if key in {taal.code, dutch, dutch.split(" (")[0]}:
            return taal
    return None


def csv_keuzes():
    """ "en (Engels), tr (Turks), …": what a CSV cell may hold, with the Dutch names it accepts."""
    with translation.override("nl"):
        return ", ".join(f"{taal.code} ({taal.naam})" for taal in TALEN)


def keuzes():
    """(code, label) for the editor's checkboxes: the name in the editor's language and its own name."""
    return [(taal.code, label(taal)) for taal in TALEN]


def label(taal):
    """ "Turks (Türkçe)": the name in the active language, with the own name when that differs."""
    name = str(taal.naam)
    if taal.eigen_naam and taal.eigen_naam.casefold() != name.casefold():
        return f"{name} ({taal.eigen_naam})"
    return name


@dataclass(frozen=True)
class Getoond:
    """One spoken language as a page shows it: the name in the reader's language and, when it differs,
    its own name (in a <bdi lang=…> so that Arabic script keeps its direction inside a Dutch sentence)."""

    code: str
    naam: str
    eigen_naam: str
    richting: str


def getoond(value):
    """[Getoond] for a stored value, in the active language."""
    shown = []
    for taal in talen(value):
        name = str(taal.naam)
        own = taal.eigen_naam if taal.eigen_naam.casefold() != name.casefold() else ""
        shown.append(Getoond(taal.code, name, own, taal.richting))
    return shown


def namen(value):
    """ "Turks (Türkçe), Arabisch (العربية)": the names in the active language with their own names; "" when none."""
    return ", ".join(label(taal) for taal in talen(value))


def zin(value):
    """ "Hier spreken ze ook: Turks (Türkçe), Arabisch (العربية)." in the active language, as plain text (iCal);
    "" when no other language is spoken."""
    names = namen(value)
    return _("Hier spreken ze ook: %(talen)s.") % {"talen": names} if names else ""


@lru_cache(maxsize=256)  # a few distinct values on a whole site; the names come from the catalogues
def zoekwoorden(value):
    """Every name of the page's spoken languages in the four portal languages, the own names and the other
    words residents use: the words search finds the page by ("Turks Turkish Türkçe تركي …")."""
    words = []
    for taal in talen(value):
        for language, _name in settings.LANGUAGES:  # the portal's own languages: nl, en, tr, ar
            with translation.override(language):
                words.append(str(taal.naam))
        words += [taal.eigen_naam, *taal.andere_namen]
    unique = dict.fromkeys(w for w in words if w)
    return " ".join(unique)


class TalenWidget(forms.CheckboxSelectMultiple):
    """Checkboxes for the languages; the form field keeps the stored text ("tr,ar")."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=keuzes())

    def format_value(self, value):
        if isinstance(value, str):
            return codes(value)
        return super().format_value(value)

    def value_from_datadict(self, data, files, name):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        if isinstance(chosen, str):
            chosen = [chosen]
        known = [c for c in chosen if c in BY_CODE]
        unknown = [c for c in chosen if c not in BY_CODE]
        # An unknown code is kept so that the model's validator names it instead of dropping it silently.
        return SEPARATOR.join([*codes(SEPARATOR.join(known)), *unknown])

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is an answer: no other languages
