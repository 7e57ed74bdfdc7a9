from functools import lru_cache

from django import template
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from activiteiten.toegankelijkheid import effectieve_items, ja_tags, labels_uit_tags

register = template.Library()


def _time(value):
    from activiteiten.rrule_text import clock

    return clock(value)


# An agenda page shows dozens of occurrences at a handful of times and dates: format each one once.
@lru_cache(maxsize=4096)
def _tijdvak(start, end, language):
    """`start`, `end`: times of day; `end` None when the occurrence does not end later that day."""
    if end is not None:
        return _("%(start)s – %(end)s uur") % {"start": _time(start), "end": _time(end)}
    return _("vanaf %(start)s uur") % {"start": _time(start)}


@lru_cache(maxsize=4096)
def _datum_lang(value, language, this_year):
    from activiteiten.wording import datum

    return datum(value, this_year)


@register.filter
def tijdvak(occurrence):
    """'10.00 – 12.00 uur' (or 'vanaf 10.00 uur')."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end) if occurrence.end else None
    same_day = end is not None and end.date() == start.date() and end > start
    return _tijdvak(start.time(), end.time() if same_day else None, get_language())


@register.filter
def datum_lang(value):
    """'dinsdag 24 november'; with the year when it is not this year: 'dinsdag 4 januari 2028'."""
    from activiteiten.wording import today

    value = timezone.localtime(value) if hasattr(value, "tzinfo") and value.tzinfo else value
    return _datum_lang(value.date() if hasattr(value, "date") else value, get_language(), today().year)


@register.filter
def reden_zin(text):
    """A cancellation reason as a sentence: 'de zaal is dicht' → 'De zaal is dicht.'"""
    from activiteiten.wording import reden_zin as as_sentence

    return as_sentence(text)


@register.simple_tag
def voor_wie(text):
    """'voor wie' in the reader's language (activiteiten/doelgroepen.py); typed Dutch text in <span lang="nl">."""
    from activiteiten.doelgroepen import voor_wie as words_and_language
    from home.templatetags.language_tags import marked

    return marked(*words_and_language(text))


@register.simple_tag
def activiteit_labels(page):
    """[(css modifier, label)] of the words shown next to an activity: "Nieuw", "Gewijzigd: andere tijd of plek"."""
    from activiteiten.agenda import now
    from activiteiten.wording import is_gewijzigd, is_nieuw

    moment = now()
    labels = []
    if is_nieuw(page, moment):
        labels.append(("nieuw", _("Nieuw")))
    if is_gewijzigd(page, moment):
        labels.append(("gewijzigd", _("Gewijzigd: andere tijd of plek")))
    return labels


@register.filter
def wanneer(occurrence):
    """'dinsdag 24 november 2026, 10.00 – 12.00 uur'; multi-day: 'van … tot …'."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end) if occurrence.end else None
    if end and end.date() != start.date():
        return _("van %(start)s %(start_time)s uur tot %(end)s %(end_time)s uur") % {
            "start": datum_lang(start),
            "start_time": _time(start),
            "end": datum_lang(end),
            "end_time": _time(end),
        }
    # Translators: a date and the hours on it: "dinsdag 24 november, 10.00 – 12.00 uur" (Arabic: the Arabic comma).
    return pgettext("herhaling", "%(datum)s, %(tijd)s") % {"datum": datum_lang(start), "tijd": tijdvak(occurrence)}


@register.filter
def toegankelijk_tekst(occurrence):
    """The accessibility items answered "ja" for one time of an activity ("Lift; Ringleiding voor hoortoestel"),
    or "". A stored row carries them (no query per item of a long agenda); a computed time works them out."""
    tags = getattr(occurrence, "toegankelijk", None)
    if tags is None:
        tags = ja_tags(effectieve_items(occurrence.activiteit))
    return "; ".join(labels_uit_tags(tags))


@register.simple_tag(takes_context=True)
def feed_urls(context, path):
    """{"webcal": "webcal://…", "https": "https://…"} for a feed path: the webcal link opens the calendar app
    and subscribes; the plain address is for apps (and people) that want to paste it."""
    address = context["request"].build_absolute_uri(path)
    return {"webcal": "webcal://" + address.split("://", 1)[1], "https": address}
