"""The page cache: readers get stored pages; publish, unpublish, move, delete, a glossary change and
midnight each purge exactly the pages that show what changed (portal/pagecache)."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

from datetime import date, datetime, timedelta

import pytest
from wagtail.models import Locale

from activiteiten import agenda
from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.occurrences import upcoming_for
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import local, make_activiteit
from home.models import WEEK_DAYS, WEEK_ITEMS
from portal.pagecache import tags
from woordenlijst.models import BegripPage

from .pagecache_support import fetch, page_cache  # noqa: F401


def nl_buurt(slug):
    return BuurtPage.objects.get(slug=slug, locale=Locale.get_default())


@pytest.fixture
def publish_now(django_capture_on_commit_callbacks):
    """Publish as the admin does: the occurrence table follows when the transaction commits."""

    def _run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return _run


def first_on_the_home_page():
    """(start, eind) that put a new activity first in the home page's week list, which shows the first
    WEEK_ITEMS occurrences that have not ended (running ones first): it starts a minute before the
    earliest one shown and ends in two hours. A fixed start "in three hours" was ninth or later on a
    busy weekday morning, and the home page did not show it."""
    now = agenda.now()
    shown = upcoming_for(locale=Locale.get_default(), days=WEEK_DAYS, limit=WEEK_ITEMS, after=now)
    start = min([now, *(o.start for o in shown)]) - timedelta(minutes=1)
    return start.astimezone(AMSTERDAM), now + timedelta(hours=2)


def reader_pages(buurt):
    return [buurt.url, "/", "/agenda/", f"/agenda/ical/buurt/{buurt.slug}.ics", "/agenda/ical/alles.ics"]


def test_a_reader_gets_the_stored_page_the_second_time(client, page_cache):
    buurt = nl_buurt("presikhaaf")
    first, html = fetch(client, buurt.url)
    second, again = fetch(client, buurt.url)
    assert (first, second) == ("miss", "hit")
    assert again == html
    head = client.head(buurt.url)
    assert head["X-Page-Cache"] == "hit" and head.content == b""
    assert int(head["Content-Length"]) == len(html.encode())


@pytest.mark.parametrize("url", ["/", "/en/", "/tr/", "/ar/", "/woordenlijst/", "/agenda/", "/agenda/ical/alles.ics"])
def test_every_language_and_page_type_is_stored_apart(client, page_cache, url):
    assert [fetch(client, url)[0] for _ in range(2)] == ["miss", "hit"]


def test_publishing_a_new_activity_purges_its_buurt_home_agenda_and_feeds(client, page_cache, publish_now):
    buurt = nl_buurt("presikhaaf")
    other = nl_buurt("malburgen")
    for url in reader_pages(buurt) + [other.url]:
        fetch(client, url)
    start, eind = first_on_the_home_page()
    publish_now(lambda: make_activiteit(buurt, "Pannenkoeken bakken voor de test", start, eind))
    for url in reader_pages(buurt):
        state, html = fetch(client, url)
        assert "Pannenkoeken bakken voor de test" in html, url
        assert state == "miss", url
    # Another buurt's page does not show it and stays stored.
    assert fetch(client, other.url)[0] == "hit"


def test_unpublishing_and_deleting_an_activity_take_it_off_every_page(client, page_cache, publish_now):
    buurt = nl_buurt("presikhaaf")
    start, eind = first_on_the_home_page()
    page = publish_now(lambda: make_activiteit(buurt, "Voorleesuur voor de test", start, eind))
    for url in reader_pages(buurt) + [page.url]:
        assert "Voorleesuur voor de test" in fetch(client, url)[1]
    publish_now(lambda: ActiviteitPage.objects.get(pk=page.pk).unpublish())
    for url in reader_pages(buurt):
        assert "Voorleesuur voor de test" not in fetch(client, url)[1], url
    assert client.get(page.url).status_code == 404

    start, eind = first_on_the_home_page()
    again = publish_now(lambda: make_activiteit(buurt, "Schilderen voor de test", start, eind))
    for url in reader_pages(buurt):
        assert "Schilderen voor de test" in fetch(client, url)[1]
    publish_now(lambda: ActiviteitPage.objects.get(pk=again.pk).delete())
    for url in reader_pages(buurt):
        assert "Schilderen voor de test" not in fetch(client, url)[1], url


def test_moving_an_activity_purges_the_old_and_the_new_buurt(client, page_cache, publish_now):
    old, new = nl_buurt("presikhaaf"), nl_buurt("malburgen")
    start = agenda.now().astimezone(AMSTERDAM) + timedelta(days=1)
    page = publish_now(lambda: make_activiteit(old, "Gymles voor de test", start))
    assert "Gymles voor de test" in fetch(client, old.url)[1]
    assert "Gymles voor de test" not in fetch(client, new.url)[1]
    publish_now(lambda: ActiviteitPage.objects.get(pk=page.pk).move(new, pos="last-child"))
    assert "Gymles voor de test" not in fetch(client, old.url)[1]
    assert "Gymles voor de test" in fetch(client, new.url)[1]


def test_editing_a_published_title_shows_on_the_page_itself_and_its_buurt(client, page_cache, publish_now):
    buurt = nl_buurt("presikhaaf")
    page = ActiviteitPage.objects.child_of(buurt).live().order_by("path").first()
    fetch(client, page.url), fetch(client, buurt.url)
    page.title = "Een nieuwe naam voor de test"
    publish_now(lambda: page.save_revision().publish())
    assert "Een nieuwe naam voor de test" in fetch(client, page.url)[1]
    assert "Een nieuwe naam voor de test" in fetch(client, buurt.url)[1]


def test_a_glossary_change_purges_the_glossary_and_every_page_whose_text_links_it(client, page_cache, publish_now):
    begrip = BegripPage.objects.get(slug="wmo", locale=Locale.get_default())
    linking = next(p for p in ActiviteitPage.objects.live().filter(locale=begrip.locale) if "Wmo" in p.omschrijving)
    pages = [linking.url, "/woordenlijst/", begrip.url]
    for url in pages:
        assert "Uitleg voor de paginacache-test." not in fetch(client, url)[1]
    begrip.uitleg = "Uitleg voor de paginacache-test."
    publish_now(lambda: begrip.save_revision().publish())
    for url in pages:
        assert "Uitleg voor de paginacache-test." in fetch(client, url)[1], url


def test_the_agenda_rolls_over_at_midnight_without_a_publish(client, page_cache, monkeypatch, publish_now):
    buurt = nl_buurt("presikhaaf")
    evening = local(date(2027, 3, 24), 23, 59)
    start = local(date(2027, 3, 25), 10)
    clock = {"now": evening}
    monkeypatch.setattr(agenda, "now", lambda: clock["now"])
    publish_now(lambda: make_activiteit(buurt, "Ochtendwandeling voor de test", start))
    from activiteiten.occurrences import refresh_all

    refresh_all(now=evening)
    state, before = fetch(client, buurt.url)
    assert fetch(client, buurt.url)[0] == "hit"
    clock["now"] = local(date(2027, 3, 25), 0, 1)
    state, after = fetch(client, buurt.url)
    assert state == "miss"
    assert after != before


@pytest.mark.parametrize(
    "moment, expected",
    [
        (local(date(2027, 3, 24), 23, 59), 60),
        # The night summer time starts (28 March 2027: 02:00 → 03:00): the day has 23 hours.
        (local(date(2027, 3, 28), 0, 30), 23 * 3600 - 30 * 60),
        # The night it ends (31 October 2027: 03:00 → 02:00): 25 hours.
        (local(date(2027, 10, 31), 0, 30), 25 * 3600 - 30 * 60),
    ],
)
def test_stored_pages_expire_at_the_next_midnight_in_amsterdam(moment, expected):
    assert tags.seconds_to_midnight(moment) == expected
    assert tags.seconds_to_midnight(moment.astimezone(datetime.now().astimezone().tzinfo)) == expected


def test_a_purge_that_overlaps_a_render_is_not_stored(client, page_cache, monkeypatch):
    """The page rendered before a publish must not be stored under the versions after it."""
    buurt = nl_buurt("presikhaaf")
    real = tags.current_versions
    before = tags.any_bump()

    def publish_during_render(shown):
        tags.bump({tags.buurt(buurt.slug)})  # another process publishes while this page renders
        return real(shown)

    monkeypatch.setattr(tags, "current_versions", publish_during_render)
    assert fetch(client, buurt.url)[0] == "miss"
    monkeypatch.setattr(tags, "current_versions", real)
    assert fetch(client, buurt.url)[0] == "miss"
    assert fetch(client, buurt.url)[0] == "hit"
    assert tags.any_bump() != before  # every purge changes it


def test_a_place_page_changes_from_open_to_closed_at_the_closing_minute(client, page_cache, monkeypatch):
    """The "Nu open" text is on a stored page only until the place closes (activiteiten/open_nu.py tells the cache)."""
    from activiteiten.models import VoorzieningPage

    klimop = VoorzieningPage.objects.get(
        slug="buurthuis-de-klimop", locale=Locale.get_default()
    )  # closes 22.00 on Mondays
    clock = {"now": local(date(2027, 3, 22), 21, 58)}
    monkeypatch.setattr(agenda, "now", lambda: clock["now"])
    state, before = fetch(client, klimop.url)
    assert "Nu open, tot 22.00 uur." in before
    assert fetch(client, klimop.url)[0] == "hit"
    clock["now"] = local(date(2027, 3, 22), 22, 0)
    state, after = fetch(client, klimop.url)
    assert state == "miss"
    assert "Nu open" not in after and "Gesloten." in after
