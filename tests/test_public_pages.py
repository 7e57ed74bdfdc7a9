"""A place behind a view restriction is not shown on its buurt's page (home/public.py: the buurt page asks for
its public places in one query instead of Wagtail's two)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from activiteiten.models import BuurtPage, VoorzieningPage
from home.public import public_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def buurt():
    return BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl")


def place_links(client, buurt):
    soup = BeautifulSoup(client.get(buurt.url).content, "html.parser")
    return {a.get_text(" ", strip=True) for a in soup.select("main a")}


def test_a_place_behind_a_password_is_not_on_its_buurt_page(client, buurt):
    places = list(VoorzieningPage.objects.child_of(buurt).live())
    hidden, shown = places[0], places[1]
    assert {hidden.title, shown.title} <= place_links(client, buurt)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    links = place_links(client, buurt)
    assert hidden.title not in links and shown.title in links


@pytest.mark.parametrize("restricted", ["a place", "a buurt", "nothing"])
def test_the_one_query_leaves_out_what_wagtails_public_does(buurt, restricted):
    if restricted == "a place":
        page = VoorzieningPage.objects.child_of(buurt).first()
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif restricted == "a buurt":  # every page under it
        PageViewRestriction.objects.create(page=buurt, restriction_type=PageViewRestriction.LOGIN)
    pages = VoorzieningPage.objects.live().order_by("pk")
    assert list(public_pages(pages)) == list(pages.public())
    assert (pages.count() > pages.public().count()) is (restricted != "nothing")
