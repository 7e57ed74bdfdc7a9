"""Row checks for the four corpus files. Each check returns a cleaned value or records a Problem."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from activiteiten.openingstijden import parse_openingstijden
from activiteiten.recurrence import RecurrenceError, check_date, normalise_rule, parse_rule
from activiteiten.talen import csv_keuzes
from activiteiten.talen import lookup as taal_lookup
from activiteiten.talen import store as talen_store
from activiteiten.toegankelijkheid import parse_csv as parse_toegankelijkheid
from activiteiten.toegankelijkheid import uit_oud_veld

from .reader import Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
POSTCODE_AREA_RE = re.compile(r"^\d{4}$")
POSTCODE_RE = re.compile(r"^\d{4}\s?[A-Z]{2}$")

COLUMNS = {
    "buurten.csv": ["slug", "naam", "gemeente", "soort", "intro", "postcodes"],
    "voorzieningen.csv": [
        "slug", "naam", "buurt", "soort", "omschrijving", "adres", "postcode", "plaats", "telefoon", "email",
        "website", "openingstijden", "toegankelijkheid", "toegankelijkheid_items", "lat", "lon", "talen", "route",
    ],
    "activiteiten.csv": [
        "slug", "titel", "buurt", "voorziening", "locatie", "categorie", "doelgroep", "samenvatting",
        "omschrijving", "start", "eind", "herhaling", "kosten", "aanmelden", "contact", "organisator",
        "toegankelijkheid_items", "niet_op_feestdagen", "status", "status_reden", "uitzonderingen", "talen",
    ],
    "woordenlijst.csv": ["slug", "term", "afkorting", "domein", "uitleg", "definitie", "synoniemen", "zie_ook"],
}  # fmt: skip
# Columns a file may leave out (files made before they existed); a left-out column leaves the page's value alone.
OPTIONAL = {
    "activiteiten.csv": [
        "toegankelijkheid_items",
        "niet_op_feestdagen",
        "status",
        "status_reden",
        "uitzonderingen",
        "talen",
    ],
    "voorzieningen.csv": ["toegankelijkheid_items", "talen", "route"],
}
# Files made before `toegankelijkheid_items` had a `toegankelijk` column (ja, gedeeltelijk, nee: rolstoel and
# rollator); it is still read, into the drempelvrij item (activiteiten.toegankelijkheid.uit_oud_veld).
OUD_TOEGANKELIJK = ("ja", "gedeeltelijk", "nee")
# Columns whose empty cell also leaves the page's value alone (new pages: "nee").
KEEP_WHEN_EMPTY = {"activiteiten.csv": ["niet_op_feestdagen"]}
YES_NO = {"ja": True, "nee": False}
# One exception day in the `uitzonderingen` column: "2026-12-25 vrij Kerstvakantie"; days separated by ';'.
UITZONDERING_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s+(vrij|afgelast))?(?:\s*:?\s+(.*))?$", re.IGNORECASE)
UITZONDERING_SEPARATOR = ";"
REDEN_MAX_LENGTH = 200
REQUIRED = {
    "buurten.csv": ["slug", "naam", "gemeente", "soort", "intro"],
    "voorzieningen.csv": ["slug", "naam", "buurt", "soort", "omschrijving"],
    "activiteiten.csv": ["slug", "titel", "buurt", "categorie", "samenvatting", "omschrijving", "start"],
    "woordenlijst.csv": ["slug", "term", "domein", "uitleg"],
}


class RowChecker:
    """Collects problems for one row of one file."""

    def __init__(self, file, row, problems):
        self.file, self.row, self.problems = file, row, problems

    def problem(self, column, value, expected):
        self.problems.append(Problem(self.file, self.row.line, column, value, expected))

    def text(self, column, max_length=None):
        value = self.row.get(column)
        if max_length and len(value) > max_length:
            self.problem(column, value, _("te lang: ten hoogste %(n)s tekens") % {"n": max_length})
        return value

    def required(self):
        for column in REQUIRED[self.file]:
            if not self.row.get(column):
                self.problem(column, "", _("deze kolom mag niet leeg zijn"))

    def slug(self, column="slug"):
        value = self.row.get(column)
        if value and not SLUG_RE.match(value):
            self.problem(
                column,
                value,
                _("een slug bestaat uit kleine letters, cijfers en losse streepjes, zoals ‘koffie-de-klimop’"),
            )
        return value

    def choice(self, column, choices):
        value = self.row.get(column).lower()
        keys = [key for key, _label in choices]
        if value and value not in keys:
            self.problem(
                column, self.row.get(column), _("verwacht een van: %(choices)s") % {"choices": ", ".join(keys)}
            )
        return value

    def datetime(self, column):
        value = self.row.get(column)
        if not value:
            return None
        for fmt in ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"):
            try:
                moment = datetime.strptime(value, fmt)
            except ValueError:
                continue
            try:
                return check_date(moment)
            except RecurrenceError as exc:
                self.problem(column, value, str(exc))
                return None
        self.problem(column, value, _("verwacht een datum en tijd als 2026-01-05T09:30 (JJJJ-MM-DDTUU:MM)"))
        return None

    def yes_no(self, column):
        """True or False for ja/nee; None when the cell is empty or the file has no such column."""
        value = self.row.get(column).lower()
        if not value:
            return None
        if value not in YES_NO:
            self.problem(column, self.row.get(column), _("verwacht ja of nee"))
            return None
        return YES_NO[value]

    def decimal(self, column, low, high):
        value = self.row.get(column)
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.problem(column, value, _("verwacht een getal met een punt, zoals 51.98412"))
            return None
        if not (low <= number <= high):
            self.problem(column, value, _("verwacht een getal tussen %(low)s en %(high)s") % {"low": low, "high": high})
            return None
        return number.quantize(Decimal("0.000001"))

    def postcodes(self, column):
        items = [p.strip() for p in self.row.get(column).split(",") if p.strip()]
        for item in items:
            if not POSTCODE_AREA_RE.match(item):
                self.problem(column, item, _("verwacht postcodes van 4 cijfers met komma's ertussen, zoals 6825,6826"))
        return ",".join(items)

    def postcode(self, column):
        value = self.row.get(column).upper()
        if value and not POSTCODE_RE.match(value):
            self.problem(column, value, _("verwacht een postcode als 6826 HK"))
        if value and " " not in value and len(value) == 6:
            value = f"{value[:4]} {value[4:]}"
        return value

    def email(self, column):
        value = self.row.get(column)
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                self.problem(column, value, _("verwacht een e-mailadres als info@voorbeeld.nl"))
        return value

    def url(self, column):
        value = self.row.get(column)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.problem(column, value, _("verwacht een webadres dat begint met https://"))
        return value

    def openingstijden(self, column):
        value = self.row.get(column)
        try:
            return parse_openingstijden(value)
        except ValueError as exc:
            self.problem(column, value, str(exc))
            return []

    def rrule(self, column, start):
        value = self.row.get(column)
        if not value:
            return ""
        try:
            rule = parse_rule(value, start or datetime(2026, 1, 1, 10, 0))
        except ValueError as exc:
            self.problem(
                column, value, _("%(reason)s Verwacht een iCalendar-regel als FREQ=WEEKLY;BYDAY=TU") % {"reason": exc}
            )
            return ""
        if start is not None and rule.after(start, inc=True) != start:
            self.problem(
                column,
                value,
                _("het begin (%(start)s) valt niet op een dag van deze herhaling")
                % {"start": f"{start:%Y-%m-%d %H:%M}"},
            )
        return normalise_rule(value)

    def has(self, column):
        """Whether the file has this (optional) column at all."""
        return column in self.row.values

    def uitzonderingen(self, column):
        """[(date, soort, reden)] from "2026-12-25 vrij Kerstvakantie; 2027-01-05 afgelast De zaal is dicht"."""
        days = []
        for item in (i.strip() for i in self.row.get(column).split(UITZONDERING_SEPARATOR)):
            if not item:
                continue
            match = UITZONDERING_RE.match(item)
            day = None
            if match:
                try:
                    day = date.fromisoformat(match[1])
                except ValueError:
                    day = None
            if day is None:
                self.problem(
                    column,
                    item,
                    _(
                        "verwacht per dag: datum, ‘vrij’ of ‘afgelast’ en de reden, zoals "
                        "‘2026-12-25 vrij Kerstvakantie’; zet een ; tussen de dagen"
                    ),
                )
                continue
            reden = (match[3] or "").strip()
            if len(reden) > REDEN_MAX_LENGTH:
                self.problem(column, reden, _("te lang: ten hoogste %(n)s tekens") % {"n": REDEN_MAX_LENGTH})
            days.append((day, (match[2] or "vrij").lower(), reden))
        return days

    def toegankelijkheid(self, column, old_column=None):
        """[(item, antwoord, toelichting)] from "drempelvrij=ja; lift=nee: alleen een trap"; or None when the file
        has neither column (the page's answers stay as they are). An old `toegankelijk` cell fills drempelvrij
        when the list does not name it."""
        rows = None
        if self.has(column):
            value = self.row.get(column)
            try:
                rows = parse_toegankelijkheid(value)
            except ValueError as exc:
                self.problem(
                    column,
                    value,
                    _("%(reason)s Schrijf het zo: drempelvrij=ja; lift=nee: alleen een trap") % {"reason": exc},
                )
                rows = []
        if old_column and self.has(old_column) and self.row.get(old_column):
            value = self.row.get(old_column).lower()
            if value not in OUD_TOEGANKELIJK:
                self.problem(
                    old_column, value, _("verwacht een van: %(choices)s") % {"choices": ", ".join(OUD_TOEGANKELIJK)}
                )
            elif not any(item == "drempelvrij" for item, _a, _t in rows or []):
                rows = [uit_oud_veld(value), *(rows or [])]
        return rows

    def slug_list(self, column):
        items = [s.strip() for s in self.row.get(column).split(",") if s.strip()]
        for item in items:
            if not SLUG_RE.match(item):
                self.problem(column, item, _("verwacht slugs met komma's ertussen"))
        return items

    def talen(self, column):
        """The stored codes ("tr,ar") for "tr, ar" or "Turks, Arabisch" (codes or Dutch names, with commas)."""
        found = []
        for item in (i.strip() for i in self.row.get(column).split(",")):
            if not item:
                continue
            taal = taal_lookup(item)
            if taal is None:
                self.problem(
                    column,
                    item,
                    _("deze taal kennen we niet; gebruik een code of naam uit: %(talen)s") % {"talen": csv_keuzes()},
                )
            else:
                found.append(taal.code)
        return talen_store(found)

    def text_list(self, column):
        return ", ".join(s.strip() for s in self.row.get(column).split(",") if s.strip())
