"""The query log and the admin reports "Zoekopdrachten zonder resultaat" and "Meest gezocht"."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import ZoekDag
from woordenlijst.models import BegripPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    # Tests roll back their changes without a publish signal: check the site's fingerprint every time.
    settings.SEARCH_INDEX_CHECK_SECONDS = 0


def test_searches_are_counted_with_and_without_results(client):
    client.get("/zoeken/", {"q": "Koffie"})
    client.get("/zoeken/", {"q": "koffie"})
    client.get("/api/zoeken/", {"q": "hondenuitlaatservice"})
    client.get("/zoeken/", {"q": "   "})
    koffie = ZoekDag.objects.get(zoekterm="koffie")
    assert (koffie.aantal, koffie.zonder_resultaat) == (2, 0)
    hond = ZoekDag.objects.get(zoekterm="hondenuitlaatservice")
    assert (hond.aantal, hond.zonder_resultaat) == (1, 1)
    assert ZoekDag.objects.count() == 2
    assert Query.get("koffie").hits == 2


def test_reports_show_what_residents_search_and_miss(admin_client, client):
    for q in ["koffie", "koffie", "hondenuitlaatservice"]:
        client.get("/zoeken/", {"q": q})
    missing = admin_client.get("/admin/zoekrapport/zonder-resultaat/?dagen=7")
    assert missing.status_code == 200
    rows = [
        [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in BeautifulSoup(missing.content, "html.parser").select("tbody tr")
    ]
    assert rows == [["hondenuitlaatservice", "1", "1"]]
    popular = admin_client.get("/admin/zoekrapport/meest-gezocht/?dagen=bogus")
    assert popular.status_code == 200
    soup = BeautifulSoup(popular.content, "html.parser")
    first = [td.get_text(strip=True) for td in soup.select("tbody tr")[0].find_all("td")]
    assert first == ["koffie", "Nederlands", "2", "0", "Staat op de lijst"]  # the demo's popular searches
    assert soup.find(attrs={"aria-current": "true"}).get_text(strip=True) == "30 dagen"


def test_reports_are_in_the_reports_menu_and_need_a_login(admin_client, client):
    assert client.get("/admin/zoekrapport/meest-gezocht/").status_code == 302
    home = admin_client.get("/admin/").content.decode()
    assert "Zoekopdrachten zonder resultaat" in home and "Meest gezocht" in home


def test_editors_promotion_comes_first_in_html_and_json(client):
    begrip = BegripPage.objects.get(slug="respijtzorg", locale__language_code="nl")
    SearchPromotion.objects.create(query=Query.get("koffie"), page=begrip, sort_order=0, description="")
    data = client.get("/api/zoeken/", {"q": "koffie"}).json()
    assert (data["results"][0]["type"], data["results"][0]["slug"]) == ("begrip", "respijtzorg")
    soup = BeautifulSoup(client.get("/zoeken/", {"q": "koffie"}).content, "html.parser")
    first = soup.select_one(".search-result")
    assert "Tip" in first.select_one(".label").get_text() and first.h2.get_text(strip=True) == begrip.title


def test_a_repeated_search_gives_the_same_page_and_is_counted_each_time(client):
    first = client.get("/zoeken/", {"q": "valpreventie"})
    second = client.get("/zoeken/", {"q": "valpreventie"})
    assert second.status_code == 200 and second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    api_first = client.get("/api/zoeken/", {"q": "valpreventie"})
    assert client.get("/api/zoeken/", {"q": "valpreventie"}).json() == api_first.json()
    assert ZoekDag.objects.get(zoekterm="valpreventie").aantal == 4


def test_a_new_promotion_shows_at_once_after_the_same_search(client):
    before = client.get("/api/zoeken/", {"q": "koffie"}).json()["results"][0]
    client.get("/zoeken/", {"q": "koffie"})
    begrip = BegripPage.objects.get(slug="respijtzorg", locale__language_code="nl")
    assert (before["type"], before["slug"]) != ("begrip", "respijtzorg")
    SearchPromotion.objects.create(query=Query.get("koffie"), page=begrip, sort_order=0, description="")
    first = client.get("/api/zoeken/", {"q": "koffie"}).json()["results"][0]
    assert (first["type"], first["slug"]) == ("begrip", "respijtzorg")
    soup = BeautifulSoup(client.get("/zoeken/", {"q": "koffie"}).content, "html.parser")
    assert soup.select_one(".search-result h2").get_text(strip=True) == begrip.title


def test_searches_are_written_in_batches_and_the_reports_include_the_latest(admin_client, client, settings):
    from search import querylog

    settings.SEARCH_LOG_SECONDS = 300
    querylog.flush()  # start a new batch now
    client.get("/zoeken/", {"q": "buurthuis"})
    client.get("/api/zoeken/", {"q": "hondenuitlaatservice"})
    assert not ZoekDag.objects.filter(zoekterm__in=["buurthuis", "hondenuitlaatservice"]).exists()
    missing = admin_client.get("/admin/zoekrapport/zonder-resultaat/?dagen=7")
    rows = [
        [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in BeautifulSoup(missing.content, "html.parser").select("tbody tr")
    ]
    assert rows == [["hondenuitlaatservice", "1", "1"]]
    assert ZoekDag.objects.get(zoekterm="buurthuis").aantal == 1
    assert Query.get("buurthuis").hits == 1
