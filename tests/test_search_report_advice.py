"""The report "Zoekopdrachten zonder resultaat" advises each reader only what they may do themselves, and for the
rest whom to ask: a search promotion is the Beheerder's, another word for a begrip the glossary editors'."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from redactie.groups import BEHEERDER, WOORDENLIJST_REDACTIE

from .redactie_support import buurt_a, cm_a, denied, login, make_user, woordenlijst  # noqa: F401

pytestmark = pytest.mark.django_db
PROMOTION_ADD = "wagtailsearchpromotions:add"


def advice(client):
    """The advice as the reader sees it: its lines, and the addresses of its links."""
    response = client.get(reverse("search_report_zonder_resultaat"))
    assert response.status_code == 200
    items = BeautifulSoup(response.content.decode(), "html.parser").select(".zoekrapport-advies li")
    text = " ".join(item.get_text(" ", strip=True) for item in items)
    return text, [a["href"] for item in items for a in item.select("a")]


def test_a_communitymanager_is_told_whom_to_ask(cm_a):
    client = login(cm_a)
    text, links = advice(client)
    assert "Voeg een pagina toe" in text
    assert "Vraag de Beheerder om een aanbeveling" in text
    assert "Vraag de Woordenlijst-redactie" in text
    assert "Uitgelichte zoekresultaten" not in text and "Andere woorden" not in text
    assert links == []
    assert denied(client.get(reverse(PROMOTION_ADD)))  # indeed not theirs to do


def test_the_beheerder_is_pointed_to_search_promotions_and_the_glossary(django_user_model, woordenlijst):
    client = login(make_user(django_user_model, "beheer-advies", BEHEERDER))
    text, links = advice(client)
    assert "Maak een aanbeveling in het menu Instellingen, bij Uitgelichte zoekresultaten" in text
    assert "Zet het bij ‘Andere woorden’ van dat begrip" in text
    assert "Vraag de" not in text
    assert reverse(PROMOTION_ADD) in links
    assert reverse("wagtailadmin_explore", args=[woordenlijst.pk]) in links
    for link in links:
        assert client.get(link).status_code == 200  # every link leads to something they may do


def test_a_communitymanager_in_the_glossary_team_adds_words_but_asks_for_promotions(cm_a, woordenlijst):
    cm_a.groups.add(Group.objects.get(name=WOORDENLIJST_REDACTIE))
    text, links = advice(login(cm_a))
    assert "Zet het bij ‘Andere woorden’ van dat begrip" in text
    assert "Vraag de Woordenlijst-redactie" not in text
    assert "Vraag de Beheerder om een aanbeveling" in text
    assert links == [reverse("wagtailadmin_explore", args=[woordenlijst.pk])]
