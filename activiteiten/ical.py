"""iCalendar (.ics) feeds, built with the `icalendar` library.

One VEVENT per activity with its RRULE; EXDATE for days it does not take place; a single cancelled
time is an extra VEVENT with RECURRENCE-ID and STATUS:CANCELLED; a cancelled activity has
STATUS:CANCELLED. URLs (inside i18n_patterns, so /en/... gives the English pages):

    /agenda/ical/activiteit/<id>.ics   one activity ("Zet in mijn agenda")
    /agenda/ical/buurt/<slug>.ics      all activities of a buurt (subscribe)
    /agenda/ical/categorie/<cat>.ics   all activities of a categorie
    /agenda/ical/alles.ics             the whole site

The buurt and site feeds take the agenda's filters (?categorie=…&dag=…&voor=…&gratis=ja&toegankelijk=ja,
and ?buurt=… on the site feed), so a filtered agenda subscribes to just what it shows.

A feed holds at most AGENDA_FEED_MAX activities (default 1,000): a region with 100,000 activities
would otherwise make a file no calendar app can read, built in minutes. Past that number the feed has
the activities that come first (from the stored occurrences) and says so in its description.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur
from wagtail.models import Locale

from home import params

from .models_occurrence import Occurrence
from .occurrences import exceptions
from .recurrence import AMSTERDAM, days_without_occurrence, normalise_rule, series_end, to_local_naive, usable_rule
from .rrule_text import describe
from .talen import zin as talen_zin
from .vtimezone import amsterdam
from .wording import reden_zin

KEEP_ENDED_DAYS = 30  # activities that ended longer ago are left out of the feeds
PRODID = "-//Zorgzame Buurten//Agenda//NL"


def _local(naive):
    return naive.replace(tzinfo=AMSTERDAM)


def _rrule_for_ical(rule_text):
    """The rule as vRecur; a floating UNTIL is read as local time and written in UTC (RFC 5545)."""
    parts = []
    for part in normalise_rule(rule_text).split(";"):
        name, _sep, value = part.partition("=")
        if name == "UNTIL" and not value.endswith("Z"):
            fmt = "%Y%m%dT%H%M%S" if "T" in value else "%Y%m%d"
            local = datetime.strptime(value, fmt)
            if "T" not in value:
                local = local.replace(hour=23, minute=59, second=59)
            value = _local(local).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        parts.append(f"{name}={value}")
    return vRecur.from_ical(";".join(parts))


def _absolute(request, page):
    return request.build_absolute_uri(page.get_url(request) or "/")


def events_for(page, request, stamp):
    start = to_local_naive(page.start)
    end = to_local_naive(page.eind) if page.eind else None
    url = _absolute(request, page)
    vrij, afgelast = exceptions(page)
    cancelled = page.status == "afgelast"
    gaat_niet_door = _("Gaat niet door")
    prefix = _("Afgelast") + ": " if cancelled else ""
    uid = f"activiteit-{page.translation_key}-{page.locale.language_code}@zorgzame-buurten"
    herhaling = usable_rule(page.herhaling, page.start)
    sentence = describe(herhaling, page.start, page.eind, exdates=vrij, feestdagen=page.niet_op_feestdagen) or ""
    # RFC 5545 has no property for the languages spoken at an event (its LANGUAGE parameter says in which
    # language a text is written), so they go into the description as the sentence the page shows.
    talen = talen_zin(page.talen)
    description = "\n\n".join(t for t in [strip_tags(page.samenvatting), sentence, talen, page.aanmelden, url] if t)
    if cancelled and page.status_reden:
        description = _("Afgelast") + ": " + reden_zin(page.status_reden) + "\n\n" + description
    location = page.place_name() or ""
    v = page.live_voorziening
    if v is not None and v.adres:
        location = f"{location}, {v.adres}, {v.postcode} {v.plaats}".strip(", ")

    master = Event()
    master.add("uid", uid)
    master.add("dtstamp", stamp)
    master.add("summary", prefix + page.title)
    master.add("dtstart", _local(start))
    if end:
        master.add("dtend", _local(end))
    master.add("description", description)
    master.add("location", location)
    master.add("url", url)
    master.add("categories", [page.get_categorie_display()])
    master.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if page.last_published_at:
        master.add("last-modified", page.last_published_at)
    events = [master]
    if herhaling:
        master.add("rrule", _rrule_for_ical(herhaling))
        for day in sorted(vrij):
            master.add("exdate", _local(datetime.combine(day, start.time())))
        # An override only for a day the rule really gives: one for another day would be a new event.
        not_in_rule = set(days_without_occurrence(page.start, page.eind, herhaling, afgelast))
        for day, reden in sorted(afgelast.items()):
            if day in not_in_rule or day in vrij:
                continue
            occ_start = _local(datetime.combine(day, start.time()))
            single = Event()
            single.add("uid", uid)
            single.add("dtstamp", stamp)
            single.add("recurrence-id", occ_start)
            single.add("summary", gaat_niet_door + ": " + page.title)
            single.add("dtstart", occ_start)
            if end:
                single.add("dtend", occ_start + (end - start))
            single.add("description", _cancel_line(reden) + url)
            single.add("location", location)
            single.add("url", url)
            single.add("categories", [page.get_categorie_display()])
            single.add("status", "CANCELLED")
            events.append(single)
    elif start.date() in afgelast and not cancelled:
        master["status"] = "CANCELLED"
        master["summary"] = gaat_niet_door + ": " + page.title
        master["description"] = _cancel_line(afgelast[start.date()]) + description
    return events


def _cancel_line(reden):
    """'Gaat niet door: De zaal is dicht.' and a blank line, or nothing when no reason was given."""
    return _("Gaat niet door") + ": " + reden_zin(reden) + "\n\n" if reden else ""


def _feed_max():
    return getattr(settings, "AGENDA_FEED_MAX", 1000)


def soonest(pages, occurrences, moment):
    """`pages` when there are at most AGENDA_FEED_MAX of them; otherwise the ones whose next time comes
    first, found in the stored `occurrences` (read in the order of the agenda index), with a note."""
    limit = _feed_max()
    if pages.count() <= limit:
        return pages, ""
    chosen = {}  # page id → place (dicts keep their order)
    rows = occurrences.filter(afgelast=False, start__gte=moment).order_by("start", "page_id")
    offset, step = 0, 5 * limit
    while len(chosen) < limit:
        batch = list(rows.values_list("page_id", flat=True)[offset : offset + step])
        for page_id in batch:
            chosen.setdefault(page_id, len(chosen))
        if len(batch) < step:
            break
        offset += step
    chosen = dict(list(chosen.items())[:limit])
    note = _(
        "Dit zijn de %(aantal)s activiteiten die het eerst komen. Kies een buurt voor alle activiteiten van die buurt."
    ) % {"aantal": limit}
    return sorted(pages.filter(pk__in=chosen), key=lambda page: chosen[page.pk]), note


def calendar(pages, name, request, note=""):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    if note:
        cal.add("x-wr-caldesc", note)
    from .agenda import now

    stamp = now()
    cutoff = stamp - timedelta(days=KEEP_ENDED_DAYS)
    # The rule form of the time zone (vtimezone.py): every client keeps 10.00 at 10.00 after a DST change.
    cal.add_component(amsterdam())
    for page in pages:
        ends = series_end(page.start, page.eind, page.herhaling)
        if ends is not None and ends < cutoff:
            continue
        for event in events_for(page, request, stamp):
            cal.add_component(event)
    return cal.to_ical()


def _response(body, filename, attachment=False):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _pages(locale):
    from .models import ActiviteitPage

    return (
        ActiviteitPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("voorziening", "locale")
        .prefetch_related("uitzonderingen")
        .order_by("start", "pk")
    )


def ical_activiteit(request, page_id):
    page_id = params.int_id(page_id)
    page = _pages(Locale.get_active()).filter(pk=page_id).first()
    if page is None:
        from .models import ActiviteitPage

        page = ActiviteitPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("Deze activiteit bestaat niet (meer)."))
    return _response(calendar([page], page.title, request), f"{page.slug}.ics", attachment=True)


def ical_buurt(request, slug):
    from .models import BuurtPage

    locale = Locale.get_active()
    buurt = BuurtPage.objects.live().public().filter(locale=locale, slug=slug).first()
    if buurt is None:
        raise Http404(_("Deze buurt bestaat niet."))
    pages, occurrences, chosen = _filtered(
        request, _pages(locale).child_of(buurt), Occurrence.objects.filter(buurt=buurt)
    )
    pages, note = _capped(pages, occurrences)
    name = _("Agenda %(buurt)s") % {"buurt": buurt.title} + chosen
    return _response(calendar(pages, name, request, note), f"agenda-{slug}.ics")


def _capped(pages, occurrences):
    from .agenda import now

    return soonest(pages, occurrences, now())


def _filtered(request, pages, occurrences, buurt_slugs=None):
    """A subscribed agenda carries the filters of the agenda page it came from (?categorie=…&dag=…):
    the same parse_filters and apply_filters as the page, over the stored occurrences. Wrong values are
    left out, as on the page. Returns (pages, occurrences, the words added to the calendar's name)."""
    from .agenda import apply_filters, now, parse_filters

    chosen = parse_filters(request.GET, buurt_slugs)
    if not chosen.feed_params():
        return pages, occurrences, ""
    chosen.periode = ""  # a feed always runs ahead
    buurt_ids = [buurt_slugs[chosen.buurt]] if chosen.buurt else None
    occurrences = apply_filters(occurrences, chosen, now(), buurt_ids)
    return pages.filter(pk__in=occurrences.values("page_id")), occurrences, " – " + _("jouw keuze")


def ical_categorie(request, categorie):
    from .models import ActiviteitPage

    labels = dict(ActiviteitPage.CATEGORIEEN)
    if categorie not in labels:
        raise Http404(_("Deze categorie bestaat niet."))
    locale = Locale.get_active()
    pages, note = _capped(
        _pages(locale).filter(categorie=categorie), Occurrence.objects.filter(locale=locale, categorie=categorie)
    )
    name = _("Zorgzame Buurten: %(categorie)s") % {"categorie": labels[categorie]}
    return _response(calendar(pages, name, request, note), f"agenda-{categorie}.ics")


def ical_site(request):
    from .models import BuurtPage

    locale = Locale.get_active()
    buurt_slugs = dict(BuurtPage.objects.live().public().filter(locale=locale).values_list("slug", "pk"))
    pages, occurrences, chosen = _filtered(
        request, _pages(locale), Occurrence.objects.filter(locale=locale), buurt_slugs
    )
    pages, note = _capped(pages, occurrences)
    return _response(calendar(pages, _("Zorgzame Buurten") + chosen, request, note), "agenda.ics")
