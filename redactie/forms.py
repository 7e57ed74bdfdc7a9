from django import forms
from django.utils.translation import gettext_lazy as _


class MeldingForm(forms.Form):
    bericht = forms.CharField(
        label=_("Wat klopt er niet?"),
        help_text=_("Bijvoorbeeld: de tijd is veranderd, of het telefoonnummer werkt niet."),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf op wat er niet klopt."),
            "min_length": _("Schrijf iets meer: minstens %(limit_value)d tekens. Je hebt er nu %(show_value)d."),
            "max_length": _("Je bericht is te lang: ten hoogste %(limit_value)d tekens. Je hebt er nu %(show_value)d."),
        },
    )
    contact = forms.CharField(
        label=_("Je telefoon of e-mail (mag leeg)"),
        help_text=_("Alleen als je wilt dat we je terugbellen of mailen."),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Dit is te lang: ten hoogste %(limit_value)d tekens.")},
    )
    # Honeypot: hidden from people (and from screen readers); robots fill it in.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, page_id=None, **kwargs):
        super().__init__(*args, auto_id=f"melding-{page_id}-%s" if page_id else "melding-%s", **kwargs)
        self.fields["bericht"].widget.attrs["autocomplete"] = "off"
        self.fields["contact"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self):
        return bool(self.data.get("website", "").strip())


class ImportForm(forms.Form):
    """The files to import (CSV or Excel). Which ones an editor may use is checked in the view."""

    CSV_OR_EXCEL = forms.FileInput(attrs={"accept": ".csv,.xlsx"})

    voorzieningen = forms.FileField(label=_("Voorzieningen (CSV of Excel)"), required=False, widget=CSV_OR_EXCEL)
    activiteiten = forms.FileField(label=_("Activiteiten (CSV of Excel)"), required=False, widget=CSV_OR_EXCEL)
    woordenlijst = forms.FileField(label=_("Woordenlijst (CSV of Excel)"), required=False, widget=CSV_OR_EXCEL)
    werkboek = forms.FileField(
        label=_("Of: één Excel-bestand met een werkblad per soort"),
        help_text=_("Noem de werkbladen voorzieningen, activiteiten en woordenlijst, zoals in de export."),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".xlsx"}),
    )

    MAX_BYTES = 5 * 1024 * 1024

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in allowed:
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        files = {name: f for name, f in cleaned.items() if f}
        if not files:
            raise forms.ValidationError(_("Kies minstens één bestand (CSV of Excel)."))
        for name, upload in files.items():
            if upload.size > self.MAX_BYTES:
                self.add_error(name, _("Dit bestand is te groot. Het mag ten hoogste 5 MB zijn."))
        return cleaned
