"""Hostile input on every public URL, in every language: never a 5xx.

The URLs come from the URLconf (every public pattern must be listed in TARGETS, see
test_every_public_url_pattern_is_walked) and from the live Wagtail pages of each type. Each URL gets every
query parameter any view reads, all set to the same hostile value; forms get the value in every field.
A failure names the target, the language and the value; the assertion message shows the URL.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client
from django.urls import URLResolver, get_resolver
from wagtail.models import Page

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from home.models import HomePage
from woordenlijst.models import BegripPage, WoordenlijstPage

pytestmark = pytest.mark.django_db

LANGUAGES = {"nl": "", "en": "/en", "tr": "/tr", "ar": "/ar"}

# Every query parameter a public view reads (agenda filters, weekoverzicht, search, API, melding notice).
QUERY_PARAMETERS = [
    "categorie",
    "dag",
    "voor",
    "gratis",
    "toegankelijk",
    "toegang",
    "nu_open",
    "buurt",
    "periode",
    "pagina",
    "vanaf",
    "q",
    "postcode",
    "taal",
    "type",
    "page",
    "lang",
    "melding",
]

HOSTILE = {
    "huge": "9" * 40,
    "negative": "-1",
    "far-past": "0001-01-01",
    "end-of-time": "9999-12-31",
    "day-before-end-of-time": "9999-12-30",
    "impossible-date": "2026-02-30",
    "control": "\x00\x07\x1b[31m\r\n",
    "long": "x" * 5000,
    "superscript": "²",
    "circled": "①",
    "arabic-indic": "٣",
    "arabic-indic-date": "٢٠٢٦-١١-٣٠",
    "fullwidth": "１２",
}
# PDFs take about a second each: the values that reach their date and number handling.
PDF_HOSTILE = ["far-past", "end-of-time", "day-before-end-of-time", "superscript", "control"]
# Where the hostile part is the path itself (an unknown slug, an id no row can have): two values suffice.
PATH_HOSTILE = ["control", "huge"]
# Turkish and Arabic run the same code as Dutch and English: the values that meet their language (digits of
# another script, a long text, a control character) keep the walk over all four languages short.
OTHER_SCRIPT_HOSTILE = ["control", "long", "arabic-indic", "arabic-indic-date", "far-past"]
LANGUAGES_WALKED_IN_FULL = ("nl", "en")


def live(model, lang):
    return model.objects.live().public().filter(locale__language_code=lang).order_by("path").first()


def page_url(model, suffix=""):
    return lambda lang: live(model, lang).url + suffix


def prefixed(path):
    return lambda lang: LANGUAGES[lang] + path


def buurt_slug(lang):
    return live(BuurtPage, lang).slug


def activiteit_id(lang):
    return live(ActiviteitPage, lang).pk


# name → (URL pattern name or page type, how to build the URL for a language, method)
TARGETS = {
    "start": ("home.HomePage", page_url(HomePage), "get"),
    "buurt": ("activiteiten.BuurtPage", page_url(BuurtPage), "get"),
    "activiteit": ("activiteiten.ActiviteitPage", page_url(ActiviteitPage), "get"),
    "voorziening": ("activiteiten.VoorzieningPage", page_url(VoorzieningPage), "get"),
    "woordenlijst": ("woordenlijst.WoordenlijstPage", page_url(WoordenlijstPage), "get"),
    "begrip": ("woordenlijst.BegripPage", page_url(BegripPage), "get"),
    "boekje": ("woordenlijst.WoordenlijstPage", page_url(WoordenlijstPage, "boekje/"), "get"),
    "boekje-pdf": ("woordenlijst.WoordenlijstPage", page_url(WoordenlijstPage, "boekje/pdf/"), "get"),
    "unknown-page": ("wagtail_serve", prefixed("/bestaat-niet-xyz/"), "get"),
    "agenda": ("agenda", prefixed("/agenda/"), "get"),
    "voorzieningen": ("voorzieningen", prefixed("/voorzieningen/"), "get"),
    "bij-mij": ("bij_mij", prefixed("/bij-mij-in-de-buurt/"), "get"),
    "weekoverzicht": (
        "weekoverzicht",
        lambda lang: f"{LANGUAGES[lang]}/agenda/{buurt_slug(lang)}/weekoverzicht/",
        "get",
    ),
    "weekoverzicht-pdf": (
        "weekoverzicht_pdf",
        lambda lang: f"{LANGUAGES[lang]}/agenda/{buurt_slug(lang)}/weekoverzicht.pdf",
        "get",
    ),
    "weekoverzicht-unknown-buurt": ("weekoverzicht", prefixed("/agenda/nergenshuizen/weekoverzicht/"), "get"),
    "ical-alles": ("agenda_ical_site", prefixed("/agenda/ical/alles.ics"), "get"),
    "ical-activiteit": (
        "agenda_ical_activiteit",
        lambda lang: f"{LANGUAGES[lang]}/agenda/ical/activiteit/{activiteit_id(lang)}.ics",
        "get",
    ),
    "ical-activiteit-huge-id": ("agenda_ical_activiteit", prefixed(f"/agenda/ical/activiteit/{'9' * 20}.ics"), "get"),
    "ical-buurt": (
        "agenda_ical_buurt",
        lambda lang: f"{LANGUAGES[lang]}/agenda/ical/buurt/{buurt_slug(lang)}.ics",
        "get",
    ),
    "ical-buurt-unknown": ("agenda_ical_buurt", prefixed("/agenda/ical/buurt/nergenshuizen.ics"), "get"),
    "ical-categorie": ("agenda_ical_categorie", prefixed("/agenda/ical/categorie/bewegen.ics"), "get"),
    "ical-categorie-unknown": ("agenda_ical_categorie", prefixed("/agenda/ical/categorie/bestaat-niet.ics"), "get"),
    "zoeken": ("search", prefixed("/zoeken/"), "get"),
    "api-zoeken": ("search_api", lambda lang: "/api/zoeken/", "get"),
    "melding-get": ("melding", lambda lang: f"{LANGUAGES[lang]}/klopt-er-iets-niet/{activiteit_id(lang)}/", "get"),
    "melding-post": ("melding", lambda lang: f"{LANGUAGES[lang]}/klopt-er-iets-niet/{activiteit_id(lang)}/", "post"),
    "melding-huge-id": ("melding", prefixed(f"/klopt-er-iets-niet/{'9' * 20}/"), "post"),
    "melding-not-a-report-page": ("melding", prefixed("/klopt-er-iets-niet/1/"), "post"),
    "favicon": ("favicon", lambda lang: "/favicon.ico", "get"),
    "media-image-outside": ("media_image", lambda lang: "/media/images/../../../etc/passwd", "get"),
    "media-image-unknown": ("media_image", lambda lang: "/media/images/bestaat-niet.png", "get"),
    "robots": ("robots_txt", lambda lang: "/robots.txt", "get"),
    "sitemap": ("sitemap", lambda lang: "/sitemap.xml", "get"),
    "set-language": ("set_language", lambda lang: "/i18n/setlang/", "post"),
    "wagtail-login": ("wagtailcore_login", prefixed("/_util/login/"), "get"),
    "page-password-huge-ids": (
        "wagtailcore_authenticate_with_password",
        prefixed(f"/_util/authenticate_with_password/{'9' * 20}/{'9' * 20}/"),
        "post",
    ),
    # The read API and the open-data files (partners/; every API filter alone: tests/test_partners_api.py).
    "api-pages": ("listing", lambda lang: "/api/v2/pages/", "get"),
    "api-page-huge-id": ("detail", lambda lang: f"/api/v2/pages/{'9' * 20}/", "get"),
    "api-page-find": ("find", lambda lang: "/api/v2/pages/find/", "get"),
    "open-data": ("open_data", prefixed("/open-data/"), "get"),
    "open-data-file-unknown": ("open_data_file", lambda lang: f"/open-data/{lang}/bestaat-niet.json", "get"),
    "open-data-file-default": ("open_data_file_default", lambda lang: "/open-data/woordenlijst.ttl", "get"),
    "document-huge-id": ("wagtaildocs_serve", lambda lang: f"/documents/{'9' * 20}/x.pdf", "get"),
    "document-password-huge-id": (
        "wagtaildocs_authenticate_with_password",
        lambda lang: f"/documents/authenticate_with_password/{'9' * 20}/",
        "post",
    ),
}
NOT_PUBLIC = ("admin/", "django-admin/")  # editors' pages, behind a login
# The referral card is for signed-in professionals only; anonymous readers are sent to the login (its own
# tests: tests/test_verwijskaart.py).
LOGIN_ONLY = ("verwijskaart/",)


def values_for(target, lang):
    if target.endswith("-pdf"):
        values = PDF_HOSTILE
    elif any(word in target for word in ("unknown", "huge-id", "not-a-report-page")):
        values = PATH_HOSTILE
    else:
        values = list(HOSTILE)
    if lang in LANGUAGES_WALKED_IN_FULL:
        return values
    return [value for value in values if value in OTHER_SCRIPT_HOSTILE] or values[:1]


def cases():
    return [
        pytest.param(target, lang, value, id=f"{target}-{lang}-{value}")
        for target in TARGETS
        for lang in LANGUAGES
        for value in values_for(target, lang)
    ]


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()  # the feedback form counts reports per client in the cache
    yield
    cache.clear()


@pytest.mark.parametrize("target,lang,value", cases())
def test_hostile_value_never_gives_a_server_error(target, lang, value):
    _pattern, url_for, method = TARGETS[target]
    url = url_for(lang)
    hostile = HOSTILE[value]
    data = {name: [hostile, hostile] if name == "dag" else hostile for name in QUERY_PARAMETERS}
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    if method == "post":
        form = {"bericht": hostile, "contact": hostile, "website": "", "password": hostile, "next": hostile}
        response = client.post(url + "?" + "&".join(f"{n}=%FF{n}" for n in QUERY_PARAMETERS), form)
    else:
        response = client.get(url, data)
    assert response.status_code < 500, f"{method.upper()} {url} with {value!r}: {response.status_code}"
    if b"<html" in response.content[:300]:  # pages, and the 404 page: in the language of the URL
        expected = next((code for code, prefix in LANGUAGES.items() if prefix and url.startswith(prefix + "/")), "nl")
        assert f'<html lang="{expected}"'.encode() in response.content, f"{url}: not in the reader's language"


def _public_pattern_names(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(NOT_PUBLIC) or any(part in route for part in LOGIN_ONLY):
            continue
        if isinstance(pattern, URLResolver):
            yield from _public_pattern_names(pattern.url_patterns, route)
        else:
            yield pattern.name


def test_every_public_url_pattern_is_walked():
    """A new public URL must get its hostile-input cases here: the walk covers the whole URLconf."""
    walked = {pattern for pattern, _url, _method in TARGETS.values()}
    assert set(_public_pattern_names(get_resolver().url_patterns)) <= walked


def test_every_live_page_type_is_walked():
    """Every page type a resident can reach (the Wagtail pages under the start pages) is walked."""
    walked = {pattern for pattern, _url, _method in TARGETS.values()}
    types = set(Page.objects.live().public().filter(depth__gt=1).values_list("content_type", flat=True))
    labels = {f"{ct.app_label}.{apps.get_model(ct.app_label, ct.model).__name__}" for ct in _content_types(types)}
    assert labels and labels <= walked


def _content_types(ids):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.filter(pk__in=ids)
