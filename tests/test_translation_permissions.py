"""A communitymanager translates the pages of their own buurt (en, tr, ar) in wagtail-localize, not another's;
after the Dutch page changes, wagtail-localize shows which texts wait for a new translation."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from activiteiten.models import ActiviteitPage, BuurtPage
from redactie.groups import cm_name

from .redactie_support import (  # noqa: F401  (fixtures)
    activiteit_a,
    activiteit_b,
    buurt_a,
    buurt_b,
    cm_a,
    denied,
    login,
)
from .translation_support import (
    TRANSLATED_LANGUAGES,
    edit_url,
    editor_segments,
    in_locale,
    submit_url,
    translate,
    translation_editor,
)

pytestmark = pytest.mark.django_db


def put_text(client, response, field, text):
    """Type a translation into the translation editor's box for the first segment of `field` and save it."""
    segment = next(s for s in editor_segments(response) if s["contentPath"] == field)
    return client.put(segment["editUrl"], urlencode({"value": text}), content_type="application/x-www-form-urlencoded")


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_communitymanager_translates_a_page_of_their_own_buurt(cm_a, activiteit_a, code):
    client = login(cm_a)
    assert client.get(submit_url(activiteit_a)).status_code == 200
    response = translate(client, activiteit_a, code)
    assert response.status_code == 302
    translated = in_locale(activiteit_a, code)
    assert translated.alias_of_id is None  # a translation now, no longer a copy of the Dutch page
    assert response["Location"] == edit_url(translated)

    editor = client.get(edit_url(translated))
    assert editor.status_code == 200
    assert translation_editor(editor)["title"] == [None]  # waits for a translation
    assert put_text(client, editor, "title", f"Titel in {code}").status_code in (200, 201)
    assert translation_editor(client.get(edit_url(translated)))["title"] == [f"Titel in {code}"]

    published = client.post(edit_url(translated), {"action": "publish"})
    assert published.status_code == 302
    page = ActiviteitPage.objects.get(pk=translated.pk)
    assert page.live and page.title == f"Titel in {code}"
    assert page.slug == activiteit_a.slug  # the same path in every language


def test_communitymanager_cannot_translate_another_buurt(cm_a, activiteit_b, buurt_b):
    client = login(cm_a)
    tr = Locale.objects.get(language_code="tr")
    assert denied(client.get(submit_url(activiteit_b)))
    assert denied(translate(client, activiteit_b, "tr"))
    assert in_locale(activiteit_b, "tr").alias_of_id == activiteit_b.pk  # still only a copy: nothing translated
    assert not Translation.objects.filter(source__object_id=activiteit_b.translation_key, target_locale=tr).exists()
    assert denied(client.get(edit_url(in_locale(activiteit_b, "tr"))))
    assert denied(client.get(submit_url(buurt_b)))


def test_only_own_buurt_translations_can_be_synced(cm_a, activiteit_a, activiteit_b, admin_client):
    for page in (activiteit_a, activiteit_b):
        assert translate(admin_client, page, "tr").status_code == 302
    client = login(cm_a)
    source_a = TranslationSource.objects.get_for_instance(activiteit_a)
    source_b = TranslationSource.objects.get_for_instance(activiteit_b)
    assert client.get(reverse("wagtail_localize:update_translations", args=[source_a.pk])).status_code == 200
    assert denied(client.get(reverse("wagtail_localize:update_translations", args=[source_b.pk])))
    assert denied(client.post(reverse("wagtail_localize:update_translations", args=[source_b.pk]), {}))


def test_a_new_buurt_gives_its_communitymanager_rights_in_every_language(buurt_a):
    home = buurt_a.get_parent()
    nieuw = home.add_child(
        instance=BuurtPage(title="Nieuwe Buurt", slug="nieuwe-buurt", gemeente="Arnhem", intro="Nieuw.", live=False)
    )
    nieuw.save_revision().publish()
    create_aliases_for_new_page(Page.objects.get(pk=nieuw.pk))
    copies = Page.objects.filter(translation_key=nieuw.translation_key)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == sorted(["nl", *TRANSLATED_LANGUAGES])
    for copy in copies:
        assert GroupPagePermission.objects.filter(
            group__name=cm_name("Nieuwe Buurt"), page=copy, permission__codename="publish_page"
        ).exists(), copy.locale


def test_a_changed_dutch_text_waits_for_a_new_translation(cm_a, activiteit_a):
    client = login(cm_a)
    translate(client, activiteit_a, "tr")
    translated = in_locale(activiteit_a, "tr")
    editor = client.get(edit_url(translated))
    for field in ("title", "samenvatting"):
        put_text(client, editor, field, f"{field} in het Turks")
    client.post(edit_url(translated), {"action": "publish"})
    translation = Translation.objects.get(
        source__object_id=activiteit_a.translation_key, target_locale=translated.locale
    )
    total, done = translation.get_progress()

    # The Dutch page changes; the communitymanager syncs its translations ("Sync translated pages").
    dutch = ActiviteitPage.objects.get(pk=activiteit_a.pk)
    dutch.samenvatting = "Een nieuwe samenvatting in het Nederlands."
    dutch.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(dutch)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    editor = translation_editor(client.get(edit_url(translated)))
    assert editor["samenvatting"] == [None]  # out of date: waits for a translation of the new Dutch text
    assert editor["title"] == ["title in het Turks"]  # unchanged in Dutch: its translation stays
    assert translation.get_progress() == (total, done - 1)
