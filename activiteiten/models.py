"""Buurten with their activiteiten and voorzieningen."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage
from redactie.panels import SchrijfhulpPanel

from .models_occurrence import Occurrence  # noqa: F401  (the agenda's occurrence table)
from .models_plaats import ActiviteitToegankelijkheid, PlekToegankelijkheid, Sluitingsperiode  # noqa: F401
from .openingstijden import DAG_CHOICES, Slot, format_time
from .recurrence import (
    RecurrenceError,
    check_rule_from,
    days_without_occurrence,
    to_local_naive,
    validate_date_in_range,
    validate_rrule,
)
from .recurrence_form import DateInput, RecurrenceField
from .talen import MAX_LENGTH as TALEN_MAX_LENGTH
from .talen import TalenWidget, getoond, validate_talen, zoekwoorden
from .toegankelijkheid import ToegankelijkheidPageForm, answers_for
from .wording import date_text
from .zoekvelden import ActiviteitZoekvelden
from .zoekvelden_plek import VoorzieningZoekvelden

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class BuurtPage(BasePage):
    SOORTEN = [("wijk", _("wijk")), ("dorp", _("dorp")), ("kern", _("kern")), ("complex", _("complex"))]

    gemeente = models.CharField(
        _("gemeente"), max_length=100, help_text=_("De gemeente waar de buurt bij hoort, bijvoorbeeld Arnhem.")
    )
    soort = models.CharField(
        _("soort buurt"),
        max_length=20,
        choices=SOORTEN,
        default="wijk",
        help_text=_("Is het een wijk in een stad, een dorp, een kern of een wooncomplex?"),
    )
    intro = models.TextField(_("introductie"), help_text=_("Twee of drie korte zinnen over de buurt."))
    postcodes = models.CharField(
        _("postcodes"),
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(r"^\s*(\d{4}\s*(,\s*\d{4}\s*)*)?$", _("Geef postcodes van 4 cijfers, zoals 6825,6826."))
        ],
        help_text=_("De cijfers van de postcodes in deze buurt, met komma's ertussen. Bijvoorbeeld: 6825,6826"),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("gemeente"), FieldPanel("soort")]),
        FieldPanel("intro"),
        FieldPanel("postcodes"),
        SchrijfhulpPanel(),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("gemeente", boost=2),
        index.SearchField("postcodes"),
        index.AutocompleteField("gemeente"),
        index.FilterField("gemeente"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["activiteiten.ActiviteitPage", "activiteiten.VoorzieningPage"]

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")

    @property
    def naam(self):
        return self.title

    def get_summary(self):
        return self.intro

    def postcode_list(self):
        return [p.strip() for p in self.postcodes.split(",") if p.strip()]

    def get_context(self, request, *args, **kwargs):
        from .agenda import buurt_agenda_context
        from .plekken import PREFETCH, plekken_context

        context = super().get_context(request, *args, **kwargs)
        voorzieningen = list(
            VoorzieningPage.objects.child_of(self).live().public().order_by("title").prefetch_related(*PREFETCH)
        )
        context["voorzieningen"] = voorzieningen
        context.update(plekken_context(request, voorzieningen))
        # Shown near the top: the place residents can call or walk into with any question.
        context["servicepunten"] = [v for v in voorzieningen if v.soort == "servicepunt"]
        context.update(buurt_agenda_context(request, self))
        return context


class BuurtItemPage(BasePage):
    """Shared fields of the pages that live under a buurt."""

    omschrijving = RichTextField(
        _("omschrijving"),
        features=RICH_FEATURES,
        help_text=_("Vertel in korte zinnen wat het is en voor wie. Leg moeilijke woorden uit."),
    )
    toegankelijkheid = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: drempelvrij, lift, invalidentoilet, ringleiding."),
    )

    gecontroleerd_op = models.DateField(
        _("gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("De dag waarop iemand heeft gecontroleerd dat alles op deze pagina nog klopt."),
    )
    # The codes of activiteiten/talen.py, comma-separated ("tr,ar"); the editor ticks boxes.
    talen = models.CharField(
        _("hier spreken ze ook"),
        max_length=TALEN_MAX_LENGTH,
        blank=True,
        default="",
        validators=[validate_talen],
        help_text=_("Vink de talen aan die je hier naast Nederlands kunt spreken. Geen? Laat alles leeg."),
    )

    parent_page_types = ["activiteiten.BuurtPage"]
    subpage_types = []
    # The same in every language version: a translator translates words, not which languages are spoken.
    override_translatable_fields = [SynchronizedField("talen", overridable=False)]

    class Meta:
        abstract = True

    def gesproken_talen(self):
        """The spoken languages as the page shows them, in the reader's language (talen.getoond)."""
        return getoond(self.talen)

    def talen_zoekwoorden(self):
        """The names of the spoken languages in nl, en, tr and ar: what search finds the page by."""
        return zoekwoorden(self.talen)

    def toegankelijkheid_lijst(self):
        """The accessibility answers the page shows (toegankelijkheid.answers_for)."""
        return answers_for(self)


class VoorzieningPage(VoorzieningZoekvelden, BuurtItemPage):
    SOORTEN = [
        ("buurthuis", _("buurthuis")),
        ("servicepunt", _("servicepunt")),
        ("ontmoetingsplek", _("ontmoetingsplek")),
        ("mfc", _("multifunctioneel centrum")),
        ("huisarts", _("huisarts")),
        ("apotheek", _("apotheek")),
        ("wijkteam", _("wijkteam")),
        ("bibliotheek", _("bibliotheek")),
        ("zorglocatie", _("zorglocatie")),
        ("seniorenflat", _("seniorenflat")),
        ("sportaccommodatie", _("sportaccommodatie")),
        ("kerk", _("kerk")),
        ("winkel", _("winkel")),
    ]

    soort = models.CharField(
        _("soort voorziening"),
        max_length=30,
        choices=SOORTEN,
        help_text=_("Wat voor plek is het? Kies wat het beste past."),
    )
    adres = models.CharField(_("adres"), max_length=200, blank=True, help_text=_("Straat en huisnummer."))
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^\d{4}\s?[A-Za-z]{2}$", _("Geef een postcode als 6826 HK."))],
        help_text=_("Bijvoorbeeld: 6826 HK."),
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: Arnhem."))
    routebeschrijving = models.CharField(
        _("zo kom je er"),
        max_length=300,
        blank=True,
        help_text=_(
            "Bijvoorbeeld: bus 7, halte Kerkplein, 2 minuten lopen. Of: ingang via het schoolplein. "
            "Laat het leeg als je het niet zeker weet."
        ),
    )
    telefoon = models.CharField(
        _("telefoon"),
        max_length=30,
        blank=True,
        help_text=_("Het nummer dat bewoners kunnen bellen, bijvoorbeeld 088-5550123."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Het e-mailadres voor vragen van bewoners."))
    website = models.URLField(
        _("website"), blank=True, help_text=_("Begin met https://. Laat leeg als er geen website is.")
    )
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Voor de kaart: een getal met een punt, zoals 51.98412. Weet je het niet? Laat het dan leeg."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Voor de kaart: een getal met een punt, zoals 5.93101. Weet je het niet? Laat het dan leeg."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("soort"),
        FieldPanel("omschrijving"),
        MultiFieldPanel(
            [
                FieldPanel("adres"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("plaats")]),
                FieldPanel("routebeschrijving"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adres"),
        ),
        MultiFieldPanel([FieldPanel("telefoon"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")),
        InlinePanel("openingstijden", heading=_("Openingstijden"), label=_("tijdvak")),
        InlinePanel(
            "sluitingsperiodes",
            heading=_("Dicht op andere dagen dan feestdagen"),
            label=_("periode"),
            help_text=_("Op feestdagen is de plek vanzelf dicht. Vul hier bijvoorbeeld een zomersluiting in."),
        ),
        InlinePanel("toegankelijkheid_items", heading=_("Toegankelijkheid"), label=_("punt")),
        FieldPanel("toegankelijkheid"),
        FieldPanel("talen", widget=TalenWidget),
        SchrijfhulpPanel(),
    ]
    base_form_class = ToegankelijkheidPageForm
    search_fields = BasePage.search_fields + [
        index.SearchField("omschrijving"),
        index.SearchField("soort", boost=2),
        index.SearchField("adres"),
        index.SearchField("plaats"),
        index.SearchField("toegankelijkheid"),
        index.SearchField("talen_zoekwoorden"),
        index.FilterField("soort"),
        *VoorzieningZoekvelden.zoek_velden,
    ]

    class Meta:
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")

    def get_summary(self):
        return self.search_description or strip_tags(self.omschrijving)

    def slots(self):
        return [Slot(o.dag, o.open, o.dicht) for o in self.openingstijden.all()]

    def openingstijden_per_dag(self):
        """[(dagnaam, "09.00 – 12.00 en 13.00 – 17.00 uur" or None)] for all seven days."""
        by_day = {}
        for o in sorted(self.openingstijden.all(), key=lambda o: (o.dag, o.open)):
            by_day.setdefault(o.dag, []).append(f"{format_time(o.open)} – {format_time(o.dicht)}")
        return [(label, by_day.get(day)) for day, label in DAG_CHOICES]

    def get_context(self, request, *args, **kwargs):
        from .occurrences import upcoming_for
        from .open_nu import plek_context

        context = super().get_context(request, *args, **kwargs)
        context["agenda"] = upcoming_for(locale=self.locale, voorziening=self, days=31, limit=20)
        context.update(plek_context(request, self))
        return context


class Openingstijd(Orderable):
    page = ParentalKey(VoorzieningPage, on_delete=models.CASCADE, related_name="openingstijden")
    dag = models.PositiveSmallIntegerField(_("dag"), choices=DAG_CHOICES, help_text=_("De dag van de week."))
    open = models.TimeField(_("open vanaf"), help_text=_("Hoe laat gaat het open? Bijvoorbeeld 09:00."))
    dicht = models.TimeField(_("dicht om"), help_text=_("Hoe laat gaat het dicht? Bijvoorbeeld 17:00."))

    panels = [FieldRowPanel([FieldPanel("dag"), FieldPanel("open"), FieldPanel("dicht")])]

    class Meta(Orderable.Meta):
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def clean(self):
        if self.open and self.dicht and self.dicht <= self.open:
            raise ValidationError({"dicht": _("De sluitingstijd moet na de openingstijd liggen.")})


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
    CATEGORIEEN = [
        ("ontmoeten", _("ontmoeten")),
        ("eten", _("eten")),
        ("bewegen", _("bewegen")),
        ("leren", _("leren")),
        ("hulp-en-advies", _("hulp en advies")),
        ("mantelzorg", _("mantelzorg")),
        ("cultuur", _("cultuur")),
        ("digitaal", _("digitaal")),
        ("gezondheid", _("gezondheid")),
        ("vrijwilligerswerk", _("vrijwilligerswerk")),
    ]
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
        VoorzieningPage,
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
