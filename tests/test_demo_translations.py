"""The demo's own translation folders (demo/corpus/en, tr, ar) are complete and importable.

The test database loads the demo without them (tests/conftest.py); this checks every row of them against the
Dutch demo pages with the importer's own validation (the same checks `import_corpus --lang` runs before it
stores anything), and that each folder covers what docs/talen.md promises."""

import csv
from pathlib import Path

import pytest
from wagtail.models import Locale

from home.corpus.translations import TranslationImporter
from home.management.commands.import_corpus import read_folder

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parent.parent / "demo" / "corpus"
MIGRANT_BUURTEN = {"presikhaaf", "malburgen", "rotterdam-het-lage-land"}


def slugs(path, buurten=None):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return {row["slug"] for row in rows if buurten is None or row.get("buurt") in buurten}


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_the_demo_translation_folder_passes_every_import_check(lang):
    files, problems = read_folder(DEMO / lang)
    assert problems == []
    importer = TranslationImporter(files, Locale.objects.get(language_code=lang))
    assert [str(problem) for problem in importer.validate()] == []


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_the_demo_translates_every_term_buurt_and_the_migrant_buurten(lang):
    for name in ("woordenlijst.csv", "buurten.csv"):
        assert slugs(DEMO / lang / name) == slugs(DEMO / name), (lang, name)
    for name in ("activiteiten.csv", "voorzieningen.csv"):
        expected = slugs(DEMO / name) if lang == "en" else slugs(DEMO / name, MIGRANT_BUURTEN)
        assert slugs(DEMO / lang / name) == expected, (lang, name)
