"""SQL queries per uncached page do not grow with the number of activities or glossary terms.

(The buurt page and the agenda are also counted in tests/test_agenda.py with a test buurt.)"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from activiteiten import agenda
from activiteiten.models import BuurtPage
from activiteiten.recurrence import AMSTERDAM
from activiteiten.testing import make_activiteit
from woordenlijst.models import BegripPage, WoordenlijstPage

pytestmark = pytest.mark.django_db
EXTRA = 30  # pages added between the two counts
URLS = ("/", "/presikhaaf/", "/agenda/", "/woordenlijst/", "/agenda/ical/alles.ics")


def queries(client, url):
    cache.clear()  # uncached: the glossary markup and index are rebuilt too
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx)


def test_queries_per_page_do_not_grow_with_activities_and_terms(client, django_capture_on_commit_callbacks):
    few = {url: queries(client, url) for url in URLS}
    nl = Locale.get_default()
    buurt = BuurtPage.objects.get(slug="presikhaaf", locale=nl)
    woordenlijst = WoordenlijstPage.objects.get(locale=nl)
    soon = agenda.now().astimezone(AMSTERDAM) + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(EXTRA):
            make_activiteit(
                buurt, f"Extra activiteit {i}", soon + timedelta(hours=i), herhaling="FREQ=WEEKLY" if i % 2 else ""
            )
            begrip = woordenlijst.add_child(
                instance=BegripPage(
                    title=f"Testwoord{i}", slug=f"testwoord-{i}", uitleg=f"Uitleg {i}.", locale=nl, live=False
                )
            )
            begrip.save_revision().publish()
    many = {url: queries(client, url) for url in URLS}
    assert many == few
