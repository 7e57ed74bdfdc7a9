"""Which page fields are translated, and which stay the same in every language.

wagtail-localize by default offers every text field for translation: slugs, phone numbers, postcodes and even the
iCalendar rule of an activity would show up in its translation editor and keep a translation "waiting" forever.
Here the translated fields are exactly the texts a reader reads in their own language (the columns of a
translation CSV, `TRANSLATION_FILES`, plus the page's search texts and a cancellation reason); every other field
is synchronised: copied from the Dutch page whenever the translation is updated. The slug is synchronised too, so
the same path works in every language.
"""

from django.apps import apps
from django.db import models
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

# Each translation CSV (docs/talen.md): the page type it holds and which page field each column fills.
# The `slug` column finds the Dutch page; it is not a translation.
TRANSLATION_FILES = {
    "buurten.csv": ("activiteiten.BuurtPage", {"naam": "title", "intro": "intro"}),
    "voorzieningen.csv": (
        "activiteiten.VoorzieningPage",
        {"naam": "title", "omschrijving": "omschrijving", "toegankelijkheid": "toegankelijkheid"},
    ),
    "activiteiten.csv": (
        "activiteiten.ActiviteitPage",
        {
            "titel": "title",
            "locatie": "locatie",
            "samenvatting": "samenvatting",
            "omschrijving": "omschrijving",
            "kosten": "kosten",
            "aanmelden": "aanmelden",
        },
    ),
    "woordenlijst.csv": (
        "woordenlijst.BegripPage",
        {"term": "title", "uitleg": "uitleg", "definitie": "definitie", "synoniemen": "synoniemen"},
    ),
}
# Translated on every page type, though not in the CSV files (an editor translates them in the admin).
PAGE_TEXTS = ["title", "seo_title", "search_description"]
# Translated besides the CSV columns: short texts an editor writes later, translated in the admin.
EXTRA_TEXTS = {
    "activiteiten.ActiviteitPage": ["status_reden"],
    "home.HomePage": ["intro"],
    "woordenlijst.WoordenlijstPage": ["intro"],
}


def translated_fields(label):
    """The names of the fields of this page model (`app.Model`) that are translated."""
    csv_fields = [
        field for model, columns in TRANSLATION_FILES.values() if model == label for field in columns.values()
    ]
    return [*PAGE_TEXTS, *csv_fields, *EXTRA_TEXTS.get(label, [])]


def decide_translatable_fields():
    """Set `translatable_fields` on the portal's page models (called once from HomeConfig.ready).

    Starts from wagtail-localize's own choice, so that a field added later is synchronised without a change
    here, and turns every translatable text field that a reader need not read in their language into a
    synchronised one. Child relations (openingstijden, uitzonderingen) keep wagtail-localize's handling.
    """
    labels = {*(model for model, _columns in TRANSLATION_FILES.values()), *EXTRA_TEXTS}
    # Compute all first: get_translatable_fields() would otherwise find a value set on a parent class.
    decided = {}
    for model in (apps.get_model(label) for label in labels):
        keep = set(translated_fields(model._meta.label))
        fields = []
        for field in get_translatable_fields(model):
            is_text = isinstance(field, TranslatableField) and isinstance(
                model._meta.get_field(field.field_name), models.CharField | models.TextField
            )
            if is_text and field.field_name not in keep:
                field = SynchronizedField(field.field_name)
            fields.append(field)
        decided[model] = fields
    for model, fields in decided.items():
        model.translatable_fields = fields
