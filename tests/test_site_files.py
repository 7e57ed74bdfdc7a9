"""favicon, robots.txt and sitemap.xml: what browsers and search engines ask for at the site root."""

import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from home.models import HomePage
from woordenlijst.models import BegripPage

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_every_page_links_an_icon_that_exists(client, db):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    icons = [link["href"] for link in soup.find_all("link", rel="icon")]
    assert any(href.endswith(".svg") for href in icons) and any(href.endswith(".ico") for href in icons)
    for href in icons:
        assert finders.find(href.removeprefix("/static/")), href
    response = client.get("/favicon.ico")
    assert response.status_code in (200, 301, 302)
    assert response["Location"].endswith("/img/favicon.ico")


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /django-admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link[@rel='alternate']")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_both_languages_with_alternates(client, db):
    urls = _sitemap(client)
    home_nl = HomePage.objects.get(locale__language_code="nl").get_full_url()
    home_en = HomePage.objects.get(locale__language_code="en").get_full_url()
    assert home_en == home_nl + "en/"
    assert urls[home_nl] == {"nl": home_nl, "en": home_en}
    # The English pages are aliases of the Dutch ones; they are listed too, pointing back.
    wmo_nl = BegripPage.objects.get(slug="wmo", locale=Locale.objects.get(language_code="nl"))
    wmo_en = BegripPage.objects.get(translation_key=wmo_nl.translation_key, locale__language_code="en")
    assert wmo_en.alias_of_id == wmo_nl.pk
    nl_url, en_url = wmo_nl.get_full_url(), wmo_en.get_full_url()
    assert en_url.startswith(home_en)
    assert urls[nl_url] == urls[en_url] == {"nl": nl_url, "en": en_url}
    english = [loc for loc in urls if loc.startswith(home_en)]
    assert len(english) == len(urls) - len(english)  # every Dutch page has its English alias


def test_sitemap_leaves_out_unpublished_pages(client, db):
    wmo = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
    url = wmo.get_full_url()
    wmo.unpublish()
    assert url not in _sitemap(client)
