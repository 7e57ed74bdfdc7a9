"""Who may do what, proved through the Wagtail admin's own views (edit, add, move, copy, delete, publish)."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState

from activiteiten.models import ActiviteitPage, BuurtPage
from redactie.groups import BEHEERDER, cm_name, ww_name

from .redactie_support import (  # noqa: F401  (fixtures)
    activiteit_a,
    activiteit_b,
    begrip,
    buurt_a,
    buurt_b,
    cm_a,
    cm_b,
    denied,
    edit_form_data,
    login,
    make_user,
    redacteur,
    voorziening_a,
    ww_a,
)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def live_title(page):
    return Page.objects.get(pk=page.pk).title


# -- groups --------------------------------------------------------------------------------------
def test_groups_exist_for_every_buurt_with_dutch_names(db):
    for buurt in BuurtPage.objects.filter(locale__language_code="nl"):
        for name in (cm_name(buurt.title), ww_name(buurt.title)):
            group = Group.objects.get(name=name)
            assert GroupPagePermission.objects.filter(group=group, page=buurt).exists()
        assert WorkflowPage.objects.get(page=buurt).workflow.name.endswith(buurt.title)
    assert Group.objects.filter(name=BEHEERDER).exists()
    assert Group.objects.filter(name="Woordenlijst-redactie").exists()


def test_setup_groups_twice_makes_nothing_double(db):
    before = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    call_command("setup_groups", stdout=open("/dev/null", "w"))
    call_command("setup_groups", stdout=open("/dev/null", "w"))
    assert (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == before


def test_new_buurt_gets_its_groups_and_workflow_automatically(admin_client, buurt_a):
    home = buurt_a.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["activiteiten", "buurtpage", home.pk])
    data = {
        "title": "Nieuwe Buurt",
        "slug": "nieuwe-buurt",
        "gemeente": "Arnhem",
        "soort": "wijk",
        "intro": "Een nieuwe buurt.",
        "postcodes": "",
        "action-publish": "publish",
    }
    data.update(edit_form_data_for_add(admin_client, url))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = BuurtPage.objects.get(slug="nieuwe-buurt", locale__language_code="nl")
    cm = Group.objects.get(name="Communitymanager – Nieuwe Buurt")
    ww = Group.objects.get(name="Welzijnswerker – Nieuwe Buurt")
    perms = set(GroupPagePermission.objects.filter(group=cm, page=nieuw).values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= perms
    ww_perms = set(
        GroupPagePermission.objects.filter(group=ww, page=nieuw).values_list("permission__codename", flat=True)
    )
    assert "publish_page" not in ww_perms and "change_page" in ww_perms
    assert WorkflowPage.objects.get(page=nieuw).workflow.tasks.first().specific.groups.get() == cm


def edit_form_data_for_add(admin_client, url):
    from .redactie_support import form_data

    data = form_data(admin_client.get(url).content.decode())
    return {k: v for k, v in data.items() if k not in ("title", "slug", "gemeente", "soort", "intro", "postcodes")}


# -- communitymanager ----------------------------------------------------------------------------
def test_communitymanager_edits_and_publishes_in_own_buurt(admin_client, cm_a, activiteit_a):
    client = login(cm_a)
    assert client.get(edit_url(activiteit_a)).status_code == 200
    data = edit_form_data(admin_client, activiteit_a, title="Nieuwe titel A", **{"action-publish": "publish"})
    response = client.post(edit_url(activiteit_a), data)
    assert response.status_code == 302
    assert live_title(activiteit_a) == "Nieuwe titel A"


def test_communitymanager_cannot_edit_or_publish_in_other_buurt(admin_client, cm_a, activiteit_b):
    client = login(cm_a)
    assert denied(client.get(edit_url(activiteit_b)))
    revisions = activiteit_b.revisions.count()
    data = edit_form_data(admin_client, activiteit_b, title="Gekaapt", **{"action-publish": "publish"})
    assert denied(client.post(edit_url(activiteit_b), data))
    assert live_title(activiteit_b) != "Gekaapt"
    assert activiteit_b.revisions.count() == revisions


def test_communitymanager_cannot_add_in_other_buurt(cm_a, buurt_b, buurt_a):
    client = login(cm_a)
    assert (
        client.get(reverse("wagtailadmin_pages:add", args=["activiteiten", "activiteitpage", buurt_a.pk])).status_code
        == 200
    )
    assert denied(client.get(reverse("wagtailadmin_pages:add", args=["activiteiten", "activiteitpage", buurt_b.pk])))
    assert denied(client.get(reverse("wagtailadmin_pages:add_subpage", args=[buurt_b.pk])))


def test_communitymanager_cannot_move_into_or_out_of_other_buurt(cm_a, activiteit_a, activiteit_b, buurt_a, buurt_b):
    client = login(cm_a)
    # Moving a page of buurt B: not even the move screen.
    assert denied(client.get(reverse("wagtailadmin_pages:move", args=[activiteit_b.pk])))
    assert denied(client.post(reverse("wagtailadmin_pages:move_confirm", args=[activiteit_b.pk, buurt_a.pk])))
    # Moving an own page into buurt B: refused at the destination.
    assert denied(client.post(reverse("wagtailadmin_pages:move_confirm", args=[activiteit_a.pk, buurt_b.pk])))
    assert Page.objects.get(pk=activiteit_a.pk).get_parent().pk == buurt_a.pk
    assert Page.objects.get(pk=activiteit_b.pk).get_parent().pk == buurt_b.pk


def test_communitymanager_cannot_copy_into_other_buurt(cm_a, activiteit_a, buurt_b):
    client = login(cm_a)
    before = ActiviteitPage.objects.child_of(buurt_b).count()
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[activiteit_a.pk]),
        {"new_title": "Kopie", "new_slug": "kopie-in-b", "new_parent_page": buurt_b.pk, "copy_subpages": False},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "geen rechten om naar deze pagina te kopiëren" in response.content.decode()
    assert ActiviteitPage.objects.child_of(buurt_b).count() == before
    assert not Page.objects.filter(slug="kopie-in-b").exists()


def test_communitymanager_cannot_delete_in_other_buurt(cm_a, activiteit_b):
    client = login(cm_a)
    assert denied(client.get(reverse("wagtailadmin_pages:delete", args=[activiteit_b.pk])))
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[activiteit_b.pk])))
    assert Page.objects.filter(pk=activiteit_b.pk).exists()


def test_communitymanager_cannot_delete_own_buurt_page(cm_a, buurt_a):
    client = login(cm_a)
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[buurt_a.pk])))
    assert Page.objects.filter(pk=buurt_a.pk).exists()


# -- welzijnswerker ------------------------------------------------------------------------------
def test_welzijnswerker_cannot_publish(admin_client, ww_a, activiteit_a):
    client = login(ww_a)
    assert client.get(edit_url(activiteit_a)).status_code == 200
    data = edit_form_data(admin_client, activiteit_a, title="Door welzijn", **{"action-publish": "publish"})
    client.post(edit_url(activiteit_a), data)
    assert live_title(activiteit_a) != "Door welzijn"  # at most a draft
    page = ActiviteitPage.objects.get(pk=activiteit_a.pk)
    assert page.get_latest_revision_as_object().title == "Door welzijn"
    assert b"action-publish" not in client.get(edit_url(activiteit_a)).content


def test_welzijnswerker_submission_goes_to_the_buurts_communitymanager(
    admin_client, django_user_model, ww_a, cm_a, cm_b, activiteit_a, buurt_a, django_capture_on_commit_callbacks
):
    client = login(ww_a)
    data = edit_form_data(admin_client, activiteit_a, title="Ter goedkeuring", **{"action-submit": "submit"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(activiteit_a), data)
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(activiteit_a.pk), status="in_progress"
    )
    assert state.workflow == WorkflowPage.objects.get(page=buurt_a).workflow
    task = state.current_task_state.task.specific
    assert list(task.groups.all()) == [Group.objects.get(name=cm_name(buurt_a.title))]
    assert live_title(activiteit_a) != "Ter goedkeuring"
    # The communitymanager of this buurt is told; the one of another buurt is not.
    recipients = {address for message in mail.outbox for address in message.to}
    assert cm_a.email in recipients
    assert cm_b.email not in recipients
    # The communitymanager approves: now it is live.
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[activiteit_a.pk, "approve", state.current_task_state.pk]
    )
    assert denied(login(cm_b).post(approve, {"comment": ""})) or live_title(activiteit_a) != "Ter goedkeuring"
    login(cm_a).post(approve, {"comment": "Prima"})
    assert live_title(activiteit_a) == "Ter goedkeuring"


def test_welzijnswerker_cannot_touch_other_buurt(ww_a, activiteit_b):
    assert denied(login(ww_a).get(edit_url(activiteit_b)))


# -- woordenlijst-redactie -----------------------------------------------------------------------
def test_glossary_editor_edits_and_publishes_terms(admin_client, redacteur, begrip):
    client = login(redacteur)
    data = edit_form_data(admin_client, begrip, uitleg="Nieuwe uitleg van de Wmo.", **{"action-publish": "publish"})
    assert client.post(edit_url(begrip), data).status_code == 302
    begrip.refresh_from_db()
    assert begrip.uitleg == "Nieuwe uitleg van de Wmo."


def test_glossary_editor_cannot_touch_activities(admin_client, redacteur, activiteit_a, buurt_a, voorziening_a):
    client = login(redacteur)
    assert denied(client.get(edit_url(activiteit_a)))
    assert denied(client.get(edit_url(voorziening_a)))
    assert denied(client.get(edit_url(buurt_a)))
    assert denied(client.get(reverse("wagtailadmin_pages:add", args=["activiteiten", "activiteitpage", buurt_a.pk])))
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[activiteit_a.pk])))


def test_communitymanager_cannot_edit_glossary(cm_a, begrip):
    assert denied(login(cm_a).get(edit_url(begrip)))


def test_beheerder_may_edit_everywhere(django_user_model, activiteit_a, activiteit_b, begrip):
    client = login(make_user(django_user_model, "beheer2", BEHEERDER))
    for page in (activiteit_a, activiteit_b, begrip):
        assert client.get(edit_url(page)).status_code == 200


@pytest.mark.parametrize("accept", ["en", "nl"])
def test_admin_is_in_dutch(cm_a, accept):
    cache.clear()  # Wagtail caches the site root paths; other tests may have changed the sites
    response = login(cm_a).get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE=accept)
    html = response.content.decode()
    assert '<html lang="nl"' in html or 'lang="nl"' in html
    assert "Pagina's" in html
