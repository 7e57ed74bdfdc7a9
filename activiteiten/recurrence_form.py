"""The "herhaling" of an activity as a form editors understand; stored as an RRULE.

    Eén keer                         -> ""
    Elke dag                         -> FREQ=DAILY
    Elke week op maandag en donderdag-> FREQ=WEEKLY;BYDAY=MO,TH
    Om de 2 weken op woensdag        -> FREQ=WEEKLY;INTERVAL=2;BYDAY=WE
    Eén keer per maand, de laatste vrijdag -> FREQ=MONTHLY;BYDAY=-1FR
    ... tot en met 25 september 2027 -> ;UNTIL=20270925T235959

The first day and the times are the "begin" and "einde" fields. A stored rule this form cannot show
(COUNT, BYMONTHDAY=1,15, an INTERVAL on a monthly rule, ...) stays editable as text, with a warning.
What a rule may be is decided in recurrence.py (the one place); this module only translates.
"""

import copy
import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .recurrence import DAY_CODES, MAX_INTERVAL, RecurrenceError, check_date, normalise_rule, rule_parts, validate_rrule

PATRONEN = [
    ("eenmalig", _("Eén keer")),
    ("dagelijks", _("Elke dag")),
    ("wekelijks", _("Elke week")),
    ("weken", _("Om de paar weken")),
    ("maandelijks", _("Eén keer per maand")),
    ("tekst", _("Een regel als tekst")),
]
DAGEN = list(
    zip(
        DAY_CODES,
        [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"), _("zaterdag"), _("zondag")],
        strict=True,
    )
)
NUMMERS = [("1", _("1e")), ("2", _("2e")), ("3", _("3e")), ("4", _("4e")), ("-1", _("laatste"))]
# The stored end of a series: the whole last day counts (local time, as the rule is read in local time).
UNTIL_TIME = "T235959"
MONTHLY_DAY_RE = re.compile(r"^(?P<nummer>-1|\+?[1-4])(?P<dag>MO|TU|WE|TH|FR|SA|SU)$")
# The order of the parts in the form (and of the values of the field and the widget).
PARTS = ("patroon", "dagen", "interval", "nummer", "weekdag", "tot", "tekst")
DEFAULTS = {"patroon": "eenmalig", "dagen": [], "interval": 2, "nummer": "1", "weekdag": "MO", "tot": None, "tekst": ""}


def form_values(rule_text, first_weekday=None):
    """The form's values (a dict over PARTS) for a stored rule, or None when the form cannot show it.

    `first_weekday` (0 = Monday) is the weekday of the first time: a weekly rule without BYDAY
    repeats on that day.
    """
    values = dict(DEFAULTS)
    rule = normalise_rule(rule_text)
    if not rule:
        return values
    parts = rule_parts(rule)
    freq, until = parts.pop("FREQ", ""), parts.pop("UNTIL", None)
    interval, byday = parts.pop("INTERVAL", "1"), parts.pop("BYDAY", None)
    if parts.get("WKST") == "MO":
        del parts["WKST"]
    if parts or not (interval.isascii() and interval.isdigit()):
        return None  # COUNT, BYMONTHDAY, BYSETPOS, ...: only as text
    if until is not None:
        if not (len(until) == 15 and until.endswith(UNTIL_TIME) and until[:8].isdigit()):
            return None
        try:
            values["tot"] = date(int(until[:4]), int(until[4:6]), int(until[6:8]))
        except ValueError:
            return None
    interval = int(interval)
    if freq == "DAILY" and byday is None and interval == 1:
        values["patroon"] = "dagelijks"
    elif freq == "WEEKLY":
        if byday is None:
            byday = DAY_CODES[first_weekday] if first_weekday is not None else ""
        days = byday.split(",")
        if not all(day in DAY_CODES for day in days):
            return None
        values.update(patroon="wekelijks" if interval == 1 else "weken", dagen=days)
        if interval > 1:
            values["interval"] = interval
    elif freq == "MONTHLY" and interval == 1 and byday and MONTHLY_DAY_RE.match(byday):
        match = MONTHLY_DAY_RE.match(byday)
        values.update(patroon="maandelijks", nummer=match["nummer"].lstrip("+"), weekdag=match["dag"])
    else:
        return None
    return values


def rule_from_values(values):
    """The RRULE text for the form's values (a dict over PARTS). Raises ValidationError naming what is missing."""
    patroon = values.get("patroon") or "eenmalig"
    if patroon == "eenmalig":
        return ""
    if patroon == "tekst":
        rule = normalise_rule(values.get("tekst"))
        if not rule:
            raise ValidationError(_("Vul de regel in, of kies hierboven hoe vaak het is."), code="leeg")
        return rule
    if patroon == "dagelijks":
        rule = "FREQ=DAILY"
    elif patroon in ("wekelijks", "weken"):
        days = [code for code in DAY_CODES if code in (values.get("dagen") or [])]
        if not days:
            raise ValidationError(_("Kies op welke dag of dagen van de week het is."), code="geen_dag")
        rule = "FREQ=WEEKLY"
        if patroon == "weken":
            interval = values.get("interval")
            if not interval:
                raise ValidationError(_("Vul in om de hoeveel weken het is, bijvoorbeeld 2."), code="geen_interval")
            if interval > 1:
                rule += f";INTERVAL={interval}"
        rule += ";BYDAY=" + ",".join(days)
    elif patroon == "maandelijks":
        rule = f"FREQ=MONTHLY;BYDAY={values.get('nummer') or '1'}{values.get('weekdag') or 'MO'}"
    else:
        raise ValidationError(_("Kies hoe vaak het is."), code="onbekend")
    until = values.get("tot")
    if until:
        try:
            check_date(until, label=_("De datum bij ‘tot en met’"))
        except RecurrenceError as exc:
            raise ValidationError(str(exc), code="datum") from exc
        rule += f";UNTIL={until:%Y%m%d}{UNTIL_TIME}"
    return rule


class DateInput(forms.DateInput):
    """The browser's own date picker (a calendar), in the ISO format Django reads back."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RecurrenceWidget(forms.MultiWidget):
    template_name = "activiteiten/widgets/herhaling.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        widgets = {
            "patroon": forms.RadioSelect(choices=PATRONEN),
            "dagen": forms.CheckboxSelectMultiple(choices=DAGEN),
            "interval": forms.NumberInput(attrs={"min": 2, "max": MAX_INTERVAL, "class": "herhaling-getal"}),
            "nummer": forms.Select(choices=NUMMERS),
            "weekdag": forms.Select(choices=DAGEN),
            "tot": DateInput(),
            "tekst": forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
        }
        super().__init__(widgets, attrs)
        self.first_weekday = None  # set by the form: the weekday of the first time

    class Media:
        js = ["js/recurrence.js"]
        css = {"all": ["css/recurrence-admin.css"]}

    def decompress(self, value):
        values = form_values(value, self.first_weekday)
        if values is None:
            values = dict(DEFAULTS, patroon="tekst", tekst=normalise_rule(value))
        return [values[part] for part in PARTS]

    def value_from_datadict(self, data, files, name):
        if f"{name}_patroon" not in data and name in data:
            return data[name]  # the rule posted as one text value (scripts, tests): read as text
        return super().value_from_datadict(data, files, name)

    def id_for_label(self, id_):
        return ""  # a fieldset with its own legends

    def render(self, name, value, attrs=None, renderer=None):
        """Each part rendered by its own Django widget, placed by the project's template."""
        values = value if isinstance(value, list) else self.decompress(value)
        values = dict(zip(PARTS, values, strict=False))
        base_id = self.build_attrs(self.attrs, attrs).get("id") or f"id_{name}"
        as_text = values.get("patroon") == "tekst"
        parts, ids = {}, {}
        for part, widget in zip(PARTS, self.widgets, strict=True):
            if part == "patroon" and not as_text:
                widget = copy.copy(widget)
                widget.choices = [choice for choice in PATRONEN if choice[0] != "tekst"]
            ids[part] = f"{base_id}_{part}"
            parts[part] = widget.render(f"{name}_{part}", values.get(part), {"id": ids[part]}, renderer)
        context = {
            "parts": parts,
            "ids": ids,
            "as_text": as_text,
            "voorbeeld_url": reverse("activiteiten_herhaling_voorbeeld"),
            "name": name,
        }
        return render_to_string(self.template_name, context)


class RecurrenceField(forms.MultiValueField):
    """Cleans the form's parts into the RRULE text that is stored ("" for once)."""

    widget = RecurrenceWidget

    def __init__(self, **kwargs):
        fields = (
            forms.ChoiceField(choices=PATRONEN, required=False),
            forms.MultipleChoiceField(choices=DAGEN, required=False),
            forms.IntegerField(min_value=1, max_value=MAX_INTERVAL, required=False),
            forms.ChoiceField(choices=NUMMERS, required=False),
            forms.ChoiceField(choices=DAGEN, required=False),
            forms.DateField(required=False, input_formats=["%Y-%m-%d"]),
            forms.CharField(required=False, max_length=255),
        )
        kwargs.setdefault("required", False)
        super().__init__(fields, require_all_fields=False, **kwargs)
        self.validators.append(validate_rrule)

    def compress(self, data_list):
        return rule_from_values(dict(zip(PARTS, data_list or [], strict=False)))

    def clean(self, value):
        if isinstance(value, str):  # a rule as text (the preview, a test posting the stored value)
            value = self.widget.decompress(value)
        return super().clean(value)
