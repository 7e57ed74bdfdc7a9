"""Reading wagtail-localize's translation editor as an editor sees it (its page props), for the tests."""

import json

from bs4 import BeautifulSoup


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
