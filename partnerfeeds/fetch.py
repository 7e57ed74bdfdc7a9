"""Fetch a partner's iCal feed and read its events, refusing anything odd with a message in plain words.

Everything is read and checked before anything is stored (importer.py): a feed with one bad event changes
nothing at all, so a half-broken feed never leaves the buurt with half its activities.
"""

import hashlib
import json
import socket
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import datetime, time
from urllib.parse import urlsplit

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar

from activiteiten.recurrence import RecurrenceError, check_date, check_rule_from, localise, normalise_rule

ALLOWED_SCHEMES = ("http", "https")
# A partner's calendar is a few hundred kilobytes at most; anything over this is not a buurt agenda.
MAX_FEED_BYTES = 2 * 1024 * 1024
# Seconds to wait for the partner's server (for the connection and for each read).
TIMEOUT_SECONDS = 15
# More events than this in one buurt feed is a mistake (a whole region's or a library's entire catalogue).
MAX_EVENTS = 500
# Database field lengths of ActiviteitPage.
TITLE_MAX = 255
SUMMARY_MAX = 300
PLACE_MAX = 200
USER_AGENT = "ZorgzameBuurten-agenda-import/1.0"


class FeedError(Exception):
    """Why a feed was not imported, in plain words for the editor."""


@dataclass
class FeedEvent:
    uid: str
    titel: str
    omschrijving: str
    locatie: str
    start: datetime
    eind: datetime | None
    herhaling: str
    uitzonderingen: list = field(default_factory=list)  # local dates on which it does not take place
    afgelast: bool = False
    categorieen: list = field(default_factory=list)

    def fingerprint(self):
        data = asdict(self)
        return hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another http(s) address (never ftp:// or file://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ALLOWED_SCHEMES:
            raise FeedError(_("Het adres stuurt door naar iets dat geen webadres is."))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url):
    """The feed's bytes. Raises FeedError."""
    if urlsplit(url).scheme not in ALLOWED_SCHEMES:
        raise FeedError(_("Het adres moet beginnen met https:// of http://."))
    opener = urllib.request.build_opener(_SafeRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar"})
    too_big = FeedError(
        _("Het bestand is te groot (meer dan %(mb)s MB). Dit is geen agenda van één buurt.")
        % {"mb": MAX_FEED_BYTES // (1024 * 1024)}
    )
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_FEED_BYTES:
                raise too_big
            body = response.read(MAX_FEED_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FeedError(
            _("De website van de partner gaf een foutmelding (code %(code)s). Probeer het later nog eens.")
            % {"code": exc.code}
        ) from exc
    except TimeoutError as exc:
        raise FeedError(
            _("De website van de partner gaf binnen %(n)s seconden geen antwoord.") % {"n": TIMEOUT_SECONDS}
        ) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise FeedError(
                _("De website van de partner gaf binnen %(n)s seconden geen antwoord.") % {"n": TIMEOUT_SECONDS}
            ) from exc
        raise FeedError(_("De website van de partner is niet te bereiken. Klopt het adres?")) from exc
    except (OSError, ValueError) as exc:
        raise FeedError(_("De website van de partner is niet te bereiken. Klopt het adres?")) from exc
    if len(body) > MAX_FEED_BYTES:
        raise too_big
    return body


def _moment(value):
    """An aware datetime from DTSTART/DTEND: floating times and whole days count as Amsterdam time."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else localise(value)
    return localise(datetime.combine(value, time.min))


def _rule(event):
    """The RRULE as the portal stores it: a UNTIL in UTC is kept (recurrence.py reads it as a moment)."""
    rrule = event.get("RRULE")
    if rrule is None:
        return ""
    if isinstance(rrule, list):  # more than one RRULE is not something an agenda needs
        raise FeedError(_("‘%(titel)s’ heeft meer dan één herhaling.") % {"titel": str(event.get("SUMMARY"))})
    return normalise_rule(rrule.to_ical().decode())


def _exdates(event):
    values = event.get("EXDATE")
    if values is None:
        return []
    days = []
    for value in values if isinstance(values, list) else [values]:
        for item in value.dts:
            moment = item.dt
            days.append(_moment(moment).date() if isinstance(moment, datetime) else moment)
    return sorted(set(days))


def _text(event, name, limit=None):
    value = strip_tags(str(event.get(name) or "")).strip()
    return value[:limit] if limit else value


def _event(event):
    uid = _text(event, "UID", 255)
    titel = _text(event, "SUMMARY", TITLE_MAX)
    where = _text(event, "UID") or _("zonder UID")
    if event.errors:
        name, problem = event.errors[0]
        raise FeedError(
            _("In de activiteit ‘%(titel)s’ klopt %(veld)s niet: %(fout)s")
            % {"titel": titel or where, "veld": name or _("een regel"), "fout": problem}
        )
    if not uid:
        raise FeedError(_("De activiteit ‘%(titel)s’ heeft geen UID.") % {"titel": titel})
    if not titel:
        raise FeedError(_("Een activiteit (UID %(uid)s) heeft geen titel (SUMMARY).") % {"uid": uid})
    if event.get("DTSTART") is None:
        raise FeedError(_("De activiteit ‘%(titel)s’ heeft geen begin (DTSTART).") % {"titel": titel})
    start = _moment(event.decoded("DTSTART"))
    eind = _moment(event.decoded("DTEND")) if event.get("DTEND") is not None else None
    herhaling = _rule(event)
    try:
        check_date(start)
        if eind is not None:
            check_date(eind)
        check_rule_from(herhaling, start)
    except RecurrenceError as exc:
        raise FeedError(_("In de activiteit ‘%(titel)s’: %(fout)s") % {"titel": titel, "fout": exc}) from exc
    if eind is not None and eind < start:
        raise FeedError(_("De activiteit ‘%(titel)s’ eindigt voor het begin.") % {"titel": titel})
    categories = event.get("CATEGORIES")
    names = []
    for item in categories if isinstance(categories, list) else [categories] if categories else []:
        names.extend(str(c).strip().lower() for c in item.cats)
    return FeedEvent(
        uid=uid,
        titel=titel,
        omschrijving=_text(event, "DESCRIPTION"),
        locatie=_text(event, "LOCATION", PLACE_MAX),
        start=start,
        eind=eind,
        herhaling=herhaling,
        uitzonderingen=_exdates(event),
        afgelast=str(event.get("STATUS") or "").upper() == "CANCELLED",
        categorieen=names,
    )


def parse(body):
    """The feed's events (FeedEvent), checked. A cancelled single time of a series (RECURRENCE-ID with
    STATUS:CANCELLED) becomes an exception of that series; other changed single times are not taken over."""
    try:
        calendar = Calendar.from_ical(body)
    except (ValueError, IndexError, KeyError) as exc:
        raise FeedError(_("Dit is geen agenda in iCal-formaat. Vraag de partner om het iCal-adres.")) from exc
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise FeedError(_("Dit is geen agenda in iCal-formaat. Vraag de partner om het iCal-adres."))
    events, cancelled = {}, []
    vevents = calendar.walk("VEVENT")
    if len(vevents) > MAX_EVENTS:
        raise FeedError(
            _("De agenda heeft %(n)s activiteiten; meer dan %(max)s kan niet in één buurt.")
            % {"n": len(vevents), "max": MAX_EVENTS}
        )
    try:
        for vevent in vevents:
            if vevent.get("RECURRENCE-ID") is not None:
                if str(vevent.get("STATUS") or "").upper() == "CANCELLED":
                    cancelled.append((_text(vevent, "UID", 255), _moment(vevent.decoded("RECURRENCE-ID")).date()))
                continue
            event = _event(vevent)
            events.setdefault(event.uid, event)  # a UID twice: the first one counts
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise FeedError(_("Een datum of tijd in de agenda klopt niet: %(fout)s") % {"fout": exc}) from exc
    for uid, day in cancelled:
        if uid in events and day not in events[uid].uitzonderingen:
            events[uid].uitzonderingen = sorted([*events[uid].uitzonderingen, day])
    return list(events.values())
