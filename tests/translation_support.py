"""Translating a page in wagtail-localize as an editor does, and reading its translation editor as an editor sees
it (its page props), for the tests."""

import json

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

TRANSLATED_LANGUAGES = ["en", "tr", "ar"]  # Dutch is the source; these are translated from it


def submit_url(page):
    """wagtail-localize's "Translate this page"."""
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def in_locale(page, code):
    """The page's copy or translation in the language `code`."""
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def translate(client, page, code):
    """What an editor does: "Translate this page", choose the language, submit."""
    locale = Locale.objects.get(language_code=code)
    return client.post(submit_url(page), {"locales": [locale.pk]})


def editor_props(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    editor = soup.select_one(".js-translation-editor")
    assert editor is not None, "this is not wagtail-localize's translation editor"
    return json.loads(editor["data-props"])


def editor_segments(response):
    """The texts the editor offers to translate: [{contentPath, source, editUrl, …}]."""
    return [segment for segment in editor_props(response)["segments"] if segment["type"] == "string"]


def translation_editor(response):
    """{field: [translated text or None per segment]} from the translation editor's page; None = untranslated."""
    translated = {t["segment_id"]: t["data"] for t in editor_props(response)["initialStringTranslations"]}
    fields = {}
    for segment in editor_segments(response):
        fields.setdefault(segment["contentPath"], []).append(translated.get(segment["id"]))
    return fields
