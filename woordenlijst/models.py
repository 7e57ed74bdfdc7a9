"""The glossary "Gemeenschappelijke taal": terms and abbreviations of wonen, welzijn, zorg and gemeente."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage

from . import alfabet

DOMEINEN = [
    ("wonen", _("wonen")),
    ("welzijn", _("welzijn")),
    ("zorg", _("zorg")),
    ("gemeente", _("gemeente")),
    ("algemeen", _("algemeen")),
]


class WoordenlijstPage(RoutablePageMixin, BasePage):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Een paar zinnen over de woordenlijst."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["woordenlijst.BegripPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("woordenlijst")
        verbose_name_plural = _("woordenlijsten")

    def get_summary(self):
        from django.utils.html import strip_tags

        return strip_tags(self.intro)

    def letter_groups(self):
        """[(letter, [entry, …])] in the order of the page language's alphabet (alfabet.py). An abbreviation is
        listed under its own letter too."""
        begrippen = BegripPage.objects.child_of(self).live().public()
        entries = []
        for begrip in begrippen:
            entries.append({"label": begrip.title, "begrip": begrip, "is_afkorting": False})
            if begrip.afkorting and begrip.afkorting.casefold() != begrip.title.casefold():
                entries.append({"label": begrip.afkorting, "begrip": begrip, "is_afkorting": True})
        language = self.locale.language_code
        entries.sort(key=lambda e: alfabet.sort_key(e["label"], language))
        letters = {}
        for entry in entries:
            letters.setdefault(alfabet.index_letter(entry["label"], language), []).append(entry)
        return sorted(letters.items(), key=lambda group: alfabet.group_order(group[0], language))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = self.letter_groups()
        present = {letter for letter, _entries in groups}
        context["groups"] = groups
        context["alphabet"] = alfabet.navigation(present, self.locale.language_code)
        return context

    @route("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @route("boekje/", name="boekje")
    def boekje(self, request):
        """The booklet "Gemeenschappelijke taal" on A4 (see booklet.py)."""
        from .booklet import booklet

        return booklet(self, request)

    @route("boekje/pdf/", name="boekje_pdf")
    def boekje_pdf(self, request):
        from .booklet import booklet_pdf

        return booklet_pdf(self, request)


class BegripPage(BasePage):
    afkorting = models.CharField(
        _("afkorting"), max_length=40, blank=True, help_text=_("Bijvoorbeeld Wmo of VVT. Laat leeg als er geen is.")
    )
    domein = models.CharField(
        _("domein"),
        max_length=20,
        choices=DOMEINEN,
        default="algemeen",
        help_text=_("Bij welk gebied hoort dit woord? Wonen, welzijn, zorg, gemeente of algemeen."),
    )
    uitleg = models.TextField(
        _("uitleg"),
        help_text=_("Uitleg voor bewoners in gewone woorden. Korte zinnen, één gedachte per zin."),
    )
    definitie = models.TextField(_("definitie"), blank=True, help_text=_("De precieze, vakinhoudelijke omschrijving."))
    synoniemen = models.CharField(
        _("andere woorden"),
        max_length=500,
        blank=True,
        help_text=_("Woorden die bewoners misschien gebruiken, met komma's ertussen."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("afkorting"), FieldPanel("domein")]),
        FieldPanel("uitleg"),
        FieldPanel("definitie"),
        FieldPanel("synoniemen"),
        InlinePanel("zie_ook_links", heading=_("Zie ook"), label=_("verwant begrip")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("afkorting", boost=5),
        index.SearchField("uitleg", boost=2),
        index.SearchField("definitie"),
        index.SearchField("synoniemen", boost=3),
        index.SearchField("zie_ook_zoekwoorden"),
        index.AutocompleteField("afkorting"),
        index.FilterField("domein"),
    ]
    parent_page_types = ["woordenlijst.WoordenlijstPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")

    @property
    def term(self):
        return self.title

    def get_summary(self):
        return self.uitleg

    def synoniem_list(self):
        return [s.strip() for s in self.synoniemen.split(",") if s.strip()]

    def _related(self):
        """The live, public terms in this page's language linked under ‘zie ook’ in either direction:
        the links set here and the terms that point here (a queryset, not yet run)."""
        forward = [link.doel_id for link in self.zie_ook_links.all() if link.doel_id]
        backward = BegripZieOok.objects.filter(doel__translation_key=self.translation_key).values("page_id")
        keys = BegripPage.objects.filter(Q(pk__in=forward) | Q(pk__in=backward)).values("translation_key")
        return BegripPage.objects.live().public().filter(translation_key__in=keys, locale_id=self.locale_id)

    def related_terms(self):
        """Zie-ook links in both directions, by title."""
        return sorted(self._related(), key=lambda p: p.title.casefold())

    def zie_ook_zoekwoorden(self):
        """The terms linked under ‘zie ook’ (both ways) as search words, at the weight of body text: the
        editors' links make "wat betekent VVT" also find wijkverpleging (issue 12; search/signals.py
        re-indexes the linked terms when a term is published). Only the two columns it shows are read:
        every save of a term and of its copies in the other languages indexes it again."""
        rows = self._related().order_by("title").values_list("title", "afkorting")
        return " ".join(f"{title} {afkorting}".strip() for title, afkorting in rows)


class BegripZieOok(Orderable):
    page = ParentalKey(BegripPage, on_delete=models.CASCADE, related_name="zie_ook_links")
    doel = models.ForeignKey(
        BegripPage,
        verbose_name=_("begrip"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Een ander woord uit de woordenlijst dat hierbij past."),
    )

    panels = [PageChooserPanel("doel", "woordenlijst.BegripPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("zie ook")
        verbose_name_plural = _("zie ook")
