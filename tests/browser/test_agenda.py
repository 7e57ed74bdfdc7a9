"""axe-core on the agenda and weekoverzicht pages; the filters work without JavaScript; large print."""

import pytest

from .conftest import assert_fits, assert_no_axe_violations

PAGES = {
    "site-agenda": "/agenda/",
    "site-agenda-gefilterd": "/agenda/?categorie=ontmoeten&dag=ma&dag=wo&gratis=ja&periode=deze-week",
    "site-agenda-fout": "/agenda/?categorie=dansen&dag=xx",
    "buurt-agenda": "/presikhaaf/?voor=ouderen&toegankelijk=drempelvrij&toegankelijk=ringleiding",
    "weekoverzicht": "/agenda/malburgen/weekoverzicht/",
    "activiteit-herhaling": "/malburgen/repair-cafe-malburgen/",
}


@pytest.mark.parametrize("name", PAGES)
def test_axe_no_violations(page, live_url, name):
    response = page.goto(live_url + PAGES[name])
    assert response.status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", ["site-agenda", "weekoverzicht"])
def test_axe_and_no_sideways_scrolling_at_320_px(phone_page, live_url, name):
    phone_page.goto(live_url + PAGES[name])
    assert_fits(phone_page)
    assert_no_axe_violations(phone_page)


def test_filter_form_works_without_javascript(browser, live_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_url + "/agenda/")
    page.click(".filters-toggle__button")  # folded behind one button; <details> opens without JavaScript
    page.select_option("#f-categorie", "bewegen")
    page.check("#f-gratis")
    page.click("button:has-text('Toon activiteiten')")
    assert "categorie=bewegen" in page.url and "gratis=ja" in page.url
    assert page.locator("#f-gratis").is_checked()
    assert page.locator(".agenda__title").count() > 0
    context.close()


def test_weekoverzicht_prints_in_large_type(page, live_url):
    page.goto(live_url + PAGES["weekoverzicht"])
    page.emulate_media(media="print")
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.wo-item p')).fontSize)")
    assert size >= 14 * 96 / 72  # 14 pt in CSS pixels
    assert page.is_hidden(".wo-tools")
    assert page.is_visible(".wo-servicepunt")
