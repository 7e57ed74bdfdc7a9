"""The site root and the base page every public page type shares."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from search.page_texts import RankingText, snippet_text, summary_text, title_text

# "Deze week" on the home page: the first WEEK_ITEMS occurrences of the next WEEK_DAYS days that have not
# ended (a phone shows them first; more are one tap away in the agenda).
WEEK_DAYS = 7
WEEK_ITEMS = 8


class BasePage(Page):
    """Shared behaviour of all public pages: summary for lists and search, the buurt it belongs to."""

    show_in_menus_default = False
    is_buurt = False  # BuurtPage: True
    # What the page is, in the texts that name it and in its own summary texts: the engine ranks on
    # them (search/page_texts.py).
    # And the path of the buurt it is shown under, a keyword: the engine counts the answers per buurt with
    # it (search/engine_request.py, a `terms` aggregation; 512 prefix filters cost 110–170 ms a search at
    # 100,000 activities, this 10–20 ms).
    search_fields = Page.search_fields + [
        RankingText("zoek_titel"),
        RankingText("zoek_kern"),
        index.FilterField("zoek_buurt_pad", es_extra={"type": "keyword"}),
        # The text a search result shows a piece of, for the engine's highlights (search/engine_request.py);
        # its offsets are stored, so that the highlighter does not analyse the text again for each search.
        RankingText("zoek_fragment", es_extra={"index_options": "offsets"}),
    ]

    class Meta:
        abstract = True

    def zoek_titel(self):
        return title_text(self)

    def zoek_buurt_pad(self):
        """The tree path of the buurt this page is shown under: a buurt's own, else its parent's (a buurt's
        places and activities are its children, BuurtPage.subpage_types). For other pages the parent is no
        buurt, and the count per buurt leaves the path out. (Not overridden in BuurtPage: modelsearch would
        then name the field after BuurtPage, and the count would miss the buurt pages.)"""
        return self.path if self.is_buurt else self.path[: -self.steplen]

    def zoek_kern(self):
        return summary_text(self)

    def zoek_fragment(self):
        return snippet_text(self)

    def get_summary(self):
        """A short plain text for lists, search results and the meta description."""
        return self.search_description or ""

    def get_snippet(self, length=30):
        return Truncator(strip_tags(self.get_summary())).words(length)

    def get_buurt(self):
        """The BuurtPage this page belongs to, or None."""
        from activiteiten.models import BuurtPage

        if isinstance(self, BuurtPage):
            return self
        return BuurtPage.objects.ancestor_of(self).first()

    def get_meta_description(self):
        return self.search_description or self.get_snippet(40)

    def get_admin_display_title(self):
        """The admin's title of this page; in another buurt's page chooser, the live title (see
        ``redactie.wagtail_hooks.chooser_shows_only_what_the_editor_may_see``), never a draft title."""
        return getattr(self, "chooser_title", None) or super().get_admin_display_title()


class HomePage(BasePage):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Twee of drie korte zinnen. Wat vind je op deze website?"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["activiteiten.BuurtPage", "woordenlijst.WoordenlijstPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def get_summary(self):
        return strip_tags(self.intro)

    def get_context(self, request, *args, **kwargs):
        from activiteiten.models import BuurtPage
        from activiteiten.occurrences import upcoming_for
        from woordenlijst.models import WoordenlijstPage

        context = super().get_context(request, *args, **kwargs)
        locale = Locale.get_active()
        buurten = BuurtPage.objects.live().public().filter(locale=locale).order_by("title")
        context["buurten"] = buurten
        context["highlights"] = upcoming_for(locale=locale, days=WEEK_DAYS, limit=WEEK_ITEMS)
        context["woordenlijst"] = WoordenlijstPage.objects.live().filter(locale=locale).first()
        return context
