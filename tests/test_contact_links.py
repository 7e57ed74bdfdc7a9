"""Phone numbers and e-mail addresses become tel: and mailto: links, also inside free text and rich text."""

import pytest
from bs4 import BeautifulSoup
from django.template import engines
from django.utils.safestring import mark_safe

from activiteiten.models import ActiviteitPage
from home.contact_links import contact_links, tel_href


def links(html):
    return [(a.get_text(), a["href"]) for a in BeautifulSoup(str(html), "html.parser").find_all("a")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Aanmelden: bel 088-5550123.", [("088-5550123", "tel:+31885550123")]),
        (
            "Bel 026 123 45 67 of 06-12345678",
            [("026 123 45 67", "tel:+31261234567"), ("06-12345678", "tel:+31612345678")],
        ),
        ("Uit het buitenland: +31 6 12345678", [("+31 6 12345678", "tel:+31612345678")]),
        ("Of +31 (0)26 123 4567.", [("+31 (0)26 123 4567", "tel:+31261234567")]),
        ("Gratis: 0800-1234", [("0800-1234", "tel:+318001234")]),
        ("Mail info@klimop.nl.", [("info@klimop.nl", "mailto:info@klimop.nl")]),
        (
            "Mail ria.hendriks+buurt@welzijn-veerkracht.nl of bel 088-5550101",
            [
                ("ria.hendriks+buurt@welzijn-veerkracht.nl", "mailto:ria.hendriks+buurt@welzijn-veerkracht.nl"),
                ("088-5550101", "tel:+31885550101"),
            ],
        ),
    ],
)
def test_numbers_and_addresses_in_plain_text_are_linked(text, expected):
    assert links(contact_links(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Op 01-01-2027 10 uur begint het.",  # a date and an hour, not a Rotterdam number
        "€ 2,50 per keer, 10 keer € 20,00",
        "Postcode 6825 AB, huisnummer 12",
        "IBAN NL91ABNA0417164300",
        "Kaartnummer 1234567890",
        "Geen @ hier: @klimop op sociale media",
    ],
)
def test_things_that_only_look_like_numbers_are_left_alone(text):
    assert links(contact_links(text)) == []
    assert BeautifulSoup(str(contact_links(text)), "html.parser").get_text() == text


def test_plain_text_is_escaped_before_linking():
    html = str(contact_links('<script>alert("x")</script> bel 088-5550123 <b>'))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert links(html) == [("088-5550123", "tel:+31885550123")]


def test_rich_text_is_linked_in_text_nodes_only_never_inside_a_link():
    html = mark_safe(
        '<p>Bel <a href="tel:+31261111111">026 111 11 11</a> of 06-12345678.</p>'
        '<p><a href="https://example.nl/">mail info@example.nl</a> <strong>info@klimop.nl</strong></p>'
    )
    result = contact_links(html)
    assert links(result) == [
        ("026 111 11 11", "tel:+31261111111"),
        ("06-12345678", "tel:+31612345678"),
        ("mail info@example.nl", "https://example.nl/"),
        ("info@klimop.nl", "mailto:info@klimop.nl"),
    ]
    assert '<strong><a href="mailto:info@klimop.nl">info@klimop.nl</a></strong>' in str(result)


def test_rich_text_with_markup_characters_stays_escaped():
    html = mark_safe("<p>1 &lt; 2 &amp; bel 088-5550123</p>")
    assert "1 &lt; 2 &amp; bel" in str(contact_links(html))


def test_empty_and_unlinked_text():
    assert contact_links("") == "" and contact_links(None) == ""
    assert str(contact_links("Niet nodig")) == "Niet nodig"


def test_tel_href_gives_an_international_number():
    assert tel_href("088-5550123") == "+31885550123"
    assert tel_href("(026) 351 23 45") == "+31263512345"
    assert tel_href("onbekend 12") == "12"


def test_filter_in_a_template_escapes_plain_text():
    template = engines["django"].from_string("{% load contact_tags %}{{ text|contact_links }}")
    html = template.render({"text": "<i>bel</i> 06-12345678"})
    assert "&lt;i&gt;bel&lt;/i&gt;" in html and links(html) == [("06-12345678", "tel:+31612345678")]


@pytest.mark.django_db
def test_activity_page_links_numbers_in_aanmelden_kosten_and_omschrijving(client):
    page = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    ActiviteitPage.objects.filter(pk=page.pk).update(
        aanmelden="Bel Ria: 088-5550123",
        kosten="€ 1,00. Vragen? info@klimop.nl",
        omschrijving='<p>Mail koffie@klimop.nl of bel <a href="tel:+31261111111">026 111 11 11</a>.</p>',
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    hrefs = [a["href"] for a in soup.select("main a")]
    assert "tel:+31885550123" in hrefs
    assert "mailto:info@klimop.nl" in hrefs
    assert "mailto:koffie@klimop.nl" in hrefs
    assert hrefs.count("tel:+31261111111") == 1
    assert not soup.select("a a")


@pytest.mark.django_db
def test_weekoverzicht_links_the_servicepunt(client):
    soup = BeautifulSoup(client.get("/agenda/malburgen/weekoverzicht/").content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".wo-servicepunt a")]
    assert "tel:+31885550109" in hrefs
