"""Welzijnswerkers see and close the reports (meldingen) of their own buurt, never another buurt's."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse

from redactie.groups import ww_name
from redactie.models import Melding

from .redactie_support import (  # noqa: F401
    activiteit_a,
    activiteit_b,
    buurt_a,
    buurt_b,
    login,
    make_user,
    voorziening_a,
    ww_a,
)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def report(page, bericht):
    return Melding.objects.create(page=page, buurt=page.get_parent().specific, pagina_titel=page.title, bericht=bericht)


def test_welzijnswerker_sees_own_buurts_reports_only(ww_a, activiteit_a, activiteit_b):
    report(activiteit_a, "De tijd klopt niet, het is om 10 uur.")
    other = report(activiteit_b, "Dit is in een andere buurt.")
    response = login(ww_a).get(reverse("redactie_meldingen"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "De tijd klopt niet, het is om 10 uur." in html
    assert "Dit is in een andere buurt." not in html
    # Another buurt's report cannot be closed either.
    closing = login(ww_a).post(reverse("redactie_meldingen"), {"melding": other.pk, "afgehandeld": "1"})
    assert closing.status_code == 404
    other.refresh_from_db()
    assert not other.afgehandeld


def test_welzijnswerker_can_close_own_report_and_finds_it_in_the_menu(ww_a, activiteit_a):
    own = report(activiteit_a, "Het telefoonnummer werkt niet meer.")
    client = login(ww_a)
    client.post(reverse("redactie_meldingen"), {"melding": own.pk, "afgehandeld": "1"})
    own.refresh_from_db()
    assert own.afgehandeld
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert reverse("redactie_meldingen") in str(soup)


def test_welzijnswerker_of_the_other_buurt_does_not_see_it(django_user_model, buurt_b, activiteit_a):
    report(activiteit_a, "Alleen voor de eigen buurt.")
    ww_b = make_user(django_user_model, "ww-b", ww_name(buurt_b.title))
    html = login(ww_b).get(reverse("redactie_meldingen")).content.decode()
    assert "Alleen voor de eigen buurt." not in html


def test_klopt_er_iets_niet_link_is_on_the_page_near_the_top(client, activiteit_a, voorziening_a):
    for page in (activiteit_a, voorziening_a):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        link = soup.select_one(".melding-link a")
        assert link["href"] == "#klopt-er-iets-niet" and link.get_text().startswith("Klopt er iets niet?")
        assert link.find_parent(["details", "nav"]) is None
        assert soup.find(id="klopt-er-iets-niet").find_parent("details") is None
