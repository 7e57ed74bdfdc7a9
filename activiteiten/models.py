"""Buurten with their activiteiten and voorzieningen."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from home.public import public_pages
from redactie.panels import SchrijfhulpPanel

from .categorieen import VOORZIENING_SOORTEN

# The activity page and the abstract page of places and activities live in modules of their own (each under
# ~400 lines); imported here, so that `activiteiten.models` names every model of the app.
from .models_activiteit import ActiviteitForm, ActiviteitPage, Uitzondering  # noqa: F401
from .models_base import RICH_FEATURES, BuurtItemPage  # noqa: F401
from .models_occurrence import Occurrence  # noqa: F401  (the agenda's occurrence table)
from .models_plaats import ActiviteitToegankelijkheid, PlekToegankelijkheid, Sluitingsperiode  # noqa: F401
from .openingstijden import DAG_CHOICES, Slot, format_time
from .talen import TalenWidget
from .toegankelijkheid import ToegankelijkheidPageForm
from .zoekvelden_plek import VoorzieningZoekvelden


class BuurtPage(BasePage):
    is_buurt = True  # BasePage.zoek_buurt_pad: the path of its own buurt is its own
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
            public_pages(VoorzieningPage.objects.child_of(self).live()).order_by("title").prefetch_related(*PREFETCH)
        )
        context["voorzieningen"] = voorzieningen
        context.update(plekken_context(request, voorzieningen))
        # Shown near the top: the place residents can call or walk into with any question.
        context["servicepunten"] = [v for v in voorzieningen if v.soort == "servicepunt"]
        context.update(buurt_agenda_context(request, self))
        return context


class VoorzieningPage(VoorzieningZoekvelden, BuurtItemPage):
    SOORTEN = VOORZIENING_SOORTEN

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
