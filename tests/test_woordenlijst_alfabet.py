"""The glossary by letter in each language (woordenlijst/alfabet.py): the letter navigation, the groups and the
order of the terms on the glossary page and in the booklet, Turkish and Arabic as their readers know them."""

import unicodedata

import pytest
from bs4 import BeautifulSoup

from woordenlijst.models import BegripPage

from .languages_support import translate

pytestmark = pytest.mark.django_db

# The alphabets as the reader knows them, written out here (not read from the code under test). On the Turkish
# page the Latin W (Dutch words and abbreviations such as Wmo) has its Latin place between V and Y; on the
# Arabic page Latin letters come after the Arabic ones. '#' (digits, other signs) comes first, as on the Dutch page.
LATIN = list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
TURKISH = list("ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ")
TURKISH_PAGE_ORDER = ["#", *"ABCÇDEFGĞHIİJKLMNOÖPQRSŞTUÜVWXYZ"]
ARABIC = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
ARABIC_PAGE_ORDER = ["#", *ARABIC, *LATIN]

# Made-up Turkish terms, in Turkish alphabetical order: I before İ (with i ↔ İ and ı ↔ I), S before Ş, C before Ç.
TURKISH_TERMS = {
    "casemanager-dementie": "Cadde danışmanı",
    "kerngroep": "çekirdek grup",
    "wijkteam": "Isıtma desteği",
    "regiotaxi": "ışıklı yol",
    "indicatie": "ilaç yardımı",
    "actiegroep": "İlçe ekibi",
    "sociaal-domein": "sosyal alan",
    "steunpunt-mantelzorg": "Şefkat ağı",
    "zorgkantoor": "Uzun bakım ofisi",
    "wmo": "Ücretsiz destek yasası",
}
TURKISH_ORDER = list(TURKISH_TERMS.values())

# Made-up Arabic terms in Arabic alphabetical order: the hamza forms (آ إ أ) sort as ا by the letters after them;
# vowel signs (مُدرّب) do not count.
ARABIC_TERMS = {
    "kerngroep": "آخر موعد",
    "actiegroep": "إدارة الحي",
    "wijkverpleging": "الرعاية في الحي",
    "wmo": "أمان في البيت",
    "proefbuurt": "بيت الحي",
    "regiotaxi": "تاكسي المنطقة",
    "beweegcoach": "مُدرّب الحركة",
    "sociaal-domein": "مدرسة الحي",
    "mantelzorgcompliment": "هدية شكر",
    "respijtzorg": "وقت الراحة",
    "dagbesteding": "يوم مفتوح",
}
ARABIC_ORDER = list(ARABIC_TERMS.values())


def translate_terms(lang, terms):
    for slug, title in terms.items():
        translate(BegripPage.objects.get(slug=slug, locale__language_code=lang), title=title, uitleg=title + ".")


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def glossary(client, url):
    """(navigation [(letter, is a link)], [(heading, [labels])]) as the reader sees the glossary page."""
    soup = soup_of(client, url)
    navigation = [(item.get_text(strip=True), item.a is not None) for item in soup.select(".alphabet li")]
    groups = [
        (section.h2.get_text(strip=True), [dt.a.get_text(strip=True) for dt in section.select("dt")])
        for section in soup.select("section.letter-group")
    ]
    for letter, is_link in navigation:
        if is_link:  # a link goes to its group
            assert soup.find("a", href=f"#letter-{letter}") and soup.find(id=f"letter-{letter}")
    return navigation, groups


def booklet_groups(client, url):
    soup = soup_of(client, url)
    return [
        (section.h2.get_text(strip=True), [term.get_text(strip=True) for term in section.select("dt dfn, dt abbr")])
        for section in soup.select(".boekje__letter")
    ]


def group_of(groups, label):
    [heading] = [heading for heading, labels in groups if label in labels]
    return heading


def in_page_order(groups, wanted):
    return [label for _heading, labels in groups for label in labels if label in wanted]


def test_turkish_page_groups_and_sorts_in_the_turkish_alphabet(client):
    translate_terms("tr", TURKISH_TERMS)
    navigation, groups = glossary(client, "/tr/woordenlijst/")

    assert group_of(groups, "Şefkat ağı") == "Ş"
    assert group_of(groups, "sosyal alan") == "S"
    assert group_of(groups, "İlçe ekibi") == "İ"
    assert group_of(groups, "ilaç yardımı") == "İ"  # Turkish case: i is the small İ
    assert group_of(groups, "Isıtma desteği") == "I"
    assert group_of(groups, "ışıklı yol") == "I"  # and ı the small I
    assert group_of(groups, "çekirdek grup") == "Ç"
    assert group_of(groups, "Ücretsiz destek yasası") == "Ü"
    assert group_of(groups, "Wmo") == "W"  # the abbreviation stays Dutch and keeps its Latin letter

    headings = [heading for heading, _labels in groups]
    assert headings == sorted(headings, key=TURKISH_PAGE_ORDER.index)
    assert headings.index("S") < headings.index("Ş") < headings.index("T")
    assert headings.index("I") < headings.index("İ")
    assert in_page_order(groups, TURKISH_ORDER) == TURKISH_ORDER

    # The navigation: the Turkish alphabet in its order, W after it has terms; letters without terms not linked.
    letters = [letter for letter, _is_link in navigation]
    assert [letter for letter in letters if letter in TURKISH] == TURKISH
    assert letters == sorted(letters, key=TURKISH_PAGE_ORDER.index)
    assert set(letters) - set(TURKISH) == {"W"}
    links = {letter for letter, is_link in navigation if is_link}
    assert {"Ç", "I", "İ", "Ş", "Ü", "W"} <= links
    assert "Ğ" not in links and "Ğ" in letters
    assert links == {heading for heading in headings if heading != "#"}


def test_turkish_booklet_uses_the_same_letters(client):
    translate_terms("tr", TURKISH_TERMS)
    groups = booklet_groups(client, "/tr/woordenlijst/boekje/")
    headings = [heading for heading, _labels in groups]
    assert headings == [heading for heading, _labels in glossary(client, "/tr/woordenlijst/")[1]]
    assert "Şefkat ağı" in dict(groups)["Ş"]
    assert "ilaç yardımı" in dict(groups)["İ"]
    assert in_page_order(groups, TURKISH_ORDER) == TURKISH_ORDER
    assert headings.index("S") < headings.index("Ş")


def test_arabic_page_groups_alif_forms_under_alif_in_arabic_order(client):
    translate_terms("ar", ARABIC_TERMS)
    navigation, groups = glossary(client, "/ar/woordenlijst/")

    assert dict(groups)["ا"] == ARABIC_ORDER[:4]  # آ إ ا أ: all under ا, ordered by the letters that follow
    assert group_of(groups, "مُدرّب الحركة") == "م"
    assert in_page_order(groups, ARABIC_ORDER) == ARABIC_ORDER
    assert group_of(groups, "Wmo") == "W"  # Dutch abbreviation: its Latin letter, after the Arabic ones

    headings = [heading for heading, _labels in groups]
    assert headings == sorted(headings, key=ARABIC_PAGE_ORDER.index)
    assert headings.index("ي") < headings.index("W")

    letters = [letter for letter, _is_link in navigation]
    assert letters[: len(ARABIC)] == ARABIC
    assert letters == sorted(letters, key=ARABIC_PAGE_ORDER.index)
    links = {letter for letter, is_link in navigation if is_link}
    assert {"ا", "ب", "ت", "م", "ه", "و", "ي", "W"} <= links
    assert "ظ" not in links  # no term starts with ظ: shown, not a link
    assert links == {heading for heading in headings if heading != "#"}


def test_arabic_page_runs_right_to_left_and_booklet_groups_the_same_way(client):
    translate_terms("ar", ARABIC_TERMS)
    soup = soup_of(client, "/ar/woordenlijst/")
    assert soup.html["dir"] == "rtl"
    groups = booklet_groups(client, "/ar/woordenlijst/boekje/")
    assert dict(groups)["ا"] == ARABIC_ORDER[:4]
    assert in_page_order(groups, ARABIC_ORDER) == ARABIC_ORDER
    assert [heading for heading, _labels in groups] == [
        heading for heading, _labels in glossary(client, "/ar/woordenlijst/")[1]
    ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_dutch_and_english_pages_keep_a_to_z(client, prefix):
    navigation, groups = glossary(client, f"{prefix}/woordenlijst/")
    assert [letter for letter, _is_link in navigation] == LATIN
    headings = [heading for heading, _labels in groups]
    assert headings == sorted(headings)
    assert {letter for letter, is_link in navigation if is_link} == set(headings) - {"#"}
    # Within the page: ordered as always, by the letters without their marks, case left aside.
    labels = [label for _heading, group in groups for label in group]
    assert labels == sorted(labels, key=lambda label: unicodedata.normalize("NFKD", label).casefold())
    assert group_of(groups, "Wmo") == "W"
    assert len(labels) > 90  # every term, and the abbreviations under their own letter
