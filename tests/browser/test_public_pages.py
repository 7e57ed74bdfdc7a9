"""axe-core (WCAG 2.2 A and AA) on each public page type, on a desktop and at 320 px wide."""

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
    "arabisch-plekken": "/ar/voorzieningen/?toegang=drempelvrij",
    "woordenlijst": "/woordenlijst/",
    "begrip": "/woordenlijst/wmo/",
    "zoeken": "/zoeken/?q=koffie",
    "english": "/en/presikhaaf/",
}


@pytest.mark.parametrize("name", PAGES)
def test_axe_no_violations(page, live_url, name):
    response = page.goto(live_url + PAGES[name])
    assert response.status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", PAGES)
def test_works_at_320_px(phone_page, live_url, name):
    phone_page.goto(live_url + PAGES[name])
    assert_fits(phone_page)
    assert_no_axe_violations(phone_page)


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
