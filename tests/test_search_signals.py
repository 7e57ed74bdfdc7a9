"""What a glossary publish writes to the search index after the commit (search/signals.py)."""

import pytest

from search import signals
from woordenlijst.models import BegripPage, BegripZieOok

from .indexing_support import IndexSpy

pytestmark = pytest.mark.django_db


def test_linked_terms_published_in_one_transaction_are_indexed_once_each(
    monkeypatch, django_capture_on_commit_callbacks
):
    spy = IndexSpy(signals.index)
    monkeypatch.setattr(signals, "index", spy)
    wmo = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
    mantelzorg = BegripPage.objects.get(slug="mantelzorg", locale__language_code="nl")
    with django_capture_on_commit_callbacks(execute=True):
        mantelzorg.zie_ook_links.add(BegripZieOok(doel=wmo))
        mantelzorg.save_revision().publish()
        wmo.save_revision().publish()  # as an import does: one term after the other, one transaction
        assert spy.written == []  # nothing before the commit
    assert {wmo.pk, mantelzorg.pk} <= set(spy.written)
    assert len(spy.written) == len(set(spy.written)), "every linked term once"
    # Both terms and every term linked to either of them (and their copies in the other languages, which
    # wagtail-localize publishes along), with the new link in their search words:
    expected = (
        {wmo.pk, mantelzorg.pk} | {t.pk for t in wmo.related_terms()} | {t.pk for t in mantelzorg.related_terms()}
    )
    assert expected <= set(spy.written)
    assert "mantelzorg" in BegripPage.objects.get(pk=wmo.pk).zie_ook_zoekwoorden()
