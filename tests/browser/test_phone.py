"""A phone first: on a 390×844 screen what matters is within the first two screens (docs/phone.md).

Run with -s to see the measured page heights and positions (the figures in docs/phone.md come from here).
"""

import pytest

from .conftest import assert_fits, assert_no_axe_violations

PHONE = {"width": 390, "height": 844}  # a common phone screen, in CSS pixels
SCREENS = 2  # what matters must start within the first two screens


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def top_of(page, selector):
    """Distance in CSS pixels from the top of the page to the first element that matches."""
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def page_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def report(name, page, **positions):
    figures = ", ".join(f"{key} at {value:.0f} px" for key, value in positions.items())
    print(f"\n{name}: page {page_height(page)} px tall at {PHONE['width']}×{PHONE['height']}; {figures}")


def test_buurt_page_shows_servicepunt_and_first_activity_within_two_screens(phone, live_url):
    phone.goto(live_url + "/malburgen/")  # Malburgen has a servicepunt
    limit = SCREENS * PHONE["height"]
    servicepunt_tel = top_of(phone, ".servicepunt a[href^='tel:']")
    first_activity = top_of(phone, ".agenda__item")
    report("buurt", phone, servicepunt_tel=servicepunt_tel, first_activity=first_activity)
    assert servicepunt_tel < limit
    assert first_activity < limit
    assert phone.locator(".servicepunt a[href^='tel:']").first.get_attribute("href") == "tel:+31885550109"
    # The filters are folded behind one button; the list is short, the rest is one link away.
    assert phone.locator(".agenda-filters").first.is_hidden()
    assert phone.locator(".pager a", has_text="Meer activiteiten").is_visible()
    assert page_height(phone) < 10 * PHONE["height"]
    assert_fits(phone, PHONE["width"])
    assert_no_axe_violations(phone)


def test_agenda_first_item_is_not_under_the_filter_form(phone, live_url):
    phone.goto(live_url + "/agenda/")
    first_item = top_of(phone, ".agenda__item")
    report("agenda", phone, first_item=first_item)
    assert first_item < SCREENS * PHONE["height"]
    assert phone.locator("#f-dag-ma").is_hidden()
    # One tap on the button shows the whole form; it is still a plain GET form.
    phone.locator(".filters-toggle__button").click()
    phone.locator("label[for=f-gratis]").click()
    phone.locator(".agenda-filters button[type=submit]").click()
    phone.wait_for_url("**gratis=ja**")
    assert phone.locator("#f-gratis").is_checked() or phone.locator(".filters-toggle__state").is_visible()
    assert_no_axe_violations(phone)


def test_filters_start_open_on_a_wide_screen(page, live_url):
    page.goto(live_url + "/agenda/")
    page.wait_for_function("document.querySelector('details.filters-toggle').open")
    assert page.locator("#f-dag-ma").is_visible()


def test_search_results_come_before_the_choices(phone, live_url):
    phone.goto(live_url + "/zoeken/?q=koffie")
    first_result = top_of(phone, ".search-result")
    choices = top_of(phone, ".search-filters")
    report("zoeken", phone, first_result=first_result, choices=choices)
    assert first_result < PHONE["height"]
    assert first_result < choices
    assert_no_axe_violations(phone)
