"""The admin shows each editor only what they may see: the page chooser and the search reports."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from activiteiten.testing import make_activiteit

from .redactie_support import buurt_a, buurt_b, cm_a, cm_b, denied, login, redacteur, ww_a  # noqa: F401

DRAFT = "Geheim concept van buurt B"


def chooser_titles(user, parent):
    response = login(user).get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_page_chooser_hides_other_buurtens_drafts(buurt_b, cm_a, cm_b):
    make_activiteit(buurt_b, DRAFT, timezone.now() + timedelta(days=3), publish=False)
    seen_by_other_buurt = chooser_titles(cm_a, buurt_b)
    assert DRAFT not in seen_by_other_buurt
    assert "Koffie" in seen_by_other_buurt or buurt_b.get_children().live().first().title in seen_by_other_buurt
    assert DRAFT in chooser_titles(cm_b, buurt_b)  # their own draft: they may choose it


def test_page_chooser_shows_the_live_title_of_another_buurts_page_with_a_draft(buurt_b, cm_a, cm_b):
    page = make_activiteit(buurt_b, "Koffie in de middag", timezone.now() + timedelta(days=3))
    page.title = DRAFT
    page.save_revision()  # a draft change of a live page: not for other buurten's eyes
    seen_by_other_buurt = chooser_titles(cm_a, buurt_b)
    assert DRAFT not in seen_by_other_buurt
    assert "Koffie in de middag" in seen_by_other_buurt
    search = login(cm_a).get(reverse("wagtailadmin_choose_page_search"), {"q": "Koffie"}).content.decode()
    assert DRAFT not in search
    assert DRAFT in chooser_titles(cm_b, buurt_b)  # their own buurt: the editor sees the draft title


def test_search_reports_only_for_communitymanagers_and_the_beheerder(cm_a, ww_a, redacteur, admin_client):
    urls = [reverse("search_report_zonder_resultaat"), reverse("search_report_meest_gezocht")]
    for user in (ww_a, redacteur):
        client = login(user)
        for url in urls:
            assert denied(client.get(url)), (user.username, url)
        assert urls[1] not in client.get(reverse("wagtailadmin_home")).content.decode()
    for client in (login(cm_a), admin_client):
        for url in urls:
            assert client.get(url).status_code == 200
        assert urls[1] in client.get(reverse("wagtailadmin_home")).content.decode()
