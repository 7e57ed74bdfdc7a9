"""Search at scale: activities come from the search backend, not from memory.

Up to SEARCH_MEMORY_MAX_ACTIVITIES live activities the in-memory picture (`docindex.DocIndex`) holds
every page. Above that it holds buurten, voorzieningen and the glossary, plus a count of the words in
activity titles and summaries. A search then takes as candidates:
- the search backend's top pages for the expanded query (in the chosen buurt, if there is one);
- for a weekday or a place in the question: the soonest activities on that day or in that place,
  from the occurrence table.
The engine builds its document for each candidate activity (kept per process until the picture
changes) and ranks them with the same rules as the pages in memory. See docs/search-scale.md.
"""

import threading
from collections import ChainMap

from django.utils import timezone
from wagtail.models import Locale

from .postings import Postings

CANDIDATES_AT_SCALE = 200
CONTEXT_CANDIDATES = 200
KEPT_DOCS = 20_000  # activity documents kept per picture; when full, the store starts again

_lock = threading.Lock()


class CandidateView(Postings):
    """The pages in memory plus the candidate activities of one search, looked up as one index."""

    def __init__(self, index, docs):
        super().__init__()
        self.index = index
        self.own = docs
        for doc in docs.values():
            self.post(doc)
        self.sorted_terms = sorted(self.postings)
        self.docs = ChainMap(docs, index.docs)

    def match(self, term):
        found = self.index.match(term)
        own = super().match(term)
        return {**found, **own} if own else found


def _kept_docs(index):
    kept = getattr(index, "_candidate_docs", None)
    if kept is None:
        with _lock:
            kept = getattr(index, "_candidate_docs", None)
            if kept is None:
                kept = index._candidate_docs = {}
    return kept


def activity_docs(index, ids):
    """{page id: Doc} for the live activities among `ids` (built once per picture, then kept)."""
    from activiteiten.models import ActiviteitPage

    kept = _kept_docs(index)
    missing = [i for i in ids if i not in kept and i not in index.docs]
    if missing:
        default = Locale.get_default()
        pages = ActiviteitPage.objects.live().public().filter(pk__in=missing, locale__in={index.locale.pk, default.pk})
        pages = list(pages.select_related("voorziening"))
        translated = set()
        if index.locale.pk != default.pk:
            keys = [p.translation_key for p in pages if p.locale_id == default.pk]
            own = ActiviteitPage.objects.live().public().filter(locale=index.locale, translation_key__in=keys)
            translated = set(own.values_list("translation_key", flat=True))
        now = timezone.now()
        built = {i: None for i in missing}
        for page in pages:
            if page.locale_id == default.pk and page.translation_key in translated:
                continue  # the site shows the translation at this address; it is a candidate of its own
            built[page.pk] = index.activity_doc(page, now, vocabulary=False)
        with _lock:
            if len(kept) + len(built) > KEPT_DOCS:
                kept.clear()
            kept.update(built)
    return {i: kept[i] for i in ids if kept.get(i) is not None}


def context_ids(analysis, locale, buurt=None, limit=CONTEXT_CANDIDATES):
    """The soonest activities on the asked weekday(s) and/or in the asked place(s), by page id."""
    from activiteiten.models_occurrence import Occurrence

    if not analysis.weekdays and not analysis.place_buurt_ids:
        return []
    rows = Occurrence.objects.filter(
        locale__in={locale.pk, Locale.get_default().pk}, start__gte=timezone.now(), afgelast=False
    )
    if analysis.weekdays:
        rows = rows.filter(weekdag__in=sorted(analysis.weekdays))
    if analysis.place_buurt_ids:
        rows = rows.filter(buurt_id__in=sorted(analysis.place_buurt_ids))
    if buurt is not None:
        rows = rows.filter(buurt_id=buurt.id)
    found = []
    for page_id in rows.order_by("start", "page").values_list("page_id", flat=True)[: limit * 8]:
        if page_id not in found:
            found.append(page_id)
            if len(found) >= limit:
                break
    return found


def candidate_view(index, analysis, locale, backend_ids, buurt=None):
    ids = list(dict.fromkeys([*backend_ids, *context_ids(analysis, locale, buurt)]))
    return CandidateView(index, activity_docs(index, ids))
