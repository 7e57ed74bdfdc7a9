"""Only the portal's own groups have page rights, and their names do not depend on the editor's language."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from activiteiten.models import BuurtPage
from redactie.groups import ensure_buurt_groups

pytestmark = pytest.mark.django_db


def test_wagtail_default_groups_lose_their_site_wide_rights():
    root = Page.get_first_root_node()
    editors, _created = Group.objects.get_or_create(name="Editors")
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="change")
    call_command("setup_groups", stdout=open("/dev/null", "w"))
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    groups_with_root_rights = set(
        GroupPagePermission.objects.filter(page__depth__lte=2).values_list("group__name", flat=True)
    )
    assert groups_with_root_rights == {"Beheerder"}


def test_group_and_workflow_names_stay_dutch_for_an_english_editor():
    buurt = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl")
    workflow_before = WorkflowPage.objects.get(page=buurt).workflow
    with translation.override("en"):
        cm, ww = ensure_buurt_groups(buurt)
    assert cm.name.startswith("Communitymanager") and "Presikhaaf" in cm.name
    assert ww.name.startswith("Welzijnswerker")
    workflow_after = WorkflowPage.objects.get(page=buurt).workflow
    assert workflow_after.pk == workflow_before.pk
    assert workflow_after.name.startswith("Goedkeuring")
