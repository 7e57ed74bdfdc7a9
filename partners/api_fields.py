"""The structured fields each page type shows in the read API (/api/v2/, see api.py and docs/partners.md).

One list per model; a list for an abstract base class (BuurtItemPage) counts for every subclass. A new field is
one line here: a model field by name ("talen"), or `APIField(name, serializer=Computed(function))` for a value
worked out from the page. Computed values are given in the page's own language (the B1 sentence, day names).
"""

from django.utils import timezone, translation
from rest_framework.fields import Field
from wagtail.api import APIField

from activiteiten.models import ActiviteitPage, BuurtItemPage, BuurtPage, VoorzieningPage
from activiteiten.occurrences import exceptions, next_occurrences
from activiteiten.openingstijden import format_time
from activiteiten.rrule_text import describe
from activiteiten.toegankelijkheid import answers_for
from woordenlijst.models import BegripPage

# How many coming times an activity lists (the page itself shows five as well).
NEXT_DATES = 5


class Computed(Field):
    """A read-only value computed from the whole page, in the page's language."""

    def __init__(self, function, **kwargs):
        self.function = function
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            return self.function(page)


def _page_ref(page, request=None):
    return {"id": page.pk, "title": page.title, "slug": page.slug, "html_url": page.get_full_url(request)}


def buurt(page):
    found = page.get_buurt()
    return _page_ref(found) if found is not None else None


def toegankelijkheid_items(page):
    """The structured accessibility answers (activiteiten/toegankelijkheid.py): an activity's own over its place's;
    `item` is the fixed code, `schema_org` the schema.org LocationFeatureSpecification name."""
    answers = answers_for(page)
    return [
        {"item": a.item.code, "naam": str(a.item.label), "antwoord": a.antwoord, "toelichting": a.toelichting,
         "schema_org": a.item.schema_name}
        for a in answers
    ]  # fmt: skip


def herhaling_zin(page):
    """The B1 sentence residents read on the page (None when the rule cannot be said simply)."""
    vrij, _afgelast = exceptions(page)
    today = timezone.localdate()  # as on the page: past exception days left out, "vanaf …" for a later start
    return describe(
        page.herhaling, page.start, page.eind, exdates=vrij, today=today, feestdagen=page.niet_op_feestdagen
    )


def volgende_keren(page):
    return [
        {"start": o.start.isoformat(), "eind": o.end.isoformat() if o.end else None, "afgelast": o.afgelast,
         "reden": o.reden}
        for o in next_occurrences(page, limit=NEXT_DATES)
    ]  # fmt: skip


def uitzonderingen(page):
    return [
        {"datum": u.datum.isoformat(), "soort": u.soort, "reden": u.reden}
        for u in sorted(page.uitzonderingen.all(), key=lambda u: u.datum)
    ]


def plek(page):
    """The linked voorziening only when it is live (never the name of a draft or unpublished place)."""
    voorziening = page.live_voorziening
    return _page_ref(voorziening) if voorziening is not None else None


def openingstijden(page):
    return [
        {"dag": o.dag, "dag_naam": str(o.get_dag_display()), "open": format_time(o.open), "dicht": format_time(o.dicht)}
        for o in sorted(page.openingstijden.all(), key=lambda o: (o.dag, o.open))
    ]


def coordinaten(page):
    if page.latitude is None or page.longitude is None:
        return None
    return {"latitude": float(page.latitude), "longitude": float(page.longitude)}


def zie_ook(page):
    return [_page_ref(related) for related in page.related_terms()]


FIELDS = {
    BuurtPage: ["gemeente", "soort", "intro", APIField("postcodes", serializer=Computed(BuurtPage.postcode_list))],
    BuurtItemPage: [
        APIField("buurt", serializer=Computed(buurt)),
        "omschrijving",
        "toegankelijkheid",
        APIField("toegankelijkheid_items", serializer=Computed(toegankelijkheid_items)),
        "talen",
        "gecontroleerd_op",
    ],
    ActiviteitPage: [
        "categorie",
        "doelgroep",
        "samenvatting",
        "start",
        "eind",
        "herhaling",
        APIField("herhaling_zin", serializer=Computed(herhaling_zin)),
        APIField("volgende_keren", serializer=Computed(volgende_keren)),
        APIField("uitzonderingen", serializer=Computed(uitzonderingen)),
        "niet_op_feestdagen",
        "status",
        "status_reden",
        APIField("plek", serializer=Computed(plek)),
        "locatie",
        "kosten",
        "aanmelden",
        "contact",
        "organisator",
    ],
    VoorzieningPage: [
        "soort",
        "adres",
        "postcode",
        "plaats",
        "telefoon",
        "email",
        "website",
        "latitude",
        "longitude",
        "routebeschrijving",
        APIField("coordinaten", serializer=Computed(coordinaten)),
        APIField("openingstijden", serializer=Computed(openingstijden)),
    ],
    BegripPage: [
        APIField("term", serializer=Computed(lambda page: page.title)),
        "afkorting",
        "domein",
        "uitleg",
        "definitie",
        APIField("synoniemen", serializer=Computed(BegripPage.synoniem_list)),
        APIField("zie_ook", serializer=Computed(zie_ook)),
    ],
}


def fields_for(model):
    """The API fields of `model`: those of its base classes first (BuurtItemPage before ActiviteitPage)."""
    found = []
    for klass in reversed(model.__mro__):
        found.extend(FIELDS.get(klass, ()))
    return found
