"""Which language a page's text is in, and whether its translation is behind the Dutch page.

The rules (issue 17, docs/talen.md):

- Dutch (``settings.LANGUAGE_CODE``) is the source language: every other locale is synchronised from it
  (wagtail-localize's ``LocaleSynchronization``, see ``load_demo``).
- A page in another locale is **untranslated** while it is wagtail-localize's alias copy of the Dutch page
  (``alias_of`` set, in a locale other than Dutch). Its texts are the Dutch texts, so they are marked
  ``lang="nl"`` (and ``dir="ltr"`` on a right-to-left page); the interface around them keeps the reader's
  language. Once a translation is made (in the admin or with ``import_corpus --lang``) the page is no longer an
  alias and its texts are in its own locale's language.
- A translated page is **out of date** when its Dutch page was published after the translation was last
  published (``last_published_at`` of both). The reader is told so, with a link to the Dutch page. Publishing
  the translation again (after updating it in wagtail-localize) removes the notice.

Nothing here queries the database per page in a listing: a page's language comes from its ``locale_id`` through
a small map of the locales (a handful of rows, read once per process and again when an unknown id turns up).
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info

SOURCE_LANGUAGE = settings.LANGUAGE_CODE

_codes = {}  # locale id -> language code


def locale_language(locale_id):
    """The language code of the locale with this id."""
    if locale_id not in _codes:
        from wagtail.models import Locale

        _codes.clear()
        _codes.update(Locale.objects.values_list("pk", "language_code"))
    return _codes.get(locale_id, SOURCE_LANGUAGE)


def is_untranslated(page):
    """True for an alias copy of the Dutch page in another locale: its texts are still Dutch."""
    return page.alias_of_id is not None and locale_language(page.locale_id) != SOURCE_LANGUAGE


def text_language(page):
    """The language the page's own texts (title, introduction, description, ...) are written in."""
    return SOURCE_LANGUAGE if is_untranslated(page) else locale_language(page.locale_id)


def is_bidi(language):
    try:
        return get_language_info(language)["bidi"]
    except KeyError:
        return False


def lang_attrs(language, reader_language=None):
    """` lang="nl" dir="ltr"` for text in `language` on a page read in another language, else nothing.

    `dir` is added only where the direction differs (Dutch text on an Arabic page), so that the text runs
    left-to-right there while the page around it runs right-to-left."""
    reader_language = reader_language or get_language() or SOURCE_LANGUAGE
    if not language or language == reader_language:
        return SafeString("")
    if is_bidi(language) != is_bidi(reader_language):
        direction = "rtl" if is_bidi(language) else "ltr"
        return format_html(' lang="{}" dir="{}"', language, direction)
    return format_html(' lang="{}"', language)


def page_lang_attrs(page, reader_language=None):
    """lang_attrs for the texts of `page` (nothing when they are in the reader's language)."""
    if page is None:
        return SafeString("")
    return lang_attrs(text_language(page), reader_language)


def outdated_source(page):
    """The live Dutch page when `page` is a translation older than it, else None."""
    if page is None or page.alias_of_id is not None or locale_language(page.locale_id) == SOURCE_LANGUAGE:
        return None
    if page.last_published_at is None:
        return None
    from wagtail.models import Page

    source = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=SOURCE_LANGUAGE)
        .only("id", "last_published_at", "url_path", "path", "depth")
        .first()
    )
    if source is None or source.last_published_at is None:
        return None
    return source if source.last_published_at > page.last_published_at else None
