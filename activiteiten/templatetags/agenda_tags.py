from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


def _time(value):
    from activiteiten.rrule_text import clock

    return clock(value)


@register.filter
def tijdvak(occurrence):
    """'10.00 – 12.00 uur' (or 'vanaf 10.00 uur')."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end) if occurrence.end else None
    if end and end.date() == start.date() and end > start:
        return _("%(start)s – %(end)s uur") % {"start": _time(start), "end": _time(end)}
    return _("vanaf %(start)s uur") % {"start": _time(start)}


@register.filter
def datum_lang(value):
    """'dinsdag 24 november 2026'."""
    value = timezone.localtime(value) if hasattr(value, "tzinfo") and value.tzinfo else value
    return formats.date_format(value, "l j F Y")


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
    return f"{datum_lang(start)}, {tijdvak(occurrence)}"
