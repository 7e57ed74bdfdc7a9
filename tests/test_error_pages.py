"""The portal's own error pages (404, 500, 503) in the reader's language, and a database that goes away.

The 500 and 503 pages are requested while the database cannot be reached: they must render from
templates and settings alone. Test settings run with DEBUG=False, as production does.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup
from django.db import connections
from django.test import Client

from activiteiten import agenda
from redactie.models import Melding

PHONE = "088-5550100"  # the default of SERVICEPUNT_TELEFOON


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def assert_portal_page(response, lang, heading):
    soup = soup_of(response)
    assert soup.html["lang"] == lang
    assert soup.find("meta", attrs={"name": "viewport"}) is not None
    assert soup.h1.get_text(strip=True) == heading
    assert soup.select_one(".site-header .site-name") is not None
    assert soup.select_one("form[role=search] input[name=q]") is not None
    home = "/en/" if lang == "en" else "/"
    assert soup.find("main").find("a", href=home) is not None  # a way back
    phone = soup.find("main").find("a", href="tel:+31885550100")
    assert phone is not None and phone.get_text(strip=True) == PHONE


@pytest.fixture
def database_down(django_db_blocker):
    """The database cannot be reached: every new connection is refused."""
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-zorgzame-buurten/db.sqlite3"
        else:
            connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
        yield
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path,lang,heading",
    [
        ("/bestaat-niet/", "nl", "Deze pagina bestaat niet"),
        ("/en/does-not-exist/", "en", "This page does not exist"),
        ("/agenda/nergenshuizen/weekoverzicht/", "nl", "Deze pagina bestaat niet"),
        ("/en/agenda/ical/activiteit/99999999999999999999.ics", "en", "This page does not exist"),
    ],
)
def test_404_is_the_portals_page_in_the_readers_language(client, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert_portal_page(response, lang, heading)


@pytest.mark.parametrize(
    "path,lang,heading",
    [
        ("/media/images/../../../etc/passwd", "nl", "Dit adres klopt niet"),
        ("/en/agenda/?x=1", "en", "This address is not right"),
    ],
)
def test_400_is_the_portals_page_in_the_readers_language(client, path, lang, heading):
    # Django refuses a path outside the media folder, and a host name that is not allowed, with a 400.
    response = client.get(path) if path.startswith("/media/") else client.get(path, HTTP_HOST="bad host!")
    assert response.status_code == 400
    assert_portal_page(response, lang, heading)


def test_403_is_the_portals_page_in_the_readers_language(rf):
    from portal.errors import forbidden

    response = forbidden(rf.get("/en/agenda/"))
    assert response.status_code == 403
    assert_portal_page(response, "en", "This page is not for everyone")


@pytest.mark.parametrize(
    "path,lang,heading",
    [("/agenda/", "nl", "Er ging iets mis"), ("/en/agenda/", "en", "Something went wrong")],
)
def test_500_renders_without_the_database(database_down, monkeypatch, path, lang, heading):
    # The agenda fails before its first query, with the database unreachable: if the 500 page queried
    # the database, the error handler itself would raise and the test client would raise it here.
    def broken():
        raise RuntimeError("a bug")

    monkeypatch.setattr(agenda.Locale, "get_active", broken)
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 500
    assert_portal_page(response, lang, heading)


@pytest.mark.parametrize(
    "path,lang,heading",
    [
        ("/agenda/", "nl", "De website is even niet bereikbaar"),
        ("/en/agenda/", "en", "The website is unavailable for a moment"),
        ("/", "nl", "De website is even niet bereikbaar"),
        ("/zoeken/?q=koffie", "nl", "De website is even niet bereikbaar"),
    ],
)
def test_database_away_gives_503_with_retry_after_not_500(database_down, path, lang, heading):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_portal_page(response, lang, heading)


def test_report_sent_while_database_is_away_keeps_the_text(database_down):
    client = Client(raise_request_exception=False)
    text = "De koffieochtend is nu op dinsdag, niet op maandag."
    response = client.post("/klopt-er-iets-niet/123/", {"bericht": text, "contact": "06-12345678", "website": ""})
    assert response.status_code == 503
    assert_portal_page(response, "nl", "De website is even niet bereikbaar")
    form = soup_of(response).find("form", class_="melding__form")
    assert form["action"] == "/klopt-er-iets-niet/123/" and form["method"] == "post"
    assert form.find("textarea", attrs={"name": "bericht"}).get_text() == text
    assert form.find("input", attrs={"name": "contact"})["value"] == "06-12345678"
    assert "Je tekst staat hieronder nog" in soup_of(response).find(role="alert").get_text()


# On PostgreSQL: the server drops every connection (as a restart does) between two requests. The requests
# run in a thread of their own, with its own connection outside the test's transaction (which must survive
# the drop), reading the committed demo content.


@pytest.fixture
def elsewhere():
    """Run a function in one other thread (the same one every time), and close its connections at the end."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")
    with ThreadPoolExecutor(1) as pool:
        yield lambda function: pool.submit(function).result()
        pool.submit(connections.close_all).result()


def drop_connections():
    """Terminate the other backends of this database from a second connection, like a restart does;
    the test's own connection (holding its transaction) stays."""
    import psycopg

    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        test_pid = cursor.fetchone()[0]
    params = connections["default"].get_connection_params()
    with psycopg.connect(**params, autocommit=True) as admin:
        dropped = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> %s",
            [test_pid],
        ).fetchall()
    assert dropped, "no connection to drop"


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/agenda/", "/en/agenda/", "/", "/agenda/malburgen/weekoverzicht/"])
def test_dropped_connection_is_retried_not_500(elsewhere, path):
    client = Client()  # an exception would fail the test
    assert elsewhere(lambda: client.get(path)).status_code == 200
    drop_connections()
    assert elsewhere(lambda: client.get(path)).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db
def test_report_sent_after_dropped_connection_is_stored(elsewhere):
    from activiteiten.models import ActiviteitPage

    page = ActiviteitPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    text = "Bij een herstart van de database mag mijn melding niet verloren gaan."
    client = Client()
    elsewhere(lambda: client.get(page.url))  # the thread has an open connection
    drop_connections()
    try:
        response = elsewhere(
            lambda: client.post(f"/klopt-er-iets-niet/{page.pk}/", {"bericht": text, "contact": "", "website": ""})
        )
        assert response.status_code == 302
        assert elsewhere(lambda: Melding.objects.filter(bericht=text, page_id=page.pk).count()) == 1
    finally:
        elsewhere(lambda: Melding.objects.filter(bericht=text).delete())
