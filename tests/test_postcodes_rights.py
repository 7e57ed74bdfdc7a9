"""Postcodes (Snippets → Postcodes) belong to the whole website: after setup_groups the Beheerder adds and changes
them, like the other site-wide snippets; a communitymanager (one buurt) cannot."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from postcodes.models import Postcode
from redactie.groups import BEHEERDER

from .redactie_support import buurt_a, cm_a, denied, login, make_user  # noqa: F401

pytestmark = pytest.mark.django_db
ADD = "wagtailsnippets_postcodes_postcode:add"
NEW = {"postcode": "6826 ZZ", "straat": "Nieuwe  straat", "plaats": "Arnhem", "latitude": "51.98", "longitude": "5.94"}


def setup_groups():
    call_command("setup_groups", stdout=open("/dev/null", "w"))


def edit_url(postcode):
    return reverse("wagtailsnippets_postcodes_postcode:edit", args=[postcode.pk])


def test_the_beheerder_adds_and_changes_postcodes(django_user_model):
    setup_groups()
    setup_groups()  # running it again gives the same rights, nothing double
    beheerder = Group.objects.get(name=BEHEERDER)
    assert beheerder.permissions.filter(content_type__app_label="postcodes", codename="add_postcode").count() == 1
    client = login(make_user(django_user_model, "beheer-postcodes", BEHEERDER))
    assert client.get(reverse(ADD)).status_code == 200
    assert client.post(reverse(ADD), NEW).status_code == 302
    added = Postcode.objects.get(postcode="6826ZZ")
    assert added.straat == "Nieuwe straat"
    assert client.post(edit_url(added), {**NEW, "straat": "Andere straat"}).status_code == 302
    added.refresh_from_db()
    assert added.straat == "Andere straat"


def test_a_communitymanager_cannot_add_or_change_postcodes(cm_a):
    setup_groups()
    client = login(cm_a)
    existing = Postcode.objects.first()
    assert denied(client.get(reverse(ADD)))
    assert denied(client.post(reverse(ADD), NEW))
    assert not Postcode.objects.filter(postcode="6826ZZ").exists()
    assert denied(client.post(edit_url(existing), {**NEW, "postcode": existing.postcode}))
    assert Postcode.objects.get(pk=existing.pk).straat == existing.straat
