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
    full = phone.get_by_role("link", name="Alle activiteiten in Malburgen in de agenda")
    assert full.get_attribute("href") == "/agenda/?buurt=malburgen"
    assert page_height(phone) < 10 * PHONE["height"]
    assert_fits(phone, PHONE["width"])
    assert_no_axe_violations(phone)


def test_buurt_page_without_servicepunt_is_short_too(phone, live_url):
    phone.goto(live_url + "/presikhaaf/")  # no servicepunt in the demo data: no box
    first_activity = top_of(phone, ".agenda__item")
    report("buurt presikhaaf", phone, first_activity=first_activity)
    assert phone.locator(".servicepunt").count() == 0
    assert first_activity < SCREENS * PHONE["height"]
    assert page_height(phone) < 10 * PHONE["height"]


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


TERM_PAGE = "/zevenaar-stegeslag/dementie-en-nu-zevenaar/"  # an activity whose text holds glossary terms
LONGEST_TIP = """() => {
    const tips = [...document.querySelectorAll('.glossary-text .term__tip')];
    const longest = tips.reduce((a, b) => (b.textContent.length > a.textContent.length ? b : a));
    return tips.indexOf(longest);
}"""


def rect(locator):
    return locator.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
        " height: window.innerHeight, width: document.documentElement.clientWidth}; }"
    )


def test_glossary_popup_stays_open_while_the_pointer_moves_onto_it(page, live_url):
    page.goto(live_url + TERM_PAGE)
    term = page.locator(".glossary-text .term").first
    tip = term.locator(".term__tip")
    term.locator(".term__link").hover()
    assert tip.is_visible()
    box = tip.bounding_box()
    # Move in small steps from the term to the middle of the explanation, through the space between them.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=12)
    assert tip.is_visible()
    page.wait_for_timeout(1000)  # longer than the close delay: still open while the pointer is on it
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden()


def test_glossary_popup_keeps_its_first_line_at_400_percent_zoom(browser, live_url):
    # 400% zoom of a 1280×900 window: a 320×225 CSS-pixel viewport with device scale factor 4.
    context = browser.new_context(viewport={"width": 320, "height": 225}, device_scale_factor=4, locale="nl-NL")
    page = context.new_page()
    page.goto(live_url + TERM_PAGE)
    index = page.evaluate(LONGEST_TIP)
    term = page.locator(".glossary-text .term").nth(index)
    term.locator(".term__link").focus()
    tip = term.locator(".term__tip")
    assert tip.is_visible()
    r = rect(tip)
    assert r["top"] >= 0 and r["bottom"] <= r["height"], r
    assert r["left"] >= 0 and r["right"] <= r["width"], r
    context.close()


def test_a_tap_on_a_term_shows_the_explanation_and_stays_on_the_page(phone, live_url):
    phone.goto(live_url + TERM_PAGE)
    url = phone.url
    term = phone.locator(".glossary-text .term").first
    tip = term.locator(".term__tip")
    term.locator(".term__link").tap()
    assert tip.is_visible()
    assert phone.url == url
    assert_no_axe_violations(phone)
    # The link in the explanation goes on to the begrip page.
    href = tip.locator(".term__more").get_attribute("href")
    tip.locator(".term__more").tap()
    phone.wait_for_url("**" + href)


def test_klopt_er_iets_niet_is_visible_near_the_top_of_an_activity(phone, live_url):
    phone.goto(live_url + "/presikhaaf/koffieochtend-de-klimop/")
    link = phone.locator(".melding-link a")
    assert link.is_visible()
    assert top_of(phone, ".melding-link a") < SCREENS * PHONE["height"]
    link.tap()
    phone.wait_for_url("**#klopt-er-iets-niet")
    assert phone.locator("#klopt-er-iets-niet textarea").is_visible()
