"""The Content-Security-Policy (no inline scripts or styles) holds on every public page type: Chromium
reports no violation, neither as a `securitypolicyviolation` event nor on the console."""

import pytest

PAGES = {
    "home": "/",
    "buurt": "/presikhaaf/",
    "activiteit": "/presikhaaf/koffieochtend-de-klimop/",
    "voorziening": "/presikhaaf/buurthuis-de-klimop/",
    "agenda": "/agenda/?buurt=presikhaaf",
    "weekoverzicht": "/agenda/presikhaaf/weekoverzicht/",
    "woordenlijst": "/woordenlijst/",
    "begrip": "/woordenlijst/wmo/",
    "boekje": "/woordenlijst/boekje/",
    "zoeken": "/zoeken/?q=koffie",
    "zoeken-leeg": "/zoeken/?q=qqqqzzzz",
    "niet-gevonden": "/bestaat-niet/",
    "english": "/en/presikhaaf/koffieochtend-de-klimop/",
    "admin-login": "/admin/login/",
}

# Recorded before any of the page's own code runs (an init script is not subject to the page's CSP).
LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""


def assert_no_csp_violations(page, url):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    response = page.goto(url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    # Let the deferred scripts act (glossary pop-ups, filters): open what can be opened.
    for toggle in page.locator("button[aria-expanded]").all()[:3]:
        if toggle.is_visible():
            toggle.click()
    violations = page.evaluate("window.__cspViolations")
    console_reports = [text for text in console if "Content Security Policy" in text]
    assert violations == [] and console_reports == [], violations + console_reports
    return response


@pytest.mark.parametrize("name", PAGES)
def test_no_csp_violation(page, live_url, name):
    assert_no_csp_violations(page, live_url + PAGES[name])


def test_melding_page_with_an_error_has_no_csp_violation(page, live_url):
    """The feedback form's own page, shown when a report cannot be sent as it is."""
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    page.goto(live_url + PAGES["activiteit"])
    page.fill("textarea[name=bericht]", "   ")
    with page.expect_navigation():
        page.locator("form[action*='klopt-er-iets-niet'] button[type=submit]").click()
    assert page.locator("textarea[name=bericht]").count() == 1
    violations = page.evaluate("window.__cspViolations")
    assert violations == [] and [t for t in console if "Content Security Policy" in t] == []


def test_a_violation_would_be_reported(page, live_url):
    """The listener works: an inline style added on a public page is blocked and reported."""
    page.add_init_script(LISTEN)
    page.goto(live_url + "/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">x</div>')")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert "style-src" in page.evaluate("window.__cspViolations")[0]
