"""The live preview of the recurrence form: the B1 sentence and the next five dates, as JSON.

An admin-only view (registered in wagtail_hooks.py) that the editor's page calls while they fill in
the form (static/js/recurrence.js). It cleans the same form field and computes with the same code as
the public pages, so Python is the only copy of the rules.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .occurrences import exceptions, next_occurrences
from .recurrence import AMSTERDAM, RecurrenceError, check_date, check_rule_from
from .recurrence_form import RecurrenceField
from .rrule_text import describe
from .templatetags.agenda_tags import wanneer

PREVIEW_DATES = 5  # "the next five dates"
# The most exception days a preview reads (a page with more is still saved; the preview counts these).
PREVIEW_MAX_EXCEPTIONS = 200


def _moment(value):
    """A datetime from the admin's date-time field ("2026-12-01 14:00"), in Europe/Amsterdam, or None."""
    field = forms.DateTimeField(input_formats=["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"])
    try:
        moment = field.clean(value)
    except ValidationError:
        return None
    return moment.astimezone(AMSTERDAM) if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def _dates(values):
    days = []
    for value in values[:PREVIEW_MAX_EXCEPTIONS]:
        try:
            day = parse_date(value)
            if day is not None:
                days.append(check_date(day))
        except (ValueError, RecurrenceError):  # RecurrenceError: out of range; ValueError: 2026-13-45
            continue
    return days


def _error(message):
    return JsonResponse({"zin": "", "data": [], "fout": str(message)})


@login_required
@require_GET
def herhaling_voorbeeld(request):
    from .models import ActiviteitPage, Uitzondering

    params = request.GET
    try:
        rule = RecurrenceField().clean(RecurrenceField.widget().value_from_datadict(params, {}, "herhaling"))
    except ValidationError as exc:
        return _error(" ".join(exc.messages))
    start = _moment(params.get("start", ""))
    if start is None:
        return _error(_("Vul bij ‘begin’ de datum en tijd van de eerste keer in."))
    eind = _moment(params.get("eind", ""))
    try:
        check_date(start)
        check_rule_from(rule, start)
    except RecurrenceError as exc:
        return _error(exc)
    if eind is not None:
        try:
            check_date(eind)
        except RecurrenceError:
            eind = None  # the field says so when saving; the preview goes on without an end time
    if eind is not None and eind < start:
        eind = None
    page = ActiviteitPage(
        start=start, eind=eind, herhaling=rule, niet_op_feestdagen=params.get("niet_op_feestdagen") == "on"
    )
    page.uitzonderingen = [Uitzondering(datum=day, soort="vrij") for day in _dates(params.getlist("vrij"))] + [
        Uitzondering(datum=day, soort="afgelast") for day in _dates(params.getlist("afgelast"))
    ]
    moment = timezone.now()
    vrij, _afgelast = exceptions(page)
    sentence = describe(
        rule, start, eind, exdates=vrij, today=moment.astimezone(AMSTERDAM).date(), feestdagen=page.niet_op_feestdagen
    )
    dates = []
    for occurrence in next_occurrences(page, limit=PREVIEW_DATES, after=moment):
        text = wanneer(occurrence)
        dates.append(text + (" – " + _("gaat niet door") if occurrence.afgelast else ""))
    return JsonResponse(
        {
            "zin": sentence or _("Deze herhaling is niet in één korte zin te zeggen. Bewoners zien de data."),
            "data": dates,
            "fout": "" if dates else _("Er komen geen keren meer: alle data liggen in het verleden."),
        }
    )
