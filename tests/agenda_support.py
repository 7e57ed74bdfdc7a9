"""The agenda at a fixed moment, for the tests of what the portal shows on a given day (agenda, iCal, weekoverzicht).

"Today", "this week" and "later" depend on activiteiten.agenda.now(); a test fixes that moment, so that its dates
do not move with the real date, and stores an activity's occurrences as of the same moment.
"""

import pytest

from activiteiten import agenda
from activiteiten.models import ActiviteitPage, BuurtPage
from activiteiten.occurrences import refresh_page
from activiteiten.testing import make_activiteit
from home.models import HomePage


@pytest.fixture
def clock(request, monkeypatch):
    """The agenda's "now" is the NOW of the test's module for the whole test; returns that moment."""
    moment = request.module.NOW
    monkeypatch.setattr(agenda, "now", lambda: moment)
    return moment


@pytest.fixture
def malburgen(clock):
    """The demo buurt Malburgen, its activities' occurrences stored as of the clock's moment (the weekoverzicht)."""
    buurt = BuurtPage.objects.get(slug="malburgen", locale__language_code="nl")
    for page in ActiviteitPage.objects.child_of(buurt):
        refresh_page(page, now=clock)
    return buurt


def new_buurt(locale, title, slug):
    """A published buurt of the test's own, without activities, under the home page of `locale`."""
    home = HomePage.objects.get(locale=locale)
    buurt = home.add_child(
        instance=BuurtPage(
            title=title, slug=slug, gemeente="Arnhem", intro="Een buurt om te testen.", locale=locale, live=False
        )
    )
    buurt.save_revision().publish()
    return buurt


def adder(buurt, now):
    """add(title, start, **kwargs): a published activity in `buurt` (kwargs as make_activiteit takes them) with its
    occurrences stored as of `now`, as the agenda at that moment reads them. add.buurt is the buurt."""

    def add(title, start, **kwargs):
        page = make_activiteit(buurt, title, start, **kwargs)
        refresh_page(page, now=now)
        return page

    add.buurt = buurt
    return add
