"""Whole answers of /zoeken/ and /api/zoeken/, kept for a short time in each process.

Residents ask the same things often ("koffie", "wmo", the name of their buurt). Working out a ranking and
rendering the page costs tens of milliseconds; sending a kept answer costs well under one. An answer is
kept under the question (q, buurt, type, page, language, logged in or not) and the version of the
in-memory search picture (`DocIndex.generation`): any published, unpublished, moved or deleted page
makes a new picture, so a new key, on the next search in every process (docindex.get_index). A change
to what editors put on the search page (the search promotions, the popular searches of search/populair.py)
gives the answers a new version in the shared cache, so a new key everywhere.

Each search is still counted in the query log (search.querylog), hit or not.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.cache import bump_version, read_version

from .kept import Kept

SIZE = 2000


@dataclass(frozen=True)
class Answer:
    content: bytes
    content_type: str
    query: str  # the cleaned query, as the log stores it
    found: bool


def seconds():
    """How long an answer is kept (setting SEARCH_ANSWER_SECONDS; 0 switches the store off)."""
    return getattr(settings, "SEARCH_ANSWER_SECONDS", 60)


# Other processes learn of a change to the search promotions or the popular searches through this version
# in the shared cache (portal/cache.py), read on every search and part of every key (pages: through
# DocIndex.generation, see docindex).
EDITORIAL_VERSION = "search:editorial"
_store = Kept(SIZE, seconds)
clear = _store.clear


def kept(key, compute):
    """The kept Answer for `key` (with the editorial shared version), or `compute()`."""
    return _store.get_or_compute((*key, read_version(EDITORIAL_VERSION)), compute)


def editorial_changed(**kwargs):
    bump_version(EDITORIAL_VERSION)
    clear()


def _connect_editorial():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from .models import PopulaireZoekvraag

    for model in (SearchPromotion, PopulaireZoekvraag):
        for signal in (post_save, post_delete):
            uid = f"zb_answers_{model.__name__}_{signal is post_save}"
            receiver(signal, sender=model, dispatch_uid=uid)(editorial_changed)


_connect_editorial()
