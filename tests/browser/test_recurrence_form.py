"""The recurrence form in the page editor, in a real browser: the parts follow the choice, the live
preview shows the sentence residents read and the next dates, and the form has no WCAG violations."""

import pytest

from activiteiten.models import ActiviteitPage

from .conftest import AXE_JS, WCAG_TAGS, describe

USERNAME, PASSWORD = "herhaling-beheer", "geheim-wachtwoord-123"


@pytest.fixture(scope="module")
def editor_account(django_db_setup, django_db_blocker):
    """A committed account, so that the live server thread sees it."""
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        user, _created = get_user_model().objects.get_or_create(username=USERNAME, defaults={"is_superuser": True})
        user.is_superuser = user.is_staff = True
        user.set_password(PASSWORD)
        user.save()
        soep = ActiviteitPage.objects.get(slug="soep-en-brood-pollepel", locale__language_code="nl")
    return soep.pk


def test_choices_change_the_form_and_the_preview(page, live_url, editor_account):
    page.goto(live_url + "/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_url}/admin/pages/{editor_account}/edit/")
    sentence = page.locator("[data-herhaling-zin]")
    page.wait_for_function("() => document.querySelector('[data-herhaling-zin]').textContent.includes('vrijdag')")
    assert sentence.text_content().startswith("Elke vrijdag van 12.00 tot 14.00 uur")
    assert page.locator("[data-herhaling-data] li").count() == 5
    assert page.get_by_label("vrijdag", exact=True).first.is_visible()
    assert not page.locator("#id_herhaling_nummer").is_visible()

    page.get_by_label("Eén keer per maand").check()
    assert page.locator("#id_herhaling_nummer").is_visible()
    assert not page.get_by_label("vrijdag", exact=True).first.is_visible()
    page.select_option("#id_herhaling_nummer", "-1")
    page.select_option("#id_herhaling_weekdag", "WE")
    page.wait_for_function(
        "() => document.querySelector('[data-herhaling-zin]').textContent.includes('laatste woensdag')"
    )
    assert sentence.text_content().startswith("Elke laatste woensdag van de maand")
    assert all("woensdag" in text for text in page.locator("[data-herhaling-data] li").all_text_contents())

    page.evaluate(AXE_JS)
    result = page.evaluate(
        "tags => axe.run({include: [['[data-herhaling]']]}, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert result["violations"] == [], describe(result["violations"])
