"""What a resident typed in "Wat is er bij mij in de buurt?" or in the search box: a postcode, a street, or neither.

The one rule for reading a Dutch postcode on the portal: the postcode form (postcodes/views.py) and search
(search/engine.py) both use parse(). A postcode is 4 digits (the area, e.g. 6826) or 4 digits and 2 letters (e.g.
6826 HK), with or without a space, in any case. Dutch postcodes never start with 0.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_LENGTH = 100  # longer than any street name; more is not a postcode or street
AREA_DIGITS = 4
LETTERS = 2
POSTCODE_RE = re.compile(r"^([0-9]{4})\s*([A-Za-z]{2})?$")
DIGITS_LETTERS_RE = re.compile(r"^([0-9]+)\s*([A-Za-z]*)$")
# A street name: letters (any alphabet), spaces, hyphens, apostrophes and dots ('t Hoogt, Dr. Kuyperlaan); a
# house number after it (14, 3a, 12-2) is left off.
HOUSE_NUMBER_RE = re.compile(r"\s+\d+\s*[A-Za-z]?(?:[-\s]?\d+)?$")
STREET_RE = re.compile(r"[^\W\d_]+(?:[\s'’.-]+[^\W\d_]*)*|['’][^\W\d_]*(?:[\s'’.-]+[^\W\d_]*)+")


@dataclass(frozen=True)
class Invoer:
    """`kind`: "postcode" (then `area` "6826" and `postcode` "6826HK" or "6826"), "straat" (then `straat`),
    or "fout" (then `error`, a sentence for the resident naming what is wrong)."""

    kind: str
    text: str
    area: str = ""
    postcode: str = ""
    straat: str = ""
    error: str = ""

    @property
    def label(self):
        """The postcode as residents write it: "6826 HK" or "6826"."""
        return f"{self.area} {self.postcode[AREA_DIGITS:]}".strip() if self.kind == "postcode" else self.straat


def normalise(text):
    """Single spaces; digits of any script (Arabic-Indic ٦٨٢٦ on a phone set to Arabic) as 0-9."""
    text = "".join(str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c for c in text or "")
    return " ".join(text.split())


def parse(text):
    """Read a postcode or street; never raises."""
    text = normalise(text)
    if not text:
        return Invoer("fout", text, error=_("Typ je postcode of de naam van je straat."))
    if len(text) > MAX_LENGTH:
        return Invoer("fout", text, error=_("Dat is te lang. Typ alleen je postcode of de naam van je straat."))
    match = POSTCODE_RE.match(text)
    if match:
        area, letters = match.group(1), (match.group(2) or "").upper()
        if area.startswith("0"):
            return Invoer("fout", text, error=_("Een postcode begint niet met een 0. Kijk of je het goed hebt getypt."))
        return Invoer("postcode", text, area=area, postcode=area + letters)
    numbers = DIGITS_LETTERS_RE.match(text)
    if numbers:
        digits, letters = numbers.groups()
        if len(digits) != AREA_DIGITS:
            return Invoer(
                "fout",
                text,
                error=_("Een postcode heeft 4 cijfers. ‘%(text)s’ heeft er %(n)s. Bijvoorbeeld: 6826 HK of 6826.")
                % {"text": text, "n": len(digits)},
            )
        return Invoer(
            "fout",
            text,
            error=_("Na de 4 cijfers van een postcode komen 2 letters, of niets. Bijvoorbeeld: 6826 HK of 6826."),
        )
    street = HOUSE_NUMBER_RE.sub("", text)
    if STREET_RE.fullmatch(street):
        return Invoer("straat", text, straat=street)
    return Invoer(
        "fout",
        text,
        error=_("Typ een postcode, zoals 6826 HK of 6826, of de naam van je straat, zoals Vlierbesstraat."),
    )


def as_postcode(text):
    """The Invoer when `text` is exactly a postcode (for search), else None."""
    invoer = parse(text)
    return invoer if invoer.kind == "postcode" else None
