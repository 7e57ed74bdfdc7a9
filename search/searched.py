"""Which pages a search answers with: one rule for the engine's filter and the in-memory picture.

A reader of one language gets the live, public pages of that language, and the Dutch page where their
language has no live copy of it: the page the site shows at that address (Wagtail's `localized`), so no
page is found twice, once in Dutch and once in the reader's language. `in_language` is that rule;
docindex.DocIndex.live (the picture) and `searched_pages` (the engine's filter, engine_request.py) use it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Locale, Page

# The page types a search answers with, by the names the results use (docindex.Doc.type).
TYPE_MODELS = {
    "begrip": "woordenlijst.BegripPage",
    "activiteit": "activiteiten.ActiviteitPage",
    "voorziening": "activiteiten.VoorzieningPage",
    "buurt": "activiteiten.BuurtPage",
}


def content_type_ids(types):
    """The content type ids of these TYPE_MODELS names. ContentType's own cache keeps them per process:
    content types change only with a migration, which every process starts after."""
    return [ContentType.objects.get_by_natural_key(*TYPE_MODELS[t].lower().split(".")).pk for t in types]


def in_language(pages, locale):
    """`pages` (live pages of any model) as a reader of `locale` gets them (module docstring). The keys
    of the copies are a list, not a subquery: the engine's filter is built from values."""
    default = Locale.get_default()
    if locale.pk == default.pk:
        return pages.filter(locale=default)
    copies = Page.objects.live().public().filter(locale=locale).values_list("translation_key", flat=True)
    return pages.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=list(copies))))


def narrowed(pages, buurt=None, type=""):
    """`pages` of one buurt (a buurt Doc: its pages and the glossary, which belongs to every buurt) and of
    one type of TYPE_MODELS; None and "" keep all."""
    if buurt is not None:
        pages = pages.filter(Q(path__startswith=buurt.path) | Q(content_type__in=content_type_ids(["begrip"])))
    if type:
        pages = pages.filter(content_type__in=content_type_ids([type]))
    return pages


def searched_pages(locale, buurt=None, type=""):
    """The pages a search in `locale` answers with, as a queryset the engine turns into its filter: the
    four types of TYPE_MODELS in_language, `narrowed` to the buurt and type the resident chose."""
    pages = Page.objects.live().public().filter(content_type__in=content_type_ids(TYPE_MODELS))
    return narrowed(in_language(pages, locale), buurt, type).only("id")
