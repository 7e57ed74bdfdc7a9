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


def test_sitemap_lists_every_language_with_alternates(client, db):
    urls = _sitemap(client)
    home_nl = HomePage.objects.get(locale__language_code="nl").get_full_url()
    homes = {code: home_nl + (f"{code}/" if code != "nl" else "") for code in ("nl", "en", "tr", "ar")}
    assert {code: HomePage.objects.get(locale__language_code=code).get_full_url() for code in homes} == homes
    assert urls[home_nl] == homes
    # The English, Turkish and Arabic pages are aliases of the Dutch ones; they are listed too, pointing back.
    wmo_nl = BegripPage.objects.get(slug="wmo", locale=Locale.objects.get(language_code="nl"))
    wmo = {
        code: BegripPage.objects.get(translation_key=wmo_nl.translation_key, locale__language_code=code)
        for code in homes
    }
    assert all(page.alias_of_id == wmo_nl.pk for code, page in wmo.items() if code != "nl")
    wmo_urls = {code: page.get_full_url() for code, page in wmo.items()}
    for code, url in wmo_urls.items():
        assert url.startswith(homes[code])
        assert urls[url] == wmo_urls
    for code in ("en", "tr", "ar"):
        translated = [loc for loc in urls if loc.startswith(homes[code])]
        assert len(translated) == len(urls) // 4  # every Dutch page has its alias in each language


def test_sitemap_leaves_out_unpublished_pages(client, db):
    wmo = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
    url = wmo.get_full_url()
    wmo.unpublish()
    assert url not in _sitemap(client)
