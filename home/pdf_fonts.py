"""The fonts of the PDFs (weekoverzicht, booklet): the portal's own font files, embedded by WeasyPrint.

WeasyPrint reads them from disk (file: URIs), not over HTTP, so a PDF never waits on the site itself. Arabic
letters come from Noto Sans Arabic and the Turkish letters Atkinson Hyperlegible lacks from Noto Sans
(static/fonts/README.md): a PDF in Turkish or Arabic shows its own script without any system font.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.html import format_html_join

# (family, weight, file under static/)
FONT_FILES = [
    ("Atkinson Hyperlegible", 400, "fonts/atkinson-hyperlegible-latin-400-normal.woff2"),
    ("Atkinson Hyperlegible", 700, "fonts/atkinson-hyperlegible-latin-700-normal.woff2"),
    ("Noto Sans Latin Ext", 400, "fonts/noto-sans-latin-ext-400.woff2"),
    ("Noto Sans Latin Ext", 700, "fonts/noto-sans-latin-ext-700.woff2"),
    ("Noto Sans Arabic", 400, "fonts/noto-sans-arabic-400.woff2"),
    ("Noto Sans Arabic", 700, "fonts/noto-sans-arabic-700.woff2"),
]


def static_file_uri(path):
    found = finders.find(path)
    return Path(found).as_uri() if found else ""


def font_faces():
    """The @font-face rules for a PDF's <style>, pointing at the font files on disk."""
    return format_html_join(
        "\n",
        '@font-face {{ font-family: "{}"; font-weight: {}; src: url("{}"); }}',
        ((family, weight, static_file_uri(path)) for family, weight, path in FONT_FILES),
    )
