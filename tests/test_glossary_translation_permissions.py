"""The Woordenlijst-redactie edits and translates the glossary in every language (en, tr, ar), as a communitymanager
does their own buurt, and still nothing outside the glossary."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import pytest
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.synctree import create_aliases_for_new_page

from redactie.groups import WOORDENLIJST_REDACTIE
from woordenlijst.models import BegripPage, WoordenlijstPage

from .redactie_support import (  # noqa: F401  (fixtures)
    activiteit_a,
    begrip,
    buurt_a,
    denied,
    login,
    redacteur,
    woordenlijst,
)
from .translation_support import TRANSLATED_LANGUAGES, edit_url, in_locale, submit_url, translate, translation_editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["tr", "ar"])
def test_glossary_editor_edits_the_translated_glossary(admin_client, redacteur, woordenlijst, begrip, code):
    for page in (woordenlijst, begrip):  # the Beheerder translated them; the glossary editor keeps them up to date
        assert translate(admin_client, page, code).status_code == 302
    client = login(redacteur)
    for page in (in_locale(woordenlijst, code), in_locale(begrip, code)):
        assert page.alias_of_id is None
        response = client.get(edit_url(page))
        assert response.status_code == 200, page.url_path
        assert "title" in translation_editor(response)
        assert client.post(edit_url(page), {"action": "publish"}).status_code == 302
        assert Page.objects.get(pk=page.pk).live


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_glossary_editor_translates_a_dutch_begrip(redacteur, begrip, code):
    client = login(redacteur)
    assert in_locale(begrip, code).alias_of_id == begrip.pk  # untranslated: a copy of the Dutch begrip
    response = translate(client, begrip, code)
    assert response.status_code == 302
    translated = in_locale(begrip, code)
    assert translated.alias_of_id is None  # now a translation
    assert response["Location"] == edit_url(translated)
    assert translation_editor(client.get(edit_url(translated)))["title"] == [None]  # waits for the translation


def test_glossary_editor_still_cannot_touch_a_buurt_in_any_language(admin_client, redacteur, buurt_a, activiteit_a):
    client = login(redacteur)
    for code in TRANSLATED_LANGUAGES:
        assert translate(admin_client, activiteit_a, code).status_code == 302
    for code in ["nl", *TRANSLATED_LANGUAGES]:
        for page in (buurt_a, activiteit_a):
            copy = page if code == "nl" else in_locale(page, code)
            assert denied(client.get(edit_url(copy))), (code, copy.url_path)
    assert denied(translate(client, activiteit_a, "ar"))
    assert denied(client.get(submit_url(buurt_a)))


def test_glossary_rights_stay_within_the_glossary(redacteur):
    pages = Page.objects.filter(group_permissions__group__name=WOORDENLIJST_REDACTIE).distinct()
    assert {page.specific_class.__name__ for page in pages} == {"WoordenlijstPage"}
    assert sorted(pages.values_list("locale__language_code", flat=True)) == sorted(["nl", *TRANSLATED_LANGUAGES])


def test_a_new_begrip_can_be_translated_by_the_glossary_editor(redacteur, woordenlijst):
    nieuw = woordenlijst.add_child(
        instance=BegripPage(title="Mantelzorg", slug="mantelzorg-nieuw", uitleg="Zorg voor een ander.")
    )
    nieuw.save_revision().publish()
    create_aliases_for_new_page(Page.objects.get(pk=nieuw.pk))
    assert translate(login(redacteur), nieuw, "tr").status_code == 302
    assert in_locale(nieuw, "tr").alias_of_id is None


def test_a_new_copy_of_the_glossary_gets_its_editors(woordenlijst):
    """wagtail-localize makes the copies in the other languages when a glossary page is made: they get their
    rights at once, without running setup_groups."""
    nieuw = woordenlijst.get_parent().add_child(instance=WoordenlijstPage(title="Woorden", slug="woorden-nieuw"))
    create_aliases_for_new_page(Page.objects.get(pk=nieuw.pk))
    for code in TRANSLATED_LANGUAGES:
        assert GroupPagePermission.objects.filter(
            group__name=WOORDENLIJST_REDACTIE, page=in_locale(nieuw, code), permission__codename="publish_page"
        ).exists(), code
