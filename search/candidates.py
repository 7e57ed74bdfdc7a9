"""Search at scale: activities come from the search backend, not from memory.

Up to SEARCH_MEMORY_MAX_ACTIVITIES live activities the in-memory picture (`docindex.DocIndex`) holds
every page. Above that it holds buurten, voorzieningen and the glossary, plus a count of the word
stems of the activities. A search then takes as candidates:
- the search backend's top pages for the expanded query (in the chosen buurt, if there is one);
- for a weekday or a place in the question: the soonest activities on that day or in that place,
  from the occurrence table.
The engine builds its document for each candidate activity (kept per process until the picture
changes) and ranks them with the same rules as the pages in memory. See docs/search-scale.md.
"""

import threading
from collections import ChainMap

from django.utils import timezone
from wagtail.models import Locale, Page

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
        for doc in docs.values():
            self.post(doc)
        self.sorted_terms = sorted(self.postings)
        self.docs = ChainMap(docs, index.docs)

    def match(self, term):
        found = self.index.match(term)
        own = super().match(term)
        return {**found, **own} if own else found


def activity_docs(index, ids):
    """{page id: Doc} for the live activities among `ids` (built once per picture, then kept)."""
    from activiteiten.models import ActiviteitPage

    kept = index.candidate_docs
    missing = [i for i in ids if i not in kept and i not in index.docs]
    if missing:
        # The pages the site shows: a Dutch page with a live translation is not one (its translation is).
        querysets = index.live(ActiviteitPage, related=["voorziening"])
        now = timezone.now()
        built = dict.fromkeys(missing)
        for page in (page for queryset in querysets for page in queryset.filter(pk__in=missing)):
            built[page.pk] = index.activity_doc(page, now)
        with _lock:
            if len(kept) + len(built) > KEPT_DOCS:
                kept.clear()
            kept.update(built)
    return {i: kept[i] for i in ids if kept.get(i) is not None}


def activity_stubs(index, ids):
    """{page id: results.Stub} for the live activities among `ids`: their title and buurt, one query, no
    document built. A document kept already (activity_docs) is given instead."""
    from activiteiten.models import ActiviteitPage

    from .results import Stub

    kept = index.candidate_docs
    found = {i: kept[i] for i in ids if kept.get(i) is not None}
    missing = [i for i in ids if i not in kept]
    for queryset in index.live(ActiviteitPage) if missing else ():
        for pk, title, path in queryset.filter(pk__in=missing).values_list("pk", "title", "path"):
            buurt = index.by_path.get(path[: -Page.steplen])
            found[pk] = Stub(pk, title, buurt.id if buurt else None)
    return found


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
    soonest = rows.order_by("start", "page").values_list("page_id", flat=True)[: limit * 8]
    return list(dict.fromkeys(soonest))[:limit]


def candidate_view(index, analysis, locale, backend_ids, buurt=None):
    ids = list(dict.fromkeys([*backend_ids, *context_ids(analysis, locale, buurt)]))
    return CandidateView(index, activity_docs(index, ids))
