"""The popular searches residents see: only the list editors keep (PopulaireZoekvraag), never the query log."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from redactie.groups import BEHEERDER
from search.models import PopulaireZoekvraag, ZoekDag

from .redactie_support import buurt_a, cm_a, denied, form_data, login, make_user, redacteur  # noqa: F401

pytestmark = pytest.mark.django_db

NOTHING = "qqxzzyv"  # finds nothing in any language: the page that shows the popular searches
PLANTED = "koffei"  # a typo that still finds coffee: the old page listed it once it was searched often
DEMO_NL = ["koffie", "huisarts", "mantelzorg", "boodschappen", "wandelen", "computerhulp"]  # demo/corpus/
ADD_URL = "/admin/zoekrapport/populair/toevoegen/"
REPORT_URL = "/admin/zoekrapport/meest-gezocht/"


@pytest.fixture(autouse=True)
def fresh_search_index(settings):
    # Tests roll back their changes without a publish signal: check the site's fingerprint every time.
    settings.SEARCH_INDEX_CHECK_SECONDS = 0


def popular(client, prefix=""):
    response = client.get(f"{prefix}/zoeken/", {"q": NOTHING})
    assert response.status_code == 200
    return [
        (a.get_text(strip=True), a["href"]) for a in BeautifulSoup(response.content, "html.parser").select(".popular a")
    ]


def terms(client, prefix=""):
    return [term for term, _href in popular(client, prefix)]


def public_urls():
    """The search pages without a result in every language, and every kind of page residents read."""
    urls = [f"{prefix}/zoeken/?q={NOTHING}" for prefix in ("", "/en", "/tr", "/ar")]
    urls += ["/", "/en/", "/agenda/", f"/zoeken/?q={PLANTED}", f"/zoeken/?q={PLANTED}+{NOTHING}"]
    seen_types = set()
    for page in Page.objects.live().filter(locale__language_code="nl", depth__gt=1).specific().order_by("path"):
        if type(page) not in seen_types:
            seen_types.add(type(page))
            urls.append(page.url)
    return urls


def test_a_planted_search_never_shows_on_a_public_page(client):
    for _time in range(20):
        client.get("/zoeken/", {"q": PLANTED})
        client.get("/en/zoeken/", {"q": PLANTED})
    planted = ZoekDag.objects.get(zoekterm=PLANTED, taal="nl")
    assert planted.aantal > planted.zonder_resultaat  # "found something": enough for the old list
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        shown = BeautifulSoup(response.content, "html.parser")
        assert PLANTED not in [a.get_text(strip=True) for a in shown.select(".popular a")], url
        assert f"q={PLANTED}" not in " ".join(a.get("href", "") for a in shown.select(".popular a")), url
    assert terms(client) == DEMO_NL


def test_curated_terms_show_in_their_own_language_and_link_to_their_search(client, en):
    PopulaireZoekvraag.objects.create(zoekvraag="coffee", locale=en, sort_order=2)
    PopulaireZoekvraag.objects.create(zoekvraag="Meals at home", locale=en, sort_order=1)
    assert popular(client, "/en") == [("Meals at home", "?q=Meals%20at%20home"), ("coffee", "?q=coffee")]
    assert terms(client) == DEMO_NL  # Dutch page: the Dutch list only
    assert terms(client, "/tr") == []  # no Turkish list: nothing, not the Dutch list or the log
    follow = client.get("/en/zoeken/", {"q": "coffee"})
    assert BeautifulSoup(follow.content, "html.parser").select(".search-result")


def test_the_term_just_searched_is_left_out(client):
    PopulaireZoekvraag.objects.create(zoekvraag=NOTHING.upper(), locale=Locale.get_default(), sort_order=0)
    assert NOTHING.upper() not in terms(client)


def test_a_change_to_the_list_shows_on_the_kept_no_result_page(admin_client, client, settings):
    settings.SEARCH_ANSWER_SECONDS = 60  # the search page keeps its answers (search/answers.py)
    assert "huisarts" in terms(client)
    huisarts = PopulaireZoekvraag.objects.get(zoekvraag="huisarts", locale=Locale.get_default())
    edit_url = reverse("wagtailsnippets_portal_search_populairezoekvraag:edit", args=[huisarts.pk])
    data = form_data(admin_client.get(edit_url).content.decode())
    data["zoekvraag"] = "dokter"
    assert admin_client.post(edit_url, data).status_code == 302
    assert "dokter" in terms(client) and "huisarts" not in terms(client)
    delete_url = reverse("wagtailsnippets_portal_search_populairezoekvraag:delete", args=[huisarts.pk])
    admin_client.post(delete_url)
    assert "dokter" not in terms(client)


def search_often(client, term, prefix="", times=3):
    for _time in range(times):
        client.get(f"{prefix}/zoeken/", {"q": term})


def report_rows(client):
    soup = BeautifulSoup(client.get(REPORT_URL).content, "html.parser")
    return {
        tuple(td.get_text(" ", strip=True) for td in tr.find_all("td")[:2]): tr.select_one("td.populair")
        for tr in soup.select("tbody tr")
    }


@pytest.fixture
def beheerder(db, django_user_model):
    return make_user(django_user_model, "beheerder", BEHEERDER)  # the group's rights, not a superuser


def test_an_editor_puts_a_frequent_search_on_the_list_in_one_step(client, beheerder):
    PopulaireZoekvraag.objects.exclude(zoekvraag="koffie").delete()  # room on the page (it shows SHOWN)
    search_often(client, "valpreventie")
    search_often(client, "koffie")
    search_often(client, "koffie", prefix="/en")
    editor = login(beheerder)
    rows = report_rows(editor)
    assert rows[("koffie", "Nederlands")].get_text(strip=True) == "Staat op de lijst"
    cell = rows[("valpreventie", "Nederlands")]
    form = cell.find("form")
    assert form["method"] == "post" and form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert rows[("koffie", "English")].find("form")  # on the Dutch list only
    response = editor.post(ADD_URL, form_data(str(cell), "form"))
    assert response.status_code == 302 and response["Location"] == f"{REPORT_URL}?dagen=30"
    stored = PopulaireZoekvraag.objects.get(zoekvraag="valpreventie")
    assert stored.locale.language_code == "nl"
    assert stored.sort_order > PopulaireZoekvraag.objects.get(zoekvraag="koffie").sort_order  # last
    after = report_rows(editor)
    assert after[("valpreventie", "Nederlands")].get_text(strip=True) == "Staat op de lijst"
    assert terms(client) == ["koffie", "valpreventie"]
    # Nothing is added by itself: other frequent searches stay off the list.
    assert not PopulaireZoekvraag.objects.filter(zoekvraag="koffie", locale__language_code="en").exists()


def test_adding_twice_or_nonsense_gives_a_message_not_an_error(admin_client):
    again = admin_client.post(ADD_URL, {"zoekvraag": "Koffie", "taal": "nl", "dagen": "7"}, follow=True)
    assert again.status_code == 200
    assert "Deze zoekvraag staat al op de lijst voor deze taal." in again.content.decode()
    klingon = admin_client.post(ADD_URL, {"zoekvraag": "koffie", "taal": "tlh"}, follow=True)
    assert "Deze taal staat niet op de website: ‘tlh’." in klingon.content.decode()
    empty = admin_client.post(ADD_URL, {"zoekvraag": "   ", "taal": "nl"}, follow=True)
    assert "Vul een zoekvraag in." in empty.content.decode()
    add_in_admin = admin_client.post(
        reverse("wagtailsnippets_portal_search_populairezoekvraag:add"),
        {"zoekvraag": " KOFFIE ", "locale": Locale.get_default().pk},
    )
    assert add_in_admin.status_code == 200  # the form again, with the message
    assert "Deze zoekvraag staat al op de lijst voor deze taal." in add_in_admin.content.decode()
    assert PopulaireZoekvraag.objects.filter(zoekvraag__iexact="koffie").count() == 1
    assert admin_client.get(ADD_URL).status_code == 405


def test_communitymanagers_and_strangers_cannot_change_the_list(client, cm_a, redacteur):
    search_often(client, "valpreventie")
    manager = login(cm_a)
    rows = report_rows(manager)  # the report itself stays theirs to read
    assert rows[("valpreventie", "Nederlands")].find("form") is None
    for user in (cm_a, redacteur):
        assert denied(login(user).post(ADD_URL, {"zoekvraag": "valpreventie", "taal": "nl"}))
        assert denied(login(user).get(reverse("wagtailsnippets_portal_search_populairezoekvraag:list")))
    stranger = client.post(ADD_URL, {"zoekvraag": "valpreventie", "taal": "nl"})
    assert stranger.status_code == 302 and stranger["Location"].startswith("/admin/login/")
    assert not PopulaireZoekvraag.objects.filter(zoekvraag="valpreventie").exists()


def test_the_add_button_needs_its_csrf_token(beheerder):
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(beheerder)
    assert editor.post(ADD_URL, {"zoekvraag": "valpreventie", "taal": "nl"}).status_code == 403
    assert not PopulaireZoekvraag.objects.filter(zoekvraag="valpreventie").exists()
