"""The same page in the other languages: for the language switch and <link rel="alternate" hreflang>.

A reader who switches language stays on the same page (its translation, or its untranslated copy, in the other
locale) with the same query string: agenda filters, week (?vanaf=), search question (?q=). A page that has no
version in a language gets no link for it.

- A Wagtail page (also a sub-page of a routable page, such as /woordenlijst/boekje/): the page's live versions
  in each locale, plus the rest of the path after the page's own address.
- A view of its own (agenda, search, weekoverzicht, melding): the same URL pattern in the other language; a
  page named in the URL (a buurt's slug, an activity's id) is replaced by its version in that language.
- The answer to a form (a POST, such as a melding sent back with a mistake): the page the form is about, as
  the form itself cannot be carried over.
- Without a request (the error pages, rendered without the database): each language's start page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from .translation_state import SOURCE_LANGUAGE, locale_language


@dataclass(frozen=True)
class Version:
    code: str
    name: str  # the language named in its own language (settings.LANGUAGES)
    url: str
    current: bool


def home_url(language):
    """The start page of `language` (/ for Dutch, /tr/ for Turkish), without the database."""
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def _translations(page):
    """{language code: live page} for every locale that has a version of `page`."""
    rows = page.get_translations(inclusive=True).live().only("id", "slug", "locale_id", "url_path", "path", "depth")
    return {locale_language(p.locale_id): p for p in rows}


def _page_urls(request, page, translations):
    own = page.get_url(request) or ""
    rest = request.path[len(own) :] if own and request.path.startswith(own) else ""
    return {code: p.get_url(request) + rest for code, p in translations.items() if p.get_url(request)}


def _view_urls(match, page, translations):
    urls = {}
    for code, _name in settings.LANGUAGES:
        kwargs = dict(match.kwargs)
        if page is not None and ({"slug", "page_id"} & kwargs.keys()):
            other = translations.get(code)
            if other is None:
                continue
            if "slug" in kwargs:
                kwargs["slug"] = other.slug
            if "page_id" in kwargs:
                kwargs["page_id"] = other.pk
        with translation.override(code):
            urls[code] = reverse(match.view_name, args=match.args, kwargs=kwargs)
    return urls


def language_versions(request=None, page=None):
    """[Version] for every language of the portal in which this page exists, in the order of settings.LANGUAGES."""
    current = translation.get_language() or SOURCE_LANGUAGE
    if request is None:
        urls = {code: home_url(code) for code, _name in settings.LANGUAGES}
        query = ""
    else:
        translations = _translations(page) if page is not None and page.pk else {}
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match is None:
            urls = {code: home_url(code) for code, _name in settings.LANGUAGES}
        elif page is not None and (match.url_name == "wagtail_serve" or request.method not in ("GET", "HEAD")):
            urls = _page_urls(request, page, translations)
        else:
            urls = _view_urls(match, page, translations)
        query = request.META.get("QUERY_STRING", "") if request.method in ("GET", "HEAD") else ""
    return [
        Version(code, name, urls[code] + (f"?{query}" if query else ""), code == current)
        for code, name in settings.LANGUAGES
        if code in urls
    ]
