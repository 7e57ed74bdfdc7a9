"""schema.org JSON-LD: an Event for an activity page (with eventSchedule for repeating activities) and a
Place for a voorziening page.

Spoken languages (activiteiten/talen.py): an Event is held in Dutch and the languages of its `talen`, so
`inLanguage` is "nl" or ["nl", "tr", "ar"] (the language of the event, not of the web page, which the
HTML `lang` says). A Place gets `availableLanguage` with the same codes when it has any.
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .doelgroepen import is_gratis
from .recurrence import AMSTERDAM, normalise_rule, to_local_naive
from .talen import codes
from .toegankelijkheid import amenity_features, effectieve_items

DUTCH = "nl"  # every activity and place of the portal speaks Dutch; `talen` are the languages besides it

SCHEMA_DAYS = {
    "MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday",
    "SU": "Sunday",
}  # fmt: skip
FREQ_UNIT = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def schedule(page):
    """A schema.org Schedule for the page's rule, or None for a one-off."""
    if not page.herhaling:
        return None
    parts = dict(p.partition("=")[::2] for p in normalise_rule(page.herhaling).split(";") if p)
    start = to_local_naive(page.start)
    end = to_local_naive(page.eind) if page.eind else None
    result = {
        "@type": "Schedule",
        "scheduleTimezone": "Europe/Amsterdam",
        "startDate": start.date().isoformat(),
        "startTime": start.strftime("%H:%M"),
    }
    if end:
        result["endTime"] = end.strftime("%H:%M")
    unit = FREQ_UNIT.get(parts.get("FREQ"))
    if unit:
        result["repeatFrequency"] = f"P{parts.get('INTERVAL', '1')}{unit}"
    days, weeks = [], []
    for item in parts.get("BYDAY", "").split(","):
        if item[-2:] in SCHEMA_DAYS:
            days.append("https://schema.org/" + SCHEMA_DAYS[item[-2:]])
            if item[:-2]:
                weeks.append(int(item[:-2]))
    if days:
        result["byDay"] = days if len(days) > 1 else days[0]
    if weeks and parts.get("FREQ") == "MONTHLY":
        result["byMonthWeek"] = weeks if len(weeks) > 1 else weeks[0]
    if "COUNT" in parts:
        result["repeatCount"] = int(parts["COUNT"])
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        result["endDate"] = f"{until[:4]}-{until[4:6]}-{until[6:8]}"
    excepted = sorted(u.datum.isoformat() for u in page.uitzonderingen.all())
    if excepted:
        result["exceptDate"] = excepted
    return result


def event_json_ld(page, upcoming, request=None):
    """A <script type="application/ld+json"> string (safe to put in a template)."""
    first = next((o for o in upcoming if not o.afgelast), upcoming[0] if upcoming else None)
    start = first.start if first else page.start
    end = first.end if first else page.eind
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": strip_tags(page.samenvatting),
        "url": _absolute(request, page.get_url(request) or ""),
        "inLanguage": languages_spoken(page),
        "startDate": start.astimezone(AMSTERDAM).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventCancelled"
        if page.status == "afgelast"
        else "https://schema.org/EventScheduled",
        "isAccessibleForFree": is_gratis(page.kosten),
        "location": _location(page),
    }
    if end:
        data["endDate"] = end.astimezone(AMSTERDAM).isoformat()
    if page.organisator:
        data["organizer"] = {"@type": "Organization", "name": page.organisator}
    sched = schedule(page)
    if sched:
        data["eventSchedule"] = sched
    return script_tag(data)


def script_tag(data):
    """A <script type="application/ld+json"> string (safe to put in a template)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def languages_spoken(page):
    """ "nl", or ["nl", "tr", "ar"] when other languages are spoken there too."""
    others = codes(page.talen)
    return [DUTCH, *others] if others else DUTCH


def _place(v, name=None, features=()):
    place = {"@type": "Place", "name": name or v.title}
    place["address"] = {
        "@type": "PostalAddress",
        "streetAddress": v.adres,
        "postalCode": v.postcode,
        "addressLocality": v.plaats,
        "addressCountry": "NL",
    }
    if v.telefoon:
        place["telephone"] = v.telefoon
    if codes(v.talen):
        place["availableLanguage"] = languages_spoken(v)
    if features:
        place["amenityFeature"] = features
    return place


def _location(page):
    v = page.live_voorziening
    if v is not None:
        return _place(v, page.place_name(), amenity_features(effectieve_items(page)))
    return {"@type": "Place", "name": page.place_name() or page.locatie}
