"""A page behind a view restriction (a password, a login, a group) is for those who may see it: the moment an
editor sets one, anonymous readers no longer get the page from the page cache, its buurt page stops listing
it, the agenda drops its times, the search stops finding it and its words leave the typo vocabulary
(portal/pagecache/signals.py, activiteiten/signals.on_restriction, search/docindex._fingerprint,
search/signals_vocabulary.restriction_changed); the buurt page asks for its public places
in one query (home/public.py)."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from activiteiten.models import ActiviteitPage, Occurrence, VoorzieningPage
from home.public import public_pages
from search.models_vocabulary import ZoekwoordPagina

from .opensearch_support import engine, opensearch_config, opensearch_urls  # noqa: F401
from .pagecache_support import fetch, page_cache  # noqa: F401
from .ranking_support import html, no_kept_answers, ranking, titles  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(presikhaaf):
    """Two live places of the buurt: the first gets a restriction in the tests, the second does not."""
    return list(VoorzieningPage.objects.child_of(presikhaaf).live().order_by("pk"))[:2]


def place_links(client, buurt):
    soup = BeautifulSoup(fetch(client, buurt.url)[1], "html.parser")
    return {a.get_text(" ", strip=True) for a in soup.select("main a")}


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def test_a_place_behind_a_password_is_not_on_its_buurt_page(client, presikhaaf, places):
    hidden, shown = places
    assert {hidden.title, shown.title} <= place_links(client, presikhaaf)
    restrict(hidden)
    links = place_links(client, presikhaaf)
    assert hidden.title not in links and shown.title in links


def test_setting_and_lifting_a_restriction_purges_the_cached_pages(client, page_cache, presikhaaf, places):
    hidden, _shown = places
    fetch(client, hidden.url)
    assert fetch(client, hidden.url)[0] == "hit"  # stored for anonymous readers
    assert hidden.title in place_links(client, presikhaaf)
    restriction = restrict(hidden)
    answer, text = fetch(client, hidden.url)
    assert answer != "hit" and 'name="password"' in text  # the password form, not the stored page
    assert hidden.title not in place_links(client, presikhaaf)
    restriction.delete()
    assert hidden.title in place_links(client, presikhaaf)
    assert 'name="password"' not in fetch(client, hidden.url)[1]


def test_the_search_stops_finding_a_page_behind_a_restriction(client, no_kept_answers, ranking, places):
    hidden, _shown = places
    assert hidden.title in titles(html(client, q=hidden.title))
    restriction = restrict(hidden)
    assert hidden.title not in titles(html(client, q=hidden.title))
    restriction.delete()
    assert hidden.title in titles(html(client, q=hidden.title))


def agenda_titles(client, buurt):
    soup = BeautifulSoup(fetch(client, buurt.url)[1], "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".agenda__title a")]


def test_an_activity_behind_a_restriction_leaves_the_agenda(client, presikhaaf, django_capture_on_commit_callbacks):
    listed = agenda_titles(client, presikhaaf)
    activity = ActiviteitPage.objects.child_of(presikhaaf).live().filter(title=listed[0]).get()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(activity)
    assert activity.title not in agenda_titles(client, presikhaaf)
    assert not Occurrence.objects.filter(page_id=activity.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert activity.title in agenda_titles(client, presikhaaf)


def test_the_words_of_a_page_behind_a_restriction_leave_the_typo_vocabulary(places):
    hidden, _shown = places
    had = set(ZoekwoordPagina.objects.filter(page_id=hidden.pk).values_list("zoekwoord__woord", flat=True))
    assert had
    restriction = restrict(hidden)
    assert not ZoekwoordPagina.objects.filter(page_id=hidden.pk).exists()
    restriction.delete()
    assert set(ZoekwoordPagina.objects.filter(page_id=hidden.pk).values_list("zoekwoord__woord", flat=True)) == had


@pytest.mark.parametrize("restricted", ["a place", "a buurt", "nothing"])
def test_the_one_query_leaves_out_what_wagtails_public_does(presikhaaf, places, restricted):
    if restricted == "a place":
        restrict(places[0])
    elif restricted == "a buurt":  # every page under it
        PageViewRestriction.objects.create(page=presikhaaf, restriction_type=PageViewRestriction.LOGIN)
    pages = VoorzieningPage.objects.live().order_by("pk")
    assert list(public_pages(pages)) == list(pages.public())
    assert (pages.count() > pages.public().count()) is (restricted != "nothing")
