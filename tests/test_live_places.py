"""Only live places appear in public: a live activity linked to a draft or unpublished voorziening shows
neither its name nor its address on the activity page, its .ics, the weekoverzicht, the agendas, the home page
or in search. Editors are told: in the edit view, when unpublishing the place, and by e-mail."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from activiteiten.models import BuurtPage, VoorzieningPage
from activiteiten.occurrences import refresh_page
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit
from redactie.groups import cm_name
from tests.redactie_support import login, make_user

pytestmark = pytest.mark.django_db

PLACE = "Verborgen Buurthuis"
ADDRESS = "Verstopstraat 17"


@pytest.fixture
def malburgen():
    return BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")


@pytest.fixture
def place(malburgen):
    """A voorziening that was never published."""
    page = VoorzieningPage(
        title=PLACE,
        slug="verborgen-buurthuis",
        soort="buurthuis",
        omschrijving="<p>Nog niet open.</p>",
        adres=ADDRESS,
        postcode="6826 HK",
        plaats="Arnhem",
        telefoon="088-5550777",
        live=False,
    )
    malburgen.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def activity(malburgen, place):
    start = local(timezone.now().astimezone(AMSTERDAM).date() + timedelta(days=1), 9)
    page = make_activiteit(malburgen, "Geheime ochtend", start, voorziening=place, locatie="")
    refresh_page(page)
    return page


def public_texts(client, activity):
    """What residents can read about the activity, surface by surface."""
    day = activity.start.astimezone(AMSTERDAM).date().isoformat()
    html = {
        "activity page": client.get(activity.url),
        "weekoverzicht": client.get(f"/agenda/malburgen/weekoverzicht/?vanaf={day}"),
        "buurt agenda": client.get("/malburgen/"),
        "site agenda": client.get("/agenda/?buurt=malburgen"),
        "home": client.get("/"),
        "search": client.get("/zoeken/", {"q": "Geheime ochtend"}),
    }
    texts = {}
    for name, response in html.items():
        assert response.status_code == 200, name
        texts[name] = response.content.decode()
    texts["ics"] = client.get(f"/agenda/ical/activiteit/{activity.pk}.ics").content.decode().replace("\r\n ", "")
    texts["buurt ics"] = client.get("/agenda/ical/buurt/malburgen.ics").content.decode().replace("\r\n ", "")
    api = client.get("/api/zoeken/", {"q": "Geheime ochtend"})
    texts["search api"] = json.dumps(api.json(), ensure_ascii=False) if api.status_code == 200 else ""
    return texts


def test_a_place_that_was_never_published_shows_nowhere(client, activity):
    texts = public_texts(client, activity)
    assert "Geheime ochtend" in texts["activity page"] and "Geheime ochtend" in texts["ics"]
    assert "Geheime ochtend" in texts["search"] and "Geheime ochtend" in texts["weekoverzicht"]
    for name, text in texts.items():
        assert PLACE not in text, name
        assert ADDRESS not in text, name


def test_a_place_shows_while_live_and_disappears_when_unpublished(client, activity, place):
    place.save_revision().publish()
    texts = public_texts(client, activity)
    for name in ("activity page", "ics", "weekoverzicht", "buurt agenda"):
        assert PLACE in texts[name], name
    place.refresh_from_db()
    place.unpublish()
    for name, text in public_texts(client, activity).items():
        assert PLACE not in text, name
        assert ADDRESS not in text, name


def test_searching_the_place_name_does_not_find_the_activity_through_it(client, activity):
    response = client.get("/zoeken/", {"q": PLACE})
    assert "Geheime ochtend" not in response.content.decode()


@pytest.fixture
def editor(django_user_model, malburgen):
    return make_user(django_user_model, "cm-malburgen", cm_name(malburgen.title))


def test_editor_is_warned_in_the_edit_view(activity, editor):
    response = login(editor).get(f"/admin/pages/{activity.pk}/edit/")
    assert response.status_code == 200
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert f"Let op: de plek ‘{PLACE}’ staat niet online." in text


def test_unpublishing_a_place_tells_who_unpublishes_and_mails_the_editors(
    activity, place, editor, django_capture_on_commit_callbacks
):
    place.save_revision().publish()
    client = login(editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{place.pk}/unpublish/", follow=True)
    assert response.status_code == 200
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert f"Deze activiteiten gebruiken ‘{PLACE}’ als plek: ‘Geheime ochtend’." in text
    (message,) = mail.outbox
    assert editor.email in message.to
    assert PLACE in message.subject and "‘Geheime ochtend’" in message.body
