"""The activity page: what happens in a buurt, when (a first time and a recurrence rule), where, and for whom."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from redactie.panels import SchrijfhulpPanel

from .categorieen import CATEGORIEEN
from .models_base import BuurtItemPage
from .recurrence import (
    RecurrenceError,
    check_rule_from,
    days_without_occurrence,
    to_local_naive,
    validate_date_in_range,
    validate_rrule,
)
from .recurrence_form import DateInput, RecurrenceField
from .talen import TalenWidget
from .toegankelijkheid import ToegankelijkheidPageForm
from .wording import date_text
from .zoekvelden import ActiviteitZoekvelden


class ActiviteitForm(ToegankelijkheidPageForm):
    herhaling = RecurrenceField(
        label=capfirst(_("herhaling")),
        help_text=_(
            "Hoe vaak is de activiteit? De eerste keer en de tijden staan bij ‘begin’ en ‘einde’. "
            "Hieronder zie je de zin die bewoners lezen en de volgende vijf keren."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.start:
            self.fields["herhaling"].widget.first_weekday = to_local_naive(self.instance.start).weekday()
        for name in ("start", "eind"):
            # Checked with the field, before clean() computes anything with the dates.
            self.fields[name].validators.append(validate_date_in_range)

    def clean(self):
        cleaned = super().clean()
        voorziening = cleaned.get("voorziening")
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if voorziening and parent and voorziening.get_parent().pk != parent.pk:
            self.add_error("voorziening", _("Kies een voorziening in dezelfde buurt als deze activiteit."))
        self._check_herhaling(cleaned)
        self._check_uitzonderingen(cleaned)
        return cleaned

    def _check_herhaling(self, cleaned):
        """What the rule gives from this first time (its end date, a first date within reach)."""
        rule, start = cleaned.get("herhaling"), cleaned.get("start")
        if "herhaling" not in self.errors:
            try:
                check_rule_from(rule, start)
            except RecurrenceError as exc:
                self.add_error("herhaling", str(exc))

    def _check_uitzonderingen(self, cleaned):
        """An exception ("gaat niet door op …") must fall on a day the activity takes place."""
        formset = self.formsets.get("uitzonderingen")
        start = cleaned.get("start")
        if formset is None or not start or "herhaling" in self.errors or not formset.is_valid():
            return
        days = [
            form.cleaned_data["datum"]
            for form in formset.forms
            if form.cleaned_data.get("datum") and not form.cleaned_data.get("DELETE")
        ]
        for day in days_without_occurrence(start, cleaned.get("eind"), cleaned.get("herhaling", ""), days):
            self.add_error(
                None,
                _(
                    "Uitzonderingen: op %(datum)s is er geen activiteit volgens het begin en de herhaling. "
                    "Kies een dag waarop de activiteit is, of pas de herhaling aan."
                )
                % {"datum": date_text(day, weekday=True, year=True)},
            )


class ActiviteitPage(ActiviteitZoekvelden, BuurtItemPage):
    CATEGORIEEN = CATEGORIEEN  # activiteiten/categorieen.py
    STATUSSEN = [("gepland", _("gaat door")), ("afgelast", _("afgelast"))]

    categorie = models.CharField(
        _("categorie"),
        max_length=30,
        choices=CATEGORIEEN,
        help_text=_("Kies wat het beste past. Bewoners zoeken hierop in de agenda."),
    )
    doelgroep = models.CharField(
        _("voor wie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: ouderen, iedereen, mantelzorgers.")
    )
    samenvatting = models.TextField(
        _("samenvatting"), max_length=300, help_text=_("Eén korte zin. Die staat in de agenda en bij zoeken.")
    )
    start = models.DateTimeField(
        _("begin"), validators=[validate_date_in_range], help_text=_("Datum en tijd van de (eerste) keer.")
    )
    eind = models.DateTimeField(
        _("einde"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=_("Datum en tijd waarop het (de eerste keer) afloopt. Mag leeg blijven."),
    )
    herhaling = models.CharField(
        _("herhaling"),
        max_length=255,
        blank=True,
        validators=[validate_rrule],
        help_text=_(
            "Leeg als het één keer is. Anders een iCalendar-regel, bijvoorbeeld FREQ=WEEKLY;BYDAY=TU "
            "(elke dinsdag) of FREQ=MONTHLY;BYDAY=2WE (elke 2e woensdag)."
        ),
    )
    niet_op_feestdagen = models.BooleanField(
        _("niet op feestdagen"),
        default=False,
        help_text=_(
            "Vink aan als het niet doorgaat op feestdagen, zoals Pasen, Koningsdag, Hemelvaartsdag, "
            "Pinksteren en Kerstmis. Die dagen vallen dan vanzelf weg uit de agenda."
        ),
    )
    voorziening = models.ForeignKey(
        "activiteiten.VoorzieningPage",
        verbose_name=_("plek (voorziening)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activiteiten",
        help_text=_("Kies een voorziening in dezelfde buurt. Of vul hieronder een andere plek in."),
    )
    locatie = models.CharField(
        _("locatie"),
        max_length=200,
        blank=True,
        help_text=_("De zaal of ruimte. Verplicht als je geen voorziening kiest."),
    )
    kosten = models.CharField(_("kosten"), max_length=120, blank=True, help_text=_("Bijvoorbeeld: gratis, € 3,50."))
    aanmelden = models.CharField(
        _("aanmelden"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: niet nodig, bel 088-5550123.")
    )
    contact = models.CharField(
        _("contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("De naam van iemand aan wie bewoners iets kunnen vragen."),
    )
    organisator = models.CharField(
        _("organisator"),
        max_length=200,
        blank=True,
        help_text=_("Wie organiseert het? Bijvoorbeeld een vereniging of een welzijnsorganisatie."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=STATUSSEN,
        default="gepland",
        help_text=_(
            "Kies ‘afgelast’ als de hele activiteit niet meer doorgaat. Eén keer afgelast? Gebruik dan een uitzondering."
        ),
    )
    status_reden = models.CharField(
        _("reden van afgelasten"),
        max_length=200,
        blank=True,
        help_text=_("Eén korte zin, bijvoorbeeld: de zaal is dicht."),
    )

    base_form_class = ActiviteitForm
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("categorie"), FieldPanel("doelgroep")]),
        FieldPanel("samenvatting"),
        FieldPanel("omschrijving"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("eind")]),
                FieldPanel("herhaling"),
                FieldPanel("niet_op_feestdagen"),
            ],
            heading=_("Wanneer"),
        ),
        InlinePanel("uitzonderingen", heading=_("Gaat niet door op"), label=_("dag")),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_reden")], heading=_("Gaat het door?")),
        MultiFieldPanel(
            [PageChooserPanel("voorziening", "activiteiten.VoorzieningPage"), FieldPanel("locatie")],
            heading=_("Waar"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kosten"), FieldPanel("aanmelden")]),
                FieldRowPanel([FieldPanel("contact"), FieldPanel("organisator")]),
                FieldPanel("toegankelijkheid"),
                FieldPanel("talen", widget=TalenWidget),
            ],
            heading=_("Praktisch"),
        ),
        InlinePanel(
            "toegankelijkheid_items",
            heading=_("Toegankelijkheid"),
            label=_("punt"),
            help_text=_(
                "Alleen wat anders is dan bij de plek. Bijvoorbeeld: de activiteit is boven en er is geen lift."
            ),
        ),
        FieldPanel("toegankelijkheid"),
        SchrijfhulpPanel(),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("samenvatting", boost=2),
        index.SearchField("omschrijving"),
        index.SearchField("categorie", boost=2),
        index.SearchField("doelgroep"),
        index.SearchField("locatie"),
        index.SearchField("organisator"),
        index.SearchField("talen_zoekwoorden"),
        index.FilterField("categorie"),
        index.FilterField("start"),
        index.FilterField("herhaling"),
        *ActiviteitZoekvelden.zoek_velden,
    ]

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def get_summary(self):
        return self.samenvatting

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.eind and self.eind < self.start:
            errors["eind"] = _("Het einde moet na het begin liggen.")
        if not self.voorziening_id and not (self.locatie or "").strip():
            errors["locatie"] = _("Kies een voorziening of vul een locatie in.")
        try:
            check_rule_from(self.herhaling, self.start)
        except RecurrenceError as exc:
            errors["herhaling"] = str(exc)
        if errors:
            raise ValidationError(errors)

    @property
    def is_recurring(self):
        return bool(self.herhaling)

    def place_name(self):
        voorziening = self.live_voorziening
        if voorziening is not None:
            return f"{voorziening.title}, {self.locatie}" if self.locatie else voorziening.title
        return self.locatie

    def next_occurrences(self, limit=5):
        from .occurrences import next_occurrences

        return next_occurrences(self, limit=limit)

    def is_over(self):
        from .occurrences import next_occurrences

        return not next_occurrences(self, limit=1, after=timezone.now())

    def get_context(self, request, *args, **kwargs):
        from .agenda import activiteit_context

        context = super().get_context(request, *args, **kwargs)
        context.update(activiteit_context(request, self))
        return context

    @property
    def live_voorziening(self):
        """The linked voorziening only when it is live: every public page, feed and search result uses this,
        so that the name and address of a draft or unpublished place never show."""
        voorziening = self.voorziening if self.voorziening_id else None
        return voorziening if voorziening is not None and voorziening.live else None

    # Set by the page_published signal (signals.py) when a publish changed the time or the place; shown as
    # "Gewijzigd" for wording.GEWIJZIGD_DAYS. Not an editor's field and not part of a revision's content.
    tijd_of_plek_gewijzigd_op = models.DateTimeField(
        _("tijd of plek gewijzigd op"), null=True, blank=True, editable=False
    )

    def with_content_json(self, content):
        """Publishing a revision keeps the stored moment of the last change of time or place (the revision
        was saved before that moment was known)."""
        page = super().with_content_json(content)
        page.tijd_of_plek_gewijzigd_op = self.tijd_of_plek_gewijzigd_op
        return page


class Uitzondering(Orderable):
    """A day on which a (recurring) activity does not take place."""

    SOORTEN = [
        ("vrij", _("gaat niet door (van tevoren bekend, bijvoorbeeld een feestdag)")),
        ("afgelast", _("afgelast (op het laatste moment)")),
    ]
    page = ParentalKey(ActiviteitPage, on_delete=models.CASCADE, related_name="uitzonderingen")
    datum = models.DateField(
        _("datum"), validators=[validate_date_in_range], help_text=_("De dag waarop het niet doorgaat.")
    )
    soort = models.CharField(
        _("soort"),
        max_length=20,
        choices=SOORTEN,
        default="vrij",
        help_text=_("Was het van tevoren bekend? Of is het op het laatste moment afgelast?"),
    )
    reden = models.CharField(_("reden"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: kerstvakantie."))

    panels = [FieldRowPanel([FieldPanel("datum", widget=DateInput()), FieldPanel("soort"), FieldPanel("reden")])]

    class Meta(Orderable.Meta):
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
