"""'Gecontroleerd op <datum>': the editor's "Alles klopt nog" action and the 6-month report per buurt."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

from datetime import timedelta

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from activiteiten.models import ActiviteitPage, VoorzieningPage

from .redactie_support import (  # noqa: F401
    activiteit_a,
    activiteit_b,
    buurt_a,
    buurt_b,
    cm_a,
    denied,
    login,
    voorziening_a,
    ww_a,
)


def confirm_url(page):
    return reverse("redactie_gecontroleerd", args=[page.pk])


def test_confirm_sets_the_date_shown_on_the_page(client, cm_a, activiteit_a):
    editor = login(cm_a)
    edit_html = editor.get(reverse("wagtailadmin_pages:edit", args=[activiteit_a.pk])).content.decode()
    assert confirm_url(activiteit_a) in edit_html  # the button is offered in the editor
    assert editor.get(confirm_url(activiteit_a)).status_code == 200
    response = editor.post(confirm_url(activiteit_a))
    assert response.status_code == 302
    today = timezone.localdate()
    page = ActiviteitPage.objects.get(pk=activiteit_a.pk)
    assert page.gecontroleerd_op == today
    assert page.get_latest_revision_as_object().gecontroleerd_op == today  # a later publish keeps it
    copies = ActiviteitPage.objects.filter(alias_of=page)  # the untranslated copies in en, tr and ar too
    assert copies.count() == len(settings.LANGUAGES) - 1 and {c.gecontroleerd_op for c in copies} == {today}
    shown = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".checked").get_text()
    assert shown == f"Gecontroleerd op {date_format(today, 'j F Y')}"


def test_confirm_does_not_publish_a_draft(cm_a, activiteit_a):
    activiteit_a.title = "Concepttitel"
    activiteit_a.save_revision()
    login(cm_a).post(confirm_url(activiteit_a))
    page = ActiviteitPage.objects.get(pk=activiteit_a.pk)
    assert page.title != "Concepttitel"
    assert page.get_latest_revision_as_object().title == "Concepttitel"
    assert page.gecontroleerd_op == timezone.localdate()


def test_others_cannot_confirm(cm_a, ww_a, activiteit_b, activiteit_a):
    assert denied(login(cm_a).post(confirm_url(activiteit_b)))
    assert denied(login(ww_a).post(confirm_url(activiteit_a)))
    assert ActiviteitPage.objects.get(pk=activiteit_b.pk).gecontroleerd_op is None


def test_no_date_line_when_never_checked(client, voorziening_a):
    assert BeautifulSoup(client.get(voorziening_a.url).content, "html.parser").select_one(".checked") is None


def test_report_lists_unchecked_pages_per_own_buurt(cm_a, buurt_a, buurt_b, activiteit_a, voorziening_a):
    today = timezone.localdate()
    VoorzieningPage.objects.filter(pk=voorziening_a.pk).update(gecontroleerd_op=today - timedelta(days=30))
    ActiviteitPage.objects.filter(pk=activiteit_a.pk).update(gecontroleerd_op=today - timedelta(days=200))
    soup = BeautifulSoup(login(cm_a).get(reverse("redactie_rapport")).content, "html.parser")
    sections = soup.select("section[data-buurt]")
    assert [s["data-buurt"] for s in sections] == [buurt_a.slug]  # only the own buurt
    listed = {tr["data-page"] for tr in sections[0].select("tr[data-page]")}
    assert activiteit_a.slug in listed  # checked 200 days ago
    assert voorziening_a.slug not in listed  # checked 30 days ago
    children = (
        ActiviteitPage.objects.child_of(buurt_a).live().count()
        + VoorzieningPage.objects.child_of(buurt_a).live().count()
    )
    assert len(listed) == children - 1


def test_welzijnswerker_sees_report_without_confirm_button(ww_a, buurt_a):
    soup = BeautifulSoup(login(ww_a).get(reverse("redactie_rapport")).content, "html.parser")
    assert [s["data-buurt"] for s in soup.select("section[data-buurt]")] == [buurt_a.slug]
    assert not soup.select('a[href^="/admin/redactie/gecontroleerd/"]')


def test_redactie_menu_per_role(cm_a, ww_a):
    cache.clear()  # Wagtail caches the site root paths; other tests may have changed the sites
    cm_menu = login(cm_a).get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Meldingen", "Niet gecontroleerd", "Importeren (CSV, Excel)", "Exporteren (CSV, Excel)"):
        assert label in cm_menu
    ww_menu = login(ww_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "Niet gecontroleerd" in ww_menu and "Importeren (CSV, Excel)" in ww_menu
    assert "Meldingen" in ww_menu  # the reports of their own buurt
