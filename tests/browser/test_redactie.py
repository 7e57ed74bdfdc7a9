"""Browser checks (axe-core, WCAG 2.2 AA) for the glossary markup, the booklet and the feedback form."""

from .conftest import assert_fits, assert_no_axe_violations

TERM_PAGE = "/zevenaar-stegeslag/dementie-en-nu-zevenaar/"


def test_page_with_glossary_markup_has_no_violations(page, live_url):
    assert page.goto(live_url + TERM_PAGE).status == 200
    assert page.locator(".glossary-text .term").count() > 0
    assert_no_axe_violations(page)


def test_uitleg_on_keyboard_focus_and_hover_and_for_screen_readers(page, live_url):
    page.goto(live_url + TERM_PAGE)
    term = page.locator(".glossary-text .term").first
    tip = term.locator(".term__tip")
    assert not tip.is_visible()
    term.locator(".term__link").focus()
    assert tip.is_visible()
    # Screen readers: the link is described by the tooltip text.
    described = page.evaluate(
        "() => { const a = document.querySelector('.glossary-text .term a');"
        " return document.getElementById(a.getAttribute('aria-describedby')).textContent; }"
    )
    assert described.strip() and described.strip() == tip.text_content().strip()
    assert_no_axe_violations(page)  # also with the tooltip open
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.locator("h1").hover()
    term.locator(".term__link").hover()
    assert tip.is_visible()


def test_uitleg_is_printed_as_a_list(page, live_url):
    page.goto(live_url + TERM_PAGE)
    page.emulate_media(media="print")
    assert page.locator(".term-notes").first.is_visible()
    assert not page.locator(".term__tip").first.is_visible()
    assert not page.locator("#klopt-er-iets-niet").is_visible()
    page.emulate_media(media="screen")
    assert not page.locator(".term-notes").first.is_visible()


def test_booklet_has_no_violations(page, live_url):
    assert page.goto(live_url + "/woordenlijst/boekje/").status == 200
    assert_no_axe_violations(page)


def test_feedback_form_and_its_errors_have_no_violations(page, live_url):
    page.goto(live_url + TERM_PAGE)
    form = page.locator("#klopt-er-iets-niet form")
    assert_no_axe_violations(page)
    form.locator("textarea").fill("kort")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "minstens 10 tekens" in page.content()
    assert page.locator("textarea").input_value() == "kort"
    assert_no_axe_violations(page)


def test_feedback_form_at_320_px(phone_page, live_url):
    phone_page.goto(live_url + TERM_PAGE)
    assert_fits(phone_page)
    phone_page.locator(".glossary-text .term__link").first.focus()
    assert_fits(phone_page)
    assert_no_axe_violations(phone_page)
