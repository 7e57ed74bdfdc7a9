"""The portal's own fonts for Turkish and Arabic letters: fetched where a page needs them, not on every page."""

import pytest

ARABIC_FONT = "noto-sans-arabic-"  # either weight
LATIN_EXT_FONT = "noto-sans-latin-ext-"


def fonts_fetched(page, url):
    fetched = []
    page.on("response", lambda response: fetched.append(response.url.rsplit("/", 1)[-1]))
    page.goto(url)
    page.evaluate("document.fonts.ready.then(() => true)")
    return [name for name in fetched if name.endswith(".woff2")]


@pytest.mark.parametrize(
    "path,wanted,unwanted",
    [
        ("/ar/presikhaaf/", ARABIC_FONT, None),
        ("/tr/agenda/", LATIN_EXT_FONT, ARABIC_FONT),  # dates hold ı (Kasım); the switch's العربية is the device's
        # A Dutch page with no Arabic on it (Presikhaaf's page names a place where Arabic is spoken, "Arabisch
        # (العربية)", and rightly fetches the font for those letters).
        ("/zetten/", None, ARABIC_FONT),
    ],
)
def test_fonts_fetched_for_the_letters_on_the_page(page, live_url, path, wanted, unwanted):
    fetched = fonts_fetched(page, live_url + path)
    if wanted:
        assert any(name.startswith(wanted) for name in fetched), fetched
    if unwanted:
        assert not any(name.startswith(unwanted) for name in fetched), fetched


def test_arabic_text_is_set_in_noto_sans_arabic(page, live_url):
    page.goto(live_url + "/ar/presikhaaf/")
    page.evaluate("document.fonts.ready.then(() => true)")
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans Arabic"')
    assert page.evaluate("document.fonts.check('20px \"Noto Sans Arabic\"', 'العربية')")
