"""“Wat is er bij mij in de buurt?”: from a postcode or street to its buurt, that buurt's places by walking
distance, nearby buurten and this week's activities (docs/plaatsen.md, "Bij mij in de buurt").

Distances are straight lines (haversine) from the centre of the postcode; the walking time assumes a calm pace,
WALKING_KM_PER_HOUR. Over the streets it is often a little further: the page says so.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from activiteiten.models import BuurtPage, VoorzieningPage
from activiteiten.occurrences import upcoming_for

from .models import Postcode
from .parse import as_postcode

EARTH_RADIUS_M = 6_371_000
WALKING_KM_PER_HOUR = 3  # a calm pace, with a rollator or a stick: slower than the usual 5 km/h
METRES_PER_MINUTE = WALKING_KM_PER_HOUR * 1000 / 60
NEARBY_MAX_M = 5000  # further than this is not "in de buurt", not even by bus
NEARBY_BUURTEN = 3
ROUND_NEAR_M = 100  # "ongeveer 400 meter" below a kilometre …
ROUND_FAR_M = 500  # … "ongeveer 1,5 kilometer" above it
ROUND_MINUTES = 5
WEEK_DAYS = 7
ACTIVITIES_SHOWN = 10


def haversine_m(lat1, lon1, lat2, lon2):
    """Metres along the earth's surface between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def loopafstand(metres):
    """ "ongeveer 400 meter lopen (10 minuten)" at WALKING_KM_PER_HOUR."""
    minutes = max(ROUND_MINUTES, ROUND_MINUTES * math.ceil(metres / METRES_PER_MINUTE / ROUND_MINUTES))
    duur = ngettext("%(n)s minuut", "%(n)s minuten", minutes) % {"n": minutes}
    if metres < 1000:
        rounded = max(ROUND_NEAR_M, ROUND_NEAR_M * round(metres / ROUND_NEAR_M))
        return _("ongeveer %(afstand)s meter lopen (%(duur)s)") % {"afstand": rounded, "duur": duur}
    km = ROUND_FAR_M * round(metres / ROUND_FAR_M) / 1000
    afstand = number_format(km, decimal_pos=0 if km.is_integer() else 1)  # "2,5" in Dutch, "2.5" in English
    return _("ongeveer %(afstand)s kilometer lopen (%(duur)s)") % {"afstand": afstand, "duur": duur}


@dataclass
class Plek:
    page: object
    metres: float

    @property
    def afstand(self):
        return loopafstand(self.metres) if math.isfinite(self.metres) else ""


@dataclass
class Antwoord:
    """`gevonden` False: `melding` says why (unknown postcode or street). `keuzes`: several streets of that name."""

    gevonden: bool
    label: str = ""
    buurt: object = None
    plekken: list = field(default_factory=list)
    buurten_nabij: list = field(default_factory=list)
    activiteiten: list = field(default_factory=list)
    keuzes: list = field(default_factory=list)
    melding: str = ""


def _point(obj):
    """(lat, lon) in degrees, or None for a place without coordinates."""
    if obj.latitude is None or obj.longitude is None:
        return None
    return (float(obj.latitude), float(obj.longitude))


def _metres(centre, obj):
    point = _point(obj)
    return haversine_m(*centre, *point) if centre and point else math.inf


def _buurten(locale):
    return list(BuurtPage.objects.live().public().filter(locale=locale).order_by("title"))


def _places_by_buurt(locale, buurten):
    ids = {b.pk: b for b in buurten}
    found = {pk: [] for pk in ids}
    for place in VoorzieningPage.objects.live().public().filter(locale=locale).order_by("title"):
        parent_id = place.get_parent().pk
        if parent_id in found:
            found[parent_id].append(place)
    return found


def centre_of(points):
    """The mean of (lat, lon) `points`, or None for none: the centre of a buurt is that of its places."""
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)) if points else None


def buurten_met_postcode(area, buurten):
    """The buurten (of `buurten`) whose page lists this postcode area (4 digits): the one rule for which buurt a
    postcode belongs to, used here and by search (search/engine.py)."""
    return [b for b in buurten if area in b.postcode_list()]


def lookup(invoer, locale=None):
    """The Antwoord for a parsed postcode or street (postcodes.parse.Invoer of kind "postcode" or "straat")."""
    locale = locale or Locale.get_active()
    buurten = _buurten(locale)
    places = _places_by_buurt(locale, buurten)
    if invoer.kind == "straat":
        rows = list(Postcode.objects.filter(straat__iexact=invoer.straat))
        areas = sorted({row.area for row in rows})
        if not rows:
            return Antwoord(
                False, invoer.straat, melding=_("We kennen geen straat ‘%(straat)s’.") % {"straat": invoer.straat}
            )
        if len(areas) > 1:
            return Antwoord(False, invoer.straat, keuzes=[r for r in rows if len(r.postcode) > len(r.area)] or rows)
        row = rows[0]
        area, centre, label = row.area, _point(row), f"{invoer.straat} ({row.label})"
    else:
        area, label = invoer.area, invoer.label
        row = (
            Postcode.objects.filter(postcode=invoer.postcode).first() or Postcode.objects.filter(postcode=area).first()
        )
        centre = _point(row) if row else None
    owners = buurten_met_postcode(area, buurten)
    if centre is None and owners:
        centre = centre_of([point for point in map(_point, places[owners[0].pk]) if point])
    if centre is None and not owners:
        return Antwoord(False, label, melding=_("We kennen postcode %(postcode)s niet.") % {"postcode": label})
    distance = {b.pk: min((_metres(centre, p) for p in places[b.pk]), default=math.inf) for b in buurten}
    # Two buurten may share a postcode area: the nearest is the resident's.
    buurt = min(owners, key=lambda b: distance[b.pk]) if owners else None
    plekken = []
    if buurt is not None:
        plekken = sorted(
            (Plek(p, _metres(centre, p)) for p in places[buurt.pk]),
            key=lambda plek: (plek.metres, plek.page.title),
        )
    nabij = sorted(
        (Plek(b, distance[b.pk]) for b in buurten if b != buurt and distance[b.pk] <= NEARBY_MAX_M),
        key=lambda plek: plek.metres,
    )[:NEARBY_BUURTEN]
    activiteiten = upcoming_for(locale=locale, buurt=buurt, days=WEEK_DAYS, limit=ACTIVITIES_SHOWN) if buurt else []
    return Antwoord(True, label, buurt=buurt, plekken=plekken, buurten_nabij=nabij, activiteiten=activiteiten)


def buurt_ids_for_query(query, buurt_ids):
    """Of the buurten with these page ids, those the search query is the postcode of (search/engine.py); [] when
    the query is not just a postcode."""
    invoer = as_postcode(query)
    if invoer is None:
        return []
    pages = BuurtPage.objects.filter(pk__in=list(buurt_ids)).only("id", "postcodes")
    return [b.pk for b in buurten_met_postcode(invoer.area, pages)]
