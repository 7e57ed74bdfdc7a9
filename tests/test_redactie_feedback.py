"""'Klopt er iets niet?': stored for the buurt's communitymanager, spam-protected, nothing lost on bad input."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from redactie.models import Melding

from .redactie_support import activiteit_a, buurt_a, buurt_b, cm_a, cm_b, login, voorziening_a  # noqa: F401


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def post(page, data, ip="10.0.0.1", client=None):
    client = client or Client(REMOTE_ADDR=ip)
    return client.post(reverse("melding", args=[page.pk]), data)


def test_form_is_on_activity_and_voorziening_pages(client, activiteit_a, voorziening_a):
    for page in (activiteit_a, voorziening_a):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        section = soup.find(id="klopt-er-iets-niet")
        assert section.find("h2").get_text() == "Klopt er iets niet?"
        form = section.find("form")
        assert form["action"] == reverse("melding", args=[page.pk])
        assert form.find("label", attrs={"for": form.find("textarea")["id"]})


def test_report_is_stored_for_the_buurt_and_communitymanager_is_told(activiteit_a, buurt_a, cm_a, cm_b):
    response = post(activiteit_a, {"bericht": "De tijd klopt niet, het is om 10 uur.", "contact": "06-12345678"})
    assert response.status_code == 302
    assert response["Location"].startswith(activiteit_a.url + "?melding=ontvangen")
    melding = Melding.objects.get()
    assert melding.page_id == activiteit_a.pk and melding.buurt_id == buurt_a.pk
    assert melding.contact == "06-12345678" and melding.pagina_titel == activiteit_a.title
    assert [m.to for m in mail.outbox] == [[cm_a.email]]
    thanks = Client().get(response["Location"]).content.decode()
    assert "We hebben je bericht ontvangen" in thanks


def test_listed_in_admin_only_for_that_buurts_communitymanager(activiteit_a, cm_a, cm_b):
    post(activiteit_a, {"bericht": "Het telefoonnummer werkt niet meer."})
    melding = Melding.objects.get()
    own = login(cm_a).get(reverse("redactie_meldingen")).content.decode()
    assert "Het telefoonnummer werkt niet meer." in own
    other = login(cm_b).get(reverse("redactie_meldingen")).content.decode()
    assert "Het telefoonnummer werkt niet meer." not in other
    # cm_b cannot close it; cm_a can.
    assert (
        login(cm_b).post(reverse("redactie_meldingen"), {"melding": melding.pk, "afgehandeld": "1"}).status_code == 404
    )
    login(cm_a).post(reverse("redactie_meldingen"), {"melding": melding.pk, "afgehandeld": "1"})
    melding.refresh_from_db()
    assert melding.afgehandeld


@pytest.mark.parametrize(
    "data, message",
    [
        ({"bericht": ""}, "Schrijf op wat er niet klopt."),
        ({"bericht": "fout"}, "minstens 10 tekens"),
        ({"bericht": "x" * 2001}, "ten hoogste 2000 tekens"),
        ({"bericht": "De tijd klopt niet meer.", "contact": "y" * 201}, "ten hoogste 200 tekens"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(activiteit_a, data, message):
    data = {"contact": "mijn nummer", **data}
    response = post(activiteit_a, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("textarea").get_text() == data["bericht"]
    assert soup.find("input", attrs={"name": "contact"})["value"] == data["contact"]
    assert soup.find("textarea").get("aria-invalid") == "true" or "contact" in message or "200" in message
    assert not Melding.objects.exists()


def test_honeypot_stores_nothing(activiteit_a):
    response = post(activiteit_a, {"bericht": "Koop nu goedkope horloges!!", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Melding.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_client_keeps_the_text(activiteit_a):
    for i in range(5):
        assert post(activiteit_a, {"bericht": f"Melding nummer {i} over de tijd."}).status_code == 302
    response = post(activiteit_a, {"bericht": "Nog een melding over de tijd."})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Probeer het over een uur nog eens" in html
    assert "Nog een melding over de tijd." in html
    assert Melding.objects.count() == 5
    # Another client is not blocked.
    assert post(activiteit_a, {"bericht": "Andere bewoner meldt iets."}, ip="10.0.0.2").status_code == 302


def test_only_activity_and_voorziening_pages(buurt_a):
    assert post(buurt_a, {"bericht": "Dit klopt niet hoor."}).status_code == 404
    assert Client().get(reverse("melding", args=[buurt_a.pk])).status_code == 405
