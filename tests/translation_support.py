"""Reading wagtail-localize's translation editor as an editor sees it (its page props), for the tests."""

import json

from bs4 import BeautifulSoup


def translation_editor(response):
    """{field: [translated text or None per segment]} from the translation editor's page; None = untranslated."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    editor = soup.select_one(".js-translation-editor")
    assert editor is not None, "this is not wagtail-localize's translation editor"
    props = json.loads(editor["data-props"])
    translated = {t["segment_id"]: t["data"] for t in props["initialStringTranslations"]}
    fields = {}
    for segment in props["segments"]:
        if segment["type"] == "string":
            fields.setdefault(segment["contentPath"], []).append(translated.get(segment["id"]))
    return fields
