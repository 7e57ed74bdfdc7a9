"""Browser tests: headless Debian Chromium driven by Playwright, checked with axe-core.

A live server thread serves the demo content that tests/conftest.py loaded into the test database.
Set REQUIRE_BROWSER=1 (CI does) to fail instead of skip when Chromium is missing.
"""

import os
import shutil
from pathlib import Path

import axe_playwright_python
import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

# Playwright's sync API keeps an event loop in this thread; Django must still be allowed to query.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # pytest-django creates the test database only for sessions with database tests;
            # the marker makes sure it exists when only browser tests are selected.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def live_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()


@pytest.fixture(scope="session")
def browser(live_url):
    # Depends on live_url so that the test database is set up before Playwright starts its event loop.
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}, and REQUIRE_BROWSER is set")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright runs its event loop in this thread, Django keeps the tests' database
        # connection apart (asgiref's Local follows the loop). Close it here: otherwise PostgreSQL
        # cannot drop the test database at the end ("is being accessed by other users").
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="nl-NL", is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page, tags=WCAG_TAGS):
    """Run axe-core on the loaded page; returns the list of violations for WCAG 2.2 A and AA."""
    page.evaluate(AXE_JS)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return result["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}" for v in violations
    )


def assert_no_axe_violations(page):
    """Fail with a readable list when axe-core finds WCAG 2.2 A/AA violations on the loaded page."""
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def assert_fits(page, width=320):
    """Nothing sticks out sideways: no horizontal scrolling at `width` CSS pixels."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"page is {scroll_width}px wide at a {width}px viewport"
