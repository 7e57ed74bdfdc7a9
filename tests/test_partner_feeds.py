"""Partner calendars flowing in (partnerfeeds/): served for real from 127.0.0.1, imported as activities."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from activiteiten.models import ActiviteitPage
from activiteiten.testing import local, make_activiteit
from partnerfeeds import fetch
from partnerfeeds.importer import import_feed
from partnerfeeds.models import PartnerEvent, PartnerFeed
from redactie.groups import cm_name

from .partnerfeed_support import calendar, serving, vevent

pytestmark = pytest.mark.django_db

YOGA = vevent(
    "yoga-1@bieb",
    "Stoelyoga in de bieb",
    "20270105T100000",
    "20270105T110000",
    rrule="FREQ=WEEKLY;BYDAY=TU",
    exdates=["20270112T100000"],
    location="Bibliotheek, zaal 2",
    description="Rustig bewegen op een stoel.\\n\\nNeem water mee.",
)
TAALCAFE = vevent("taal-1@bieb", "Taalcafé", "20270107T140000", "20270107T160000", location="Bibliotheek")


@pytest.fixture
def feed_server():
    with serving() as routes:
        yield routes


def make_feed(server, buurt, path="/agenda.ics", vertrouwd=True, naam="Bibliotheek Presikhaaf"):
    return PartnerFeed.objects.create(naam=naam, url=server.base + path, buurt=buurt, vertrouwd=vertrouwd)


def page_for(feed, uid):
    return ActiviteitPage.objects.get(pk=PartnerEvent.objects.get(feed=feed, uid=uid).page_id)


def test_recurrence_and_exceptions_are_kept_and_bron_is_shown(feed_server, presikhaaf, client):
    feed_server.set("/agenda.ics", calendar(YOGA, TAALCAFE))
    feed = make_feed(feed_server, presikhaaf)
    result = import_feed(feed)
    assert result is not None, feed.fout
    assert result.nieuw == 2
    page = page_for(feed, "yoga-1@bieb")
    assert page.live and page.get_parent().pk == presikhaaf.pk
    assert page.herhaling == "FREQ=WEEKLY;BYDAY=TU"
    assert [u.datum for u in page.uitzonderingen.all()] == [date(2027, 1, 12)]
    assert page.start == local(date(2027, 1, 5), 10) and page.locatie == "Bibliotheek, zaal 2"
    assert page.organisator == "Bibliotheek Presikhaaf"
    html = client.get(page.url).content.decode()
    assert "Bron: Bibliotheek Presikhaaf" in html
    assert "Elke dinsdag" in html  # the B1 sentence of the rule that came in
    feed.refresh_from_db()
    assert feed.laatst_gelukt and feed.laatst_nieuw and not feed.fout


def test_a_second_run_updates_and_removes(feed_server, presikhaaf):
    feed_server.set("/agenda.ics", calendar(YOGA, TAALCAFE))
    feed = make_feed(feed_server, presikhaaf)
    import_feed(feed)
    taalcafe = page_for(feed, "taal-1@bieb")
    changed = [line.replace("Stoelyoga in de bieb", "Stoelyoga voor iedereen") for line in YOGA]
    feed_server.set("/agenda.ics", calendar(changed))
    result = import_feed(feed)
    assert (result.bijgewerkt, result.verwijderd, result.nieuw) == (1, 1, 0)
    assert ActiviteitPage.objects.get(pk=page_for(feed, "yoga-1@bieb").pk).title == "Stoelyoga voor iedereen"
    taalcafe.refresh_from_db()
    assert not taalcafe.live
    assert PartnerEvent.objects.get(feed=feed, uid="taal-1@bieb").verwijderd


def test_an_untrusted_feed_goes_into_moderation(feed_server, presikhaaf):
    feed_server.set("/agenda.ics", calendar(TAALCAFE))
    feed = make_feed(feed_server, presikhaaf, vertrouwd=False)
    import_feed(feed)
    page = page_for(feed, "taal-1@bieb")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name.endswith(presikhaaf.title)


def test_a_page_an_editor_changed_is_left_alone_and_flagged(feed_server, presikhaaf, admin_client):
    feed_server.set("/agenda.ics", calendar(YOGA))
    feed = make_feed(feed_server, presikhaaf)
    import_feed(feed)
    page = page_for(feed, "yoga-1@bieb")
    page.title = "Stoelyoga (met koffie na afloop)"
    page.save_revision().publish()  # what an editor's "Publiceren" does
    feed_server.set("/agenda.ics", calendar([line.replace("zaal 2", "zaal 3") for line in YOGA]))
    assert import_feed(feed).overgeslagen == 1
    feed_server.set("/agenda.ics", calendar())
    assert import_feed(feed).verwijderd == 0
    page.refresh_from_db()
    assert page.live and page.title == "Stoelyoga (met koffie na afloop)" and page.locatie == "Bibliotheek, zaal 2"
    html = admin_client.get(reverse("partnerfeeds_status")).content.decode()
    assert "Stoelyoga (met koffie na afloop)" in html and "Door de redactie gewijzigd" in html


def test_duplicates_are_shown_instead_of_doubled(feed_server, presikhaaf, admin_client):
    existing = make_activiteit(presikhaaf, "Taalcafe", local(date(2027, 1, 7), 14), locatie="Bibliotheek")
    feed_server.set("/agenda.ics", calendar(TAALCAFE))
    feed_server.set("/kerk.ics", calendar(YOGA))
    feed = make_feed(feed_server, presikhaaf)
    result = import_feed(feed)
    assert (result.nieuw, result.dubbel) == (0, 1)
    assert PartnerEvent.objects.get(feed=feed, uid="taal-1@bieb").dubbel_van_id == existing.pk
    # Across feeds: a second partner announcing the same yoga class.
    import_feed(make_feed(feed_server, presikhaaf, path="/kerk.ics", naam="Kerk"))
    other = [line.replace("yoga-1@bieb", "yoga@sportclub") for line in YOGA]
    feed_server.set("/sport.ics", calendar(other))
    sport = make_feed(feed_server, presikhaaf, path="/sport.ics", naam="Sportclub")
    assert import_feed(sport).dubbel == 1
    assert ActiviteitPage.objects.child_of(presikhaaf).filter(title="Stoelyoga in de bieb").count() == 1
    html = admin_client.get(reverse("partnerfeeds_status")).content.decode()
    assert "Misschien dubbel" in html and "Taalcafé" in html and "Sportclub" in html


def _nothing_changed(feed, buurt, before):
    assert import_feed(feed) is None
    feed.refresh_from_db()
    assert feed.fout
    assert sorted(ActiviteitPage.objects.child_of(buurt).live().values_list("title", flat=True)) == before
    return feed.fout


@pytest.mark.parametrize(
    "route, words",
    [
        ({"body": "<html><body>Onze agenda</body></html>", "content_type": "text/html"}, "geen agenda in iCal-formaat"),
        ({"body": b"BEGIN:VCALENDAR\r\n" + b"X" * (fetch.MAX_FEED_BYTES + 10)}, "te groot"),
        ({"body": calendar(vevent("x@b", "Kapot", "20271345T250000"))}, "klopt DTSTART niet"),
        ({"body": "Interne fout", "status": 500}, "foutmelding (code 500)"),
        ({"body": calendar(vevent("x@b", "Te vaak", "20270105T100000", rrule="FREQ=MINUTELY"))}, "FREQ=MINUTELY"),
    ],
)
def test_bad_feeds_give_an_error_and_change_nothing(feed_server, presikhaaf, route, words):
    feed_server.set("/agenda.ics", calendar(YOGA))
    feed = make_feed(feed_server, presikhaaf)
    import_feed(feed)
    before = sorted(ActiviteitPage.objects.child_of(presikhaaf).live().values_list("title", flat=True))
    # The bad feed also drops the yoga class and adds a new one: neither may happen.
    feed_server.set("/agenda.ics", **route)
    message = _nothing_changed(feed, presikhaaf, before)
    assert words in message
    assert PartnerEvent.objects.filter(feed=feed, verwijderd=True).count() == 0


def test_a_timeout_changes_nothing(feed_server, presikhaaf, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 1)
    feed_server.set("/agenda.ics", calendar(YOGA))
    feed = make_feed(feed_server, presikhaaf)
    import_feed(feed)
    before = sorted(ActiviteitPage.objects.child_of(presikhaaf).live().values_list("title", flat=True))
    feed_server.set("/agenda.ics", calendar(TAALCAFE), delay=3)
    assert "geen antwoord" in _nothing_changed(feed, presikhaaf, before)


def test_only_web_addresses(presikhaaf):
    feed = PartnerFeed.objects.create(naam="Bestand", url="file:///etc/passwd", buurt=presikhaaf)
    assert import_feed(feed) is None
    feed.refresh_from_db()
    assert "https://" in feed.fout


def test_the_admin_button_imports_one_feed_and_shows_health(feed_server, presikhaaf, admin_client):
    feed_server.set("/agenda.ics", calendar(TAALCAFE))
    feed = make_feed(feed_server, presikhaaf)
    response = admin_client.post(reverse("partnerfeeds_ophalen", args=[feed.pk]), follow=True)
    assert "is opgehaald: 1 nieuw" in response.content.decode()
    assert PartnerEvent.objects.filter(feed=feed, page__isnull=False).count() == 1
    feed_server.set("/agenda.ics", "kapot", status=500)
    admin_client.post(reverse("partnerfeeds_ophalen", args=[feed.pk]))
    html = admin_client.get(reverse("partnerfeeds_status")).content.decode()
    assert "foutmelding (code 500)" in html


def test_a_quiet_feed_gets_a_warning(feed_server, presikhaaf):
    from datetime import timedelta

    from django.utils import timezone

    feed_server.set("/agenda.ics", calendar(TAALCAFE))
    feed = make_feed(feed_server, presikhaaf)
    import_feed(feed)
    feed.refresh_from_db()
    assert str(feed.gezondheid()) == "In orde."
    PartnerFeed.objects.filter(pk=feed.pk).update(laatst_nieuw=timezone.now() - timedelta(days=200))
    import_feed(feed)  # nothing new
    feed.refresh_from_db()
    assert "6 maanden geen nieuwe activiteiten" in str(feed.gezondheid())


def test_only_feed_managers_see_the_status_page(presikhaaf, django_user_model):
    user = django_user_model.objects.create_user("ww", "ww@example.nl", "geheim-wachtwoord-123")
    user.groups.add(Group.objects.get(name=cm_name(presikhaaf.title)))
    client = Client()
    client.force_login(user)
    assert client.get(reverse("partnerfeeds_status")).status_code in (302, 403)


def test_the_command_imports_every_feed(feed_server, presikhaaf, capsys):
    feed_server.set("/agenda.ics", calendar(TAALCAFE))
    make_feed(feed_server, presikhaaf)
    call_command("import_partner_feeds")
    assert "1 nieuw" in capsys.readouterr().out
