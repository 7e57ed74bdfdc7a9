"""The referral card (verwijzing/): signed-in professionals only, shortlist in the session, card as HTML and PDF
in the resident's language, QR code to the page in that language, nothing about the resident stored."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader
from wagtail.models import Locale

from activiteiten.models import VoorzieningPage
from activiteiten.testing import local, make_activiteit
from activiteiten.toegankelijkheid import ANTWOORDEN, BY_CODE, JA
from redactie.groups import cm_name
from verwijzing.shortlist import SESSION_KEY

pytestmark = pytest.mark.django_db

NOTE = "Dinsdag samen met je buurvrouw gaan"


@pytest.fixture
def pro(presikhaaf, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("wijkcoach", "coach@example.nl", "geheim-wachtwoord-123")
    user.groups.add(Group.objects.get(name=cm_name(presikhaaf.title)))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def activiteit(presikhaaf):
    start = local(timezone.localdate() + timedelta(days=3), 10)
    return make_activiteit(
        presikhaaf,
        "Wandelen met de buurt",
        start,
        herhaling="FREQ=WEEKLY",
        kosten="€ 2",
        toegankelijkheid=[("drempelvrij", "ja", "")],
    )


@pytest.fixture
def plek(presikhaaf):
    return VoorzieningPage.objects.child_of(presikhaaf).live().exclude(telefoon="").order_by("path").first()


def add(client, page):
    return client.post(reverse("verwijskaart_toevoegen", args=[page.pk]), {"next": page.url})


def card(client, taal="nl", formaat="A4", pdf=False):
    url = reverse("verwijskaart_pdf" if pdf else "verwijskaart_kaart")
    return client.post(url, {"taal": taal, "formaat": formaat, "notitie": NOTE})


def test_anonymous_visitors_cannot_reach_it_and_see_no_button(client, activiteit):
    assert client.get(reverse("verwijskaart")).status_code == 302
    assert add(client, activiteit).status_code == 302
    assert client.post(reverse("verwijskaart_kaart"), {"taal": "nl", "formaat": "A4"}).status_code == 302
    assert "Op de verwijskaart" not in client.get(activiteit.url).content.decode()
    assert not client.session.get(SESSION_KEY)


def test_a_signed_in_user_without_the_permission_is_refused(django_user_model):
    user = django_user_model.objects.create_user("bewoner", "b@example.nl", "geheim-wachtwoord-123")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("verwijskaart")).status_code == 403


def test_a_partner_with_only_the_card_permission_may(django_user_model, activiteit):
    user = django_user_model.objects.create_user("partner", "p@example.nl", "geheim-wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="maak_verwijskaart"))
    client = Client()
    client.force_login(user)
    assert client.get(reverse("verwijskaart")).status_code == 200
    assert "Op de verwijskaart" in client.get(activiteit.url).content.decode()


def test_the_button_shows_on_pages_agenda_and_search(pro, activiteit, plek):
    for url in (activiteit.url, plek.url, reverse("agenda"), reverse("search") + "?q=spreekuur"):
        html = pro.get(url).content.decode()
        assert "Op de verwijskaart" in html, url


def test_add_and_remove(pro, activiteit, plek):
    assert add(pro, activiteit)["Location"] == activiteit.url
    add(pro, plek)
    add(pro, activiteit)  # twice is once
    assert pro.session[SESSION_KEY] == [activiteit.pk, plek.pk]
    html = pro.get(reverse("verwijskaart")).content.decode()
    assert "Wandelen met de buurt" in html and plek.title in html
    assert "Staat op de verwijskaart" in pro.get(activiteit.url).content.decode()
    pro.post(reverse("verwijskaart_weghalen", args=[activiteit.pk]))
    assert pro.session[SESSION_KEY] == [plek.pk]


def _translation_url(page, code):
    translated = page.get_translation_or_none(Locale.objects.get(language_code=code))
    target = translated if translated is not None and translated.live else page
    return target.get_full_url()


@pytest.mark.parametrize("taal", ["nl", "en", "tr", "ar"])
def test_the_card_in_each_language(pro, activiteit, plek, taal):
    add(pro, activiteit)
    add(pro, plek)
    response = card(pro, taal)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == taal and soup.html["dir"] == ("rtl" if taal == "ar" else "ltr")
    assert NOTE in soup.text
    items = soup.select(".vk-item")
    assert len(items) == 2
    first = items[0].text
    with translation.override(taal):  # the accessibility answer in the card's language
        drempelvrij = f"{BY_CODE['drempelvrij'].label}: {dict(ANTWOORDEN)[JA]}"
    assert "Wandelen met de buurt" in first and "€ 2" in first and drempelvrij in first
    # The B1 sentence and the next date are both there (the date: the day of the month of the next time).
    assert str((timezone.localdate() + timedelta(days=3)).day) in first
    assert plek.telefoon in items[1].text
    # The QR code encodes the page in the card's language; the same URL is shown under it.
    qr = [figure["data-qr-url"] for figure in soup.select("figure.vk-qr")]
    assert qr == [_translation_url(activiteit, taal), _translation_url(plek, taal)]
    if taal != "nl":  # the place has a page in every language of the demo
        assert f"/{taal}/" in qr[1]
    assert all(figure.select_one("svg title").text == figure["data-qr-url"] for figure in soup.select("figure.vk-qr"))


def test_english_card_is_in_english(pro, activiteit):
    add(pro, activiteit)
    text = BeautifulSoup(card(pro, "en").content, "html.parser").text
    assert "When" in text and "Wanneer" not in text


@pytest.mark.parametrize("taal", ["nl", "en", "tr", "ar"])
def test_the_pdf_in_each_language(pro, activiteit, plek, taal):
    add(pro, activiteit)
    add(pro, plek)
    response = card(pro, taal, formaat="A5", pdf=True)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    squashed = "".join(text.split())
    assert "Wandelen" in text and "".join(NOTE.split()) in squashed
    assert "".join(_translation_url(plek, taal).split()) in squashed
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 148  # A5


def test_nothing_is_stored_in_the_database(pro, activiteit):
    add(pro, activiteit)

    def counts():
        return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed}

    before = counts()
    card(pro, "tr")
    card(pro, "ar", pdf=True)
    assert counts() == before
    for session in Session.objects.all():
        assert NOTE not in str(session.get_decoded())


def test_an_empty_card_or_bad_language_is_refused_plainly(pro, activiteit):
    assert card(pro).status_code == 400
    add(pro, activiteit)
    response = pro.post(reverse("verwijskaart_kaart"), {"taal": "xx", "formaat": "A4"})
    assert response.status_code == 400 and "xx" in response.content.decode()
