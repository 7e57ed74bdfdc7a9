"""The portal's activiteiten and voorzieningen as Open Referral HSDS 3 (Human Services Data Specification).

The form: ONE JSON document per language, shaped as the HSDS 3 API's paginated answer (the `Page` object of
HSDS's openapi.json: total_items, page_number, …, contents) holding every service in the *compiled* form of
`GET /services/{id}` (the service with its organization, service_at_locations → location, schedules, phones,
contacts and languages nested inside). Why: one file is one download for a partner and one cache entry for us,
and tools that read an HSDS 3 API read it without a special case; each item validates against HSDS's own
compiled service schema (partners/hsds3/, tests/test_partners_exports.py).

What becomes what:
- a VoorzieningPage is an organization, a service (walking in, calling) and a location whose schedules are the
  opening hours (freq WEEKLY, byday, opens_at/closes_at);
- an ActiviteitPage is a service of the organisator named on the page (or, without one, of the buurt), at the
  location of its voorziening (or a location with only the name it gives); its RRULE becomes the schedule's
  freq/byday/bymonthday/interval/until/count with dtstart, opens_at/closes_at and the B1 sentence as description.
Identifiers are UUIDs derived from the page's translation key, so a service has the same id in every language.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from activiteiten.models import ActiviteitPage, VoorzieningPage
from activiteiten.recurrence import DAY_CODES, normalise_rule, to_local_naive
from activiteiten.talen import codes
from activiteiten.toegankelijkheid import ONBEKEND, answers_for
from home.contact_links import _found as contact_spans

from .api_fields import herhaling_zin

HSDS_VERSION = "3.0"
# Fixed namespace of this portal's HSDS identifiers (uuid5 of it and the page's translation key).
NAMESPACE = uuid.UUID("5b1c3f0e-8f0a-4c7e-9d43-2f7c1b6a9e10")
# HSDS 3 schedules know only these two frequencies (schedule.json "freq" enum).
HSDS_FREQ = {"WEEKLY", "MONTHLY"}
COUNTRY = "NL"


def uid(key, *parts):
    return str(uuid.uuid5(NAMESPACE, ":".join([str(key), *parts])))


def _clean(record):
    """Leave out empty values: HSDS fields are optional unless required, and "" says nothing."""
    return {name: value for name, value in record.items() if value not in ("", None, [])}


def spoken_languages(page):
    """ISO 639 codes of the languages spoken at an activity or place: Dutch, and the `talen` besides it."""
    return ["nl", *codes(page.talen)]


def language_records(codes, **owner):
    from django.conf.locale import LANG_INFO

    owner_id = next(iter(owner.values()))
    return [
        _clean({"id": uid(owner_id, "language", code), **owner, "code": code,
                "name": LANG_INFO.get(code, {}).get("name", "")})
        for code in codes
    ]  # fmt: skip


def _phones(text, **owner):
    numbers = [href.removeprefix("tel:") for _start, _end, href in contact_spans(text or "") if href.startswith("tel:")]
    owner_id = next(iter(owner.values()))
    return [{"id": uid(owner_id, "phone", number), **owner, "number": number} for number in dict.fromkeys(numbers)]


def _address(voorziening, location_id):
    if not voorziening.adres:
        return []
    buurt = voorziening.get_parent().specific
    return [
        {
            "id": uid(location_id, "address"),
            "location_id": location_id,
            "address_1": voorziening.adres,
            "city": voorziening.plaats or buurt.gemeente,
            # Required by HSDS; Dutch addresses name no province and the portal does not store one.
            "state_province": "",
            "postal_code": voorziening.postcode,
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]


def opening_hours(voorziening, location_id):
    """One weekly schedule per opening-hours row."""
    return [
        {
            "id": uid(location_id, "schedule", str(row.dag), row.open.isoformat()),
            "location_id": location_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": DAY_CODES[row.dag],
            "opens_at": row.open.strftime("%H:%M"),
            "closes_at": row.dicht.strftime("%H:%M"),
            "description": f"{row.get_dag_display()} {row.open:%H:%M}–{row.dicht:%H:%M}",
        }
        for row in sorted(voorziening.openingstijden.all(), key=lambda row: (row.dag, row.open))
    ]


def location(voorziening):
    location_id = uid(voorziening.translation_key, "location")
    record = {
        "id": location_id,
        "location_type": "physical",
        "url": voorziening.get_full_url(),
        "name": voorziening.title,
        "description": voorziening.get_summary(),
        "transportation": voorziening.routebeschrijving,  # the editors' route text ("Bus 7, halte Kerkplein")
        "latitude": float(voorziening.latitude) if voorziening.latitude is not None else None,
        "longitude": float(voorziening.longitude) if voorziening.longitude is not None else None,
        "addresses": _address(voorziening, location_id),
        "phones": _phones(voorziening.telefoon, location_id=location_id),
        "schedules": opening_hours(voorziening, location_id),
        "languages": language_records(spoken_languages(voorziening), location_id=location_id),
        "accessibility": accessibility(voorziening, location_id),
    }
    return _clean(record)


def accessibility(page, location_id):
    """The structured answers (activiteiten/toegankelijkheid.py; an activity's own over its place's) as
    `details`, one "item: answer" per line, and the editor's free text as `description`."""
    answers = answers_for(page)
    details = "\n".join(f"{a.item.label}: {a.antwoord_label()}" for a in answers if a.antwoord != ONBEKEND)
    if not (page.toegankelijkheid or details):
        return []
    return [
        _clean({"id": uid(page.translation_key, "accessibility"), "location_id": location_id,
                "description": page.toegankelijkheid, "details": details, "url": page.get_full_url()})
    ]  # fmt: skip


def buurt_organization(buurt):
    return _clean(
        {"id": uid(buurt.translation_key, "organization"), "name": buurt.title, "description": buurt.intro,
         "website": buurt.get_full_url()}
    )  # fmt: skip


def voorziening_service(voorziening):
    organization_id = uid(voorziening.translation_key, "organization")
    service_id = uid(voorziening.translation_key, "service")
    organization = {
        "id": organization_id,
        "name": voorziening.title,
        "description": voorziening.get_summary() or voorziening.title,
        "email": voorziening.email,
        "website": voorziening.website,
        "uri": voorziening.get_full_url(),
    }
    return _clean(
        {
            "id": service_id,
            "organization_id": organization_id,
            "name": voorziening.title,
            "description": strip_tags(voorziening.omschrijving),
            "url": voorziening.get_full_url(),
            "email": voorziening.email,
            "status": "active",
            "last_modified": _modified(voorziening),
            "phones": _phones(voorziening.telefoon, service_id=service_id),
            "organization": _clean(organization),
            "languages": language_records(spoken_languages(voorziening), service_id=service_id),
            "service_at_locations": [_at_location(service_id, location(voorziening))],
        }
    )


def _at_location(service_id, location_record):
    return {
        "id": uid(service_id, "at", location_record["id"]),
        "service_id": service_id,
        "location_id": location_record["id"],
        "location": location_record,
    }


def _modified(page):
    moment = page.last_published_at or page.latest_revision_created_at
    return moment.isoformat() if moment else None


def activity_schedule(page, service_id):
    """The RRULE as HSDS schedule fields; a rule HSDS cannot say (daily with an interval, yearly) keeps only
    its first time, its description (the B1 sentence) and the stated end."""
    start = to_local_naive(page.start)
    end = to_local_naive(page.eind) if page.eind else None
    record = {
        "id": uid(page.translation_key, "schedule"),
        "service_id": service_id,
        "dtstart": start.date().isoformat(),
        "valid_from": start.date().isoformat(),
        "opens_at": start.strftime("%H:%M"),
        "closes_at": end.strftime("%H:%M") if end and end - start < timedelta(days=1) else None,
        "description": herhaling_zin(page),
        "attending_type": "in person",
    }  # fmt: skip
    if not page.herhaling:
        record["valid_to"] = (end or start).date().isoformat()
        return _clean(record)
    parts = dict(part.partition("=")[::2] for part in normalise_rule(page.herhaling).split(";") if part)
    freq, interval = parts.get("FREQ"), int(parts.get("INTERVAL", "1"))
    if freq == "DAILY" and interval == 1 and "BYDAY" not in parts:
        freq, parts["BYDAY"] = "WEEKLY", ",".join(DAY_CODES)  # every day is every weekday, weekly
    if freq in HSDS_FREQ:
        record.update(
            freq=freq, interval=interval, wkst=parts.get("WKST", "MO"), byday=parts.get("BYDAY"),
            bymonthday=parts.get("BYMONTHDAY"), count=int(parts["COUNT"]) if "COUNT" in parts else None,
        )  # fmt: skip
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        record["until"] = record["valid_to"] = f"{until[:4]}-{until[4:6]}-{until[6:8]}"
    return _clean(record)


def activity_service(page, organizations):
    service_id = uid(page.translation_key, "service")
    buurt = page.get_parent().specific
    if page.organisator:
        organization = {"id": uid("organisator", page.organisator.casefold()), "name": page.organisator,
                        "description": page.organisator}  # fmt: skip
    else:
        organization = organizations.setdefault(buurt.pk, buurt_organization(buurt))
    voorziening = page.live_voorziening
    if voorziening is not None:
        place = location(voorziening)
    else:
        place = {"id": uid(page.translation_key, "location"), "location_type": "physical", "name": page.locatie}
    place = {**place, "accessibility": place.get("accessibility", []) + accessibility(page, place["id"])}
    contacts = [{"id": uid(page.translation_key, "contact"), "service_id": service_id, "name": page.contact}]
    return _clean(
        {
            "id": service_id,
            "organization_id": organization["id"],
            "name": page.title,
            "description": "\n\n".join(filter(None, [page.samenvatting, strip_tags(page.omschrijving)])),
            "url": page.get_full_url(),
            "status": "inactive" if page.status == "afgelast" else "active",
            "alert": page.status_reden if page.status == "afgelast" else "",
            "application_process": page.aanmelden,
            "fees_description": page.kosten,
            "eligibility_description": page.doelgroep,
            "last_modified": _modified(page),
            "phones": _phones(page.aanmelden, service_id=service_id),
            "contacts": contacts if page.contact else [],
            "schedules": [activity_schedule(page, service_id)],
            "languages": language_records(spoken_languages(page), service_id=service_id),
            "organization": organization,
            "service_at_locations": [_at_location(service_id, _clean(place))],
        }
    )


def services(language):
    """Every live, public, non-alias voorziening and activiteit of one language, as compiled HSDS services."""
    with translation.override(language):

        def pages(model):
            return (
                model.objects.live()
                .public()
                .filter(locale__language_code=language, alias_of__isnull=True)
                .order_by("path")
            )

        organizations = {}
        found = [voorziening_service(v) for v in pages(VoorzieningPage).prefetch_related("openingstijden")]
        activiteiten = pages(ActiviteitPage).select_related("voorziening").prefetch_related("uitzonderingen")
        found += [activity_service(a, organizations) for a in activiteiten]
        return found


def document(language):
    """The HSDS 3 document of one language: an HSDS API page holding all services."""
    contents = services(language)
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
