"""Accessibility residents can check: ONE fixed list of items, each answered ja / nee / onbekend.

A place (voorziening) has its answers; an activity has answers only where it differs from its place
(``effectieve_items``). Every item is mapped to schema.org (a ``LocationFeatureSpecification`` in
``amenityFeature``) and to the nearest A11yJSON property (https://sozialhelden.github.io/a11yjson/), so that
the data can be exchanged. Icons are static files (static/img/toegankelijkheid/<code>.svg), always next to
the words.

CSV form (import and export): ``drempelvrij=ja; lift=nee: alleen een trap; ringleiding=ja``
(``item=antwoord``, optionally ``: toelichting``; items separated by ``;``).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from home.params import shown

from .codetags import format_tags, read_tags


@dataclass(frozen=True)
class Item:
    code: str
    label: object  # lazy: shown in the reader's language
    schema_name: str  # schema.org LocationFeatureSpecification name
    a11yjson: str  # the nearest A11yJSON property path ("" when A11yJSON has none)


ITEMS = [
    Item("drempelvrij", gettext_lazy("Drempelvrij, ook met rolstoel of rollator"), "Wheelchair accessible",
         "accessibleWith.wheelchair"),
    Item("lift", gettext_lazy("Lift"), "Elevator", "equipmentInfos[category=elevator]"),
    Item("aangepast-toilet", gettext_lazy("Aangepast toilet"), "Wheelchair accessible toilet",
         "restrooms[].accessibleWith.wheelchair"),
    Item("ringleiding", gettext_lazy("Ringleiding voor hoortoestel"), "Induction loop", "hasInductionLoop"),
    Item("rustige-ruimte", gettext_lazy("Rustige ruimte (weinig prikkels)"), "Quiet room", "isQuiet"),
    Item("dementievriendelijk", gettext_lazy("Dementievriendelijk"), "Dementia friendly",
         "offersActivitiesForPeopleWith.learningImpairment"),
    Item("hulphond", gettext_lazy("Hulphond welkom"), "Assistance dogs allowed", "animalPolicy.allowsAssistanceDogs"),
    Item("parkeren", gettext_lazy("Parkeren dichtbij, ook voor gehandicapten"), "Disabled parking nearby",
         "parking.forWheelchairUsers"),
    Item("ov", gettext_lazy("Bus, tram of trein: halte binnen 300 meter"), "Public transport stop within 300 m", ""),
    Item("zitplaatsen", gettext_lazy("Zitplaatsen onderweg"), "Seating along the way", ""),
    Item("gebarentolk", gettext_lazy("Gebarentolk als je erom vraagt"), "Sign language interpreter on request",
         "interactions.listen.perception.signLanguage"),
]  # fmt: skip
BY_CODE = {item.code: item for item in ITEMS}
ITEM_CHOICES = [(item.code, item.label) for item in ITEMS]

JA, NEE, ONBEKEND = "ja", "nee", "onbekend"
ANTWOORDEN = [(JA, gettext_lazy("ja")), (NEE, gettext_lazy("nee")), (ONBEKEND, gettext_lazy("weten we niet"))]
TOELICHTING_MAX_LENGTH = 200
CSV_SEPARATOR = ";"


class ToegankelijkheidItem(Orderable):
    """One answered item. Concrete models add the ParentalKey to their page."""

    item = models.CharField(
        gettext_lazy("wat"), max_length=30, choices=ITEM_CHOICES, help_text=gettext_lazy("Kies uit de lijst.")
    )
    antwoord = models.CharField(gettext_lazy("antwoord"), max_length=10, choices=ANTWOORDEN, default=JA)
    toelichting = models.CharField(
        gettext_lazy("toelichting"),
        max_length=TOELICHTING_MAX_LENGTH,
        blank=True,
        help_text=gettext_lazy("Mag leeg blijven. Bijvoorbeeld: de lift gaat tot de eerste verdieping."),
    )

    panels = [FieldRowPanel([FieldPanel("item"), FieldPanel("antwoord"), FieldPanel("toelichting")])]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = gettext_lazy("toegankelijkheid")
        verbose_name_plural = gettext_lazy("toegankelijkheid")

    def __str__(self):
        return f"{self.item}={self.antwoord}"


@dataclass(frozen=True)
class Antwoord:
    """What a page shows for one item."""

    item: Item
    antwoord: str
    toelichting: str = ""

    @property
    def icon(self):
        return f"img/toegankelijkheid/{self.item.code}.svg"

    def antwoord_label(self):
        return dict(ANTWOORDEN)[self.antwoord]


def _answers(rows):
    """{code: Antwoord} of stored rows (the first row of an item counts)."""
    result = {}
    for row in rows:
        if row.item in BY_CODE and row.item not in result:
            result[row.item] = Antwoord(BY_CODE[row.item], row.antwoord, row.toelichting)
    return result


def items_van(page):
    """The answers stored on one page, in the fixed order of ITEMS."""
    answers = _answers(page.toegankelijkheid_items.all())
    return [answers[item.code] for item in ITEMS if item.code in answers]


def effectieve_items(activiteit):
    """An activity's answers: its place's, with the activity's own answers where they differ."""
    place = activiteit.live_voorziening
    answers = _answers(place.toegankelijkheid_items.all()) if place is not None else {}
    answers.update(_answers(activiteit.toegankelijkheid_items.all()))
    return [answers[item.code] for item in ITEMS if item.code in answers]


def answers_for(page):
    """The answers a page shows, everywhere (the page itself, the referral card, the read API, the HSDS export):
    an activity's are its place's with its own over them (effectieve_items); a place's are its own (items_van)."""
    from .models import ActiviteitPage  # here: models.py imports this module

    return effectieve_items(page) if isinstance(page, ActiviteitPage) else items_van(page)


def ja_tags(answers):
    """ ",drempelvrij,lift," — the items answered ja, as the occurrence table stores them for filtering."""
    return format_tags(a.item.code for a in answers if a.antwoord == JA)


def labels_uit_tags(tags):
    """The labels of ",drempelvrij,lift," in the reader's language (agenda lists, without a query)."""
    codes = set(read_tags(tags))
    return [str(item.label) for item in ITEMS if item.code in codes]


def amenity_features(answers):
    """schema.org LocationFeatureSpecification list (unknown answers are left out)."""
    return [
        {"@type": "LocationFeatureSpecification", "name": a.item.schema_name, "value": a.antwoord == JA}
        for a in answers
        if a.antwoord in (JA, NEE)
    ]


# -- filters -----------------------------------------------------------------------------------------

# "toegankelijk=ja" in links made before the list existed meant: good with rolstoel or rollator.
OUDE_FILTERWAARDEN = ("ja", "1", "on")


def parse_toegankelijk(get, name):
    """([code, …], [message, …]) from the GET parameter `name` (more than one allowed). A wrong value is left
    out with a message that names it; never an error page."""
    codes, errors = [], []
    for value in get.getlist(name):
        value = value.strip().lower()
        if value in OUDE_FILTERWAARDEN:
            value = "drempelvrij"
        if value in BY_CODE:
            if value not in codes:
                codes.append(value)
        elif value:
            errors.append(
                _("‘%(value)s’ kennen we niet bij toegankelijkheid. Kies uit de lijst.") % {"value": shown(value)}
            )
    return [item.code for item in ITEMS if item.code in codes], errors


# -- the old rolstoel/rollator field ------------------------------------------------------------------

OUD_TOELICHTING_GEDEELTELIJK = "gedeeltelijk goed te doen met rolstoel of rollator"


def uit_oud_veld(waarde):
    """(item, antwoord, toelichting) for the old ActiviteitPage.toegankelijk value (ja / gedeeltelijk / nee),
    or None. "gedeeltelijk" is not drempelvrij (a filter must not show it), and the note keeps what was known.
    Used by the data migration and by the importer for old CSV files with a `toegankelijk` column."""
    waarde = (waarde or "").strip().lower()
    if waarde == "ja":
        return ("drempelvrij", JA, "")
    if waarde == "gedeeltelijk":
        return ("drempelvrij", NEE, OUD_TOELICHTING_GEDEELTELIJK)
    if waarde == "nee":
        return ("drempelvrij", NEE, "")
    return None


# -- CSV ----------------------------------------------------------------------------------------------


def parse_csv(text):
    """[(item, antwoord, toelichting)] from "drempelvrij=ja; lift=nee: alleen een trap".
    Raises ValueError with a message naming the wrong part (all-or-nothing: the importer stores nothing)."""
    result, seen = [], set()
    for part in (p.strip() for p in (text or "").split(CSV_SEPARATOR)):
        if not part:
            continue
        head, _sep, toelichting = part.partition(":")
        code, eq, antwoord = (s.strip().lower() for s in head.partition("="))
        if code not in BY_CODE:
            raise ValueError(
                _("‘%(part)s’: ‘%(code)s’ kennen we niet. Kies uit: %(codes)s.")
                % {"part": part, "code": code, "codes": ", ".join(BY_CODE)}
            )
        if not eq or antwoord not in (JA, NEE, ONBEKEND):
            raise ValueError(_("‘%(part)s’: het antwoord moet ja, nee of onbekend zijn.") % {"part": part})
        if code in seen:
            raise ValueError(_("‘%(code)s’ staat twee keer in de lijst.") % {"code": code})
        toelichting = toelichting.strip()
        if len(toelichting) > TOELICHTING_MAX_LENGTH:
            raise ValueError(
                _("‘%(part)s’: de toelichting is te lang, ten hoogste %(n)s tekens.")
                % {"part": part[:40], "n": TOELICHTING_MAX_LENGTH}
            )
        seen.add(code)
        result.append((code, antwoord, toelichting))
    return result


def format_csv(rows):
    """Back to the CSV form (export), in the fixed order of ITEMS."""
    answers = _answers(rows)
    parts = []
    for item in ITEMS:
        a = answers.get(item.code)
        if a is not None:
            parts.append(f"{item.code}={a.antwoord}" + (f": {a.toelichting}" if a.toelichting else ""))
    return f"{CSV_SEPARATOR} ".join(parts)


# -- admin form ---------------------------------------------------------------------------------------


class ToegankelijkheidPageForm(WagtailAdminPageForm):
    """Each item at most once per page, with a message that names it."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("toegankelijkheid_items")
        if formset is None or not formset.is_valid():
            return cleaned
        seen = set()
        for form in formset.forms:
            code = form.cleaned_data.get("item")
            if not code or form.cleaned_data.get("DELETE"):
                continue
            if code in seen:
                self.add_error(
                    None,
                    ValidationError(
                        _("Toegankelijkheid: ‘%(item)s’ staat er twee keer in. Laat er één staan.")
                        % {"item": BY_CODE[code].label}
                    ),
                )
            seen.add(code)
        return cleaned
