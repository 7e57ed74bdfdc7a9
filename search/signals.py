"""A change to the glossary changes the search synonyms (see synonyms.py) and the ‘zie ook’ words of the
linked terms; a move re-indexes the subtree.

Index writes that cannot reach the engine are queued by the backend itself (search/pending.py).
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.after_commit import once_after_commit
from woordenlijst.models import BegripPage

from .synonyms import engine_backends, refresh_synonyms


def _refresh_when_reachable():
    """While the engine is known to be down, do not make the editor wait for it again: the replay of
    the queue (search/pending.py) puts the new synonyms in when the engine is back."""
    backends = engine_backends()
    if backends and all(getattr(b, "engine_is_down", lambda: False)() for _name, b in backends):
        return
    refresh_synonyms()


def _schedule(**kwargs):
    transaction.on_commit(_refresh_when_reachable)


@receiver(page_published, sender=BegripPage, dispatch_uid="zb_synonyms_published")
def begrip_published(sender, instance=None, **kwargs):
    _schedule()
    if instance is not None:
        once_after_commit("zie_ook_zoekwoorden", [instance.pk], index_related_terms)


def index_related_terms(ids):
    """The terms linked to or from a published term show its title in their ‘zie ook’ search words
    (BegripPage.zie_ook_zoekwoorden), and so does the term itself: Wagtail indexed it when the page row
    was saved, before its links were. A link that was removed leaves the old word with the other term
    until that term is published again or `update_index` runs. Once per transaction (portal/after_commit.py):
    an import that publishes 90 linked terms indexes each term once."""
    pages = {}
    for begrip in BegripPage.objects.filter(pk__in=ids):  # a term deleted before the commit is gone
        pages[begrip.pk] = begrip
        pages.update((term.pk, term) for term in begrip.related_terms())
    for page in pages.values():
        index.insert_or_update_object(page)


@receiver(page_unpublished, sender=BegripPage, dispatch_uid="zb_synonyms_unpublished")
def begrip_unpublished(sender, **kwargs):
    _schedule()


@receiver(post_delete, sender=BegripPage, dispatch_uid="zb_synonyms_deleted")
def begrip_deleted(sender, **kwargs):
    _schedule()


@receiver(post_page_move, dispatch_uid="zb_reindex_moved_descendants")
def reindex_moved_descendants(sender, instance, **kwargs):
    """Wagtail re-indexes the moved page only; the tree path of its descendants changes too (also when
    only the order changes), and the engine filters on it (search within a buurt)."""
    if not engine_backends():
        return
    for page in Page.objects.descendant_of(instance).specific().iterator():
        index.insert_or_update_object(page)
