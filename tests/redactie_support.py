"""Helpers and fixtures for the redactie tests (imported by tests/test_redactie_*.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from redactie.groups import WOORDENLIJST_REDACTIE, cm_name, ww_name
from woordenlijst.models import BegripPage, WoordenlijstPage

BUURT_A = "presikhaaf"
BUURT_B = "malburgen"


def nl_page(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def buurt(slug):
    return nl_page(BuurtPage, slug)


def first_child(model, buurt_page):
    return model.objects.child_of(buurt_page).live().order_by("path").first()


def make_user(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(username, f"{username}@example.nl", "geheim-wachtwoord-123")
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


def login(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(html, form_selector="form#page-edit-form, form[data-edit-form]"):
    """Everything a browser would send for the edit form (inputs, textareas, selects), as a dict."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector) or soup.find("form", attrs={"method": "post"})
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", chosen.text) if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def edit_form_data(admin_client, page, **changes):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = form_data(response.content.decode())
    data.update(changes)
    return data


def denied(response):
    """Wagtail answers 'not allowed' with 403, or with a redirect to the dashboard and an error message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")


@pytest.fixture
def buurt_a(db):
    return buurt(BUURT_A)


@pytest.fixture
def buurt_b(db):
    return buurt(BUURT_B)


@pytest.fixture
def cm_a(db, django_user_model, buurt_a):
    return make_user(django_user_model, "cm-a", cm_name(buurt_a.title))


@pytest.fixture
def cm_b(db, django_user_model, buurt_b):
    return make_user(django_user_model, "cm-b", cm_name(buurt_b.title))


@pytest.fixture
def ww_a(db, django_user_model, buurt_a):
    return make_user(django_user_model, "ww-a", ww_name(buurt_a.title))


@pytest.fixture
def redacteur(db, django_user_model):
    return make_user(django_user_model, "woordenlijst", WOORDENLIJST_REDACTIE)


@pytest.fixture
def activiteit_a(buurt_a):
    return first_child(ActiviteitPage, buurt_a)


@pytest.fixture
def activiteit_b(buurt_b):
    return first_child(ActiviteitPage, buurt_b)


@pytest.fixture
def voorziening_a(buurt_a):
    return first_child(VoorzieningPage, buurt_a)


@pytest.fixture
def begrip(db):
    return nl_page(BegripPage, "wmo")


@pytest.fixture
def woordenlijst(db):
    return WoordenlijstPage.objects.get(locale=Locale.get_default())
