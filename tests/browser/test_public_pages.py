"""axe-core (WCAG 2.2 A and AA) on each public page type in each language, on a desktop and at 320 px wide."""

import os
from pathlib import Path

import pytest

from .conftest import assert_fits, assert_no_axe_violations

PAGES = {
    "home": "/",
    "buurt": "/presikhaaf/",
    "activiteit": "/presikhaaf/koffieochtend-de-klimop/",
    "voorziening": "/presikhaaf/buurthuis-de-klimop/",  # open-now text, closing days, accessibility with icons
    "activiteit-toegankelijkheid": "/presikhaaf/wandelgroep-park-presikhaaf/",
    "plekken-gefilterd": "/voorzieningen/?nu_open=ja&toegang=drempelvrij&toegang=lift",
    "plekken-fout": "/voorzieningen/?toegang=zwembad",
    "buurt-plekken-gefilterd": "/presikhaaf/?toegang=ringleiding#voorzieningen",
    "woordenlijst": "/woordenlijst/",
    "begrip": "/woordenlijst/wmo/",
    "boekje": "/woordenlijst/boekje/",
    "agenda": "/agenda/?categorie=ontmoeten",
    "weekoverzicht": "/agenda/presikhaaf/weekoverzicht/",
    "zoeken": "/zoeken/?q=koffie",
    "niet-gevonden": "/bestaat-niet/",
}
LANGUAGES = {"nl": "", "en": "/en", "tr": "/tr", "ar": "/ar"}
# Set SCREENSHOT_DIR to keep screenshots of the Arabic pages for a person to look at (docs/talen.md).
SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR")


def expected_status(name):
    return 404 if name == "niet-gevonden" else 200


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_no_violations(page, live_url, name, lang):
    response = page.goto(live_url + LANGUAGES[lang] + PAGES[name])
    assert response.status == expected_status(name)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_works_at_320_px(phone_page, live_url, name, lang):
    phone_page.goto(live_url + LANGUAGES[lang] + PAGES[name])
    assert_fits(phone_page)
    assert_no_axe_violations(phone_page)


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("name", ["buurt", "activiteit", "voorziening", "agenda"])
def test_arabic_page_runs_right_to_left_and_dutch_text_left_to_right(browser, live_url, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ar")
    page = context.new_page()
    page.goto(live_url + "/ar" + PAGES[name])
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The interface starts on the right: the notice's coloured edge is on its right side.
    notice = page.locator("main .notice--taal").first if name != "agenda" else page.locator("main h1")
    assert notice.evaluate("el => getComputedStyle(el).direction") == "rtl"
    if name != "agenda":
        assert notice.evaluate("el => parseFloat(getComputedStyle(el).borderRightWidth)") >= 4
        assert notice.evaluate("el => parseFloat(getComputedStyle(el).borderLeftWidth)") < 4
    # Dutch text keeps running left to right inside the Arabic page.
    dutch = page.locator('main [lang="nl"]').first
    assert dutch.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert_fits(page, width)
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOT_DIR}/ar-{name}-{width}.png", full_page=width == 320)
    context.close()


def test_base_text_is_at_least_18px_and_focus_is_visible(page, live_url):
    page.goto(live_url + "/presikhaaf/")
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert size >= 18
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert float(outline.replace("px", "")) >= 2


def test_print_stylesheet_hides_navigation(page, live_url):
    page.goto(live_url + "/presikhaaf/koffieochtend-de-klimop/")
    page.emulate_media(media="print")
    assert page.is_hidden("form.search-form")
    assert page.is_visible("h1")
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 18  # 14pt


def test_zoom_200_percent_no_horizontal_scroll(browser, live_url):
    # 200% zoom of a 1280px window is a 640px CSS viewport with device scale factor 2.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    page.goto(live_url + "/presikhaaf/buurthuis-de-klimop/")
    assert_fits(page, 640)
    context.close()
