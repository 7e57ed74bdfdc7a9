"""Every field a communitymanager fills in has a short help text in plain Dutch."""

import re

from django.apps import apps

EDITOR_MODELS = [
    ("home", "HomePage"),
    ("activiteiten", "BuurtPage"),
    ("activiteiten", "VoorzieningPage"),
    ("activiteiten", "Openingstijd"),
    ("activiteiten", "ActiviteitPage"),
    ("activiteiten", "Uitzondering"),
    ("woordenlijst", "WoordenlijstPage"),
    ("woordenlijst", "BegripPage"),
    ("woordenlijst", "BegripZieOok"),
    ("redactie", "RedactieGroep"),
    ("redactie", "Melding"),
    ("portal_search", "PopulaireZoekvraag"),
]
TECHNICAL = {"page", "sort_order", "page_ptr"}


def editor_fields():
    for app_label, name in EDITOR_MODELS:
        model = apps.get_model(app_label, name)
        for field in model._meta.get_fields():
            if getattr(field, "model", None) is model and field.concrete and not field.auto_created:
                if field.name not in TECHNICAL and getattr(field, "editable", True):
                    yield model, field


def test_every_field_has_a_short_plain_help_text():
    missing, too_long = [], []
    for model, field in editor_fields():
        text = str(field.help_text or "").strip()
        if not text:
            missing.append(f"{model.__name__}.{field.name}")
            continue
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s]
        if len(sentences) > 3 or any(len(s.split()) > 20 for s in sentences):
            too_long.append(f"{model.__name__}.{field.name}: {text}")
    assert missing == []
    assert too_long == []
