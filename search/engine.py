"""The one search of the portal: query understanding, then the ranking, then the counts and filters.

Used by the HTML page, the JSON API and `evaluate_search`, so all three rank the same way. The ranking is
the engine's (engine_rank.py: OpenSearch with SEARCH_RANKING=engine) or the Python ranking on the
database backend (ranking.py); nothing in the views knows which answered.
"""

from dataclasses import replace

from django.utils import timezone, translation
from wagtail.models import Locale

from postcodes.nabij import buurt_ids_for_query as buurt_ids

from .candidates import activity_docs
from .docindex import TYPE_ORDER, get_index
from .engine_rank import engine_rank, engine_ranks
from .kept import Kept
from .query_understanding import analyse
from .ranking import rank
from .results import Outcome, Result, Stub
from .text import clean_query, stopwords
from .unfound import of_analysis, without_unfound
from .when import with_days_named

TYPES = ("activiteit", "voorziening", "begrip", "buurt")
MAX_RESULTS = 50
API_RESULTS = 20
BEGRIP_IN_BUURT = 0.8  # searching in one buurt: its places and activities before the glossary's terms


def _promotions(query, index):
    try:
        from wagtail.contrib.search_promotions.models import SearchPromotion
    except ImportError:  # pragma: no cover - the app is installed in this project
        return []
    ids = SearchPromotion.objects.filter(query__query_string=query.lower()).order_by("sort_order")
    ids = list(ids.values_list("page_id", flat=True))
    found = activity_docs(index, ids) if index.at_scale else {}
    return [doc for doc in (index.docs.get(pid) or found.get(pid) for pid in ids) if doc is not None]


# Query understanding and the ranking of the current index, per process: residents ask the same things
# often. A new index (any page change) means new keys; other processes' publishes reach this process
# through docindex.get_index (a shared stamp checked on every search), so no old ranking is used.
_kept = Kept(size=1000, seconds=300)


def _cached_analysis(query, index, weighed=True):
    key = ("analysis", index.generation, weighed, query)
    return _kept.get_or_compute(key, lambda: analyse(query, index, weighed))


def _cached_rank(analysis, index, locale, buurt=None):
    # At scale a buurt's search asks the backend for that buurt's candidates, so it is ranked on its own.
    buurt = buurt if index.at_scale else None
    return _kept.get_or_compute(
        ("rank", index.generation, locale.pk, buurt and buurt.id, analysis.text),
        lambda: rank(analysis, index, locale, buurt),
    )


def _ranked(analysis, index, locale, outcome, promoted_ids, lazy=False):
    """([Result], engine counts or None): the engine's order and counts when the backend ranks (OpenSearch,
    search/engine_rank.py), of the outcome's buurt and type; otherwise, or when the engine does not answer,
    the Python ranking on the database backend (kept per index version), of every buurt and type."""
    if engine_ranks():
        answer = engine_rank(analysis.text, index, locale, outcome.buurt, outcome.type, promoted_ids, lazy)
        if answer is not None:
            outcome.engine_clause = answer.clause
            outcome.unfound = answer.unfound
            return [Result(doc=doc, score=score, coverage=1.0) for doc, score in answer.ranked], answer.counted
    if not analysis.weighed:  # the engine did not answer: the Python ranking weighs by the counts
        analysis = outcome.analysis = _cached_analysis(analysis.text, index)
    outcome.unfound = of_analysis(analysis)
    return [replace(r) for r in _cached_rank(analysis, index, locale, outcome.buurt)], None


def _counts(ranked, counted, type):
    """({type: n} in the chosen buurt, {buurt id: n} of the chosen type): of `ranked` (the Python ranking has
    every match), or the engine's counts of every match plus the pages put first (postcode, promotion)
    that do not match the question (the engine counted the others)."""
    listed = ranked if counted is None else [r for r in ranked if r.promoted and r.doc.id not in counted.promoted]
    types = {t: 0 for t in TYPES} if counted is None else {t: counted.types.get(t, 0) for t in TYPES}
    buurten = {} if counted is None else dict(counted.buurten)
    for r in listed:
        types[r.doc.type] += 1
        if r.doc.buurt_id and (not type or r.doc.type == type):
            buurten[r.doc.buurt_id] = buurten.get(r.doc.buurt_id, 0) + 1
    return types, buurten


def add_next_dates(results):
    """Give the activities among `results` their next date: one query on the occurrence table,
    and the activity's own rule for any activity the table does not know (yet)."""
    from activiteiten.models import ActiviteitPage

    ids = [r.doc.id for r in results if r.doc.type == "activiteit"]
    if not ids:
        return
    now = timezone.now()
    found = {}
    try:
        from django.db.models import Min

        from activiteiten.models_occurrence import Occurrence

        rows = Occurrence.objects.filter(page_id__in=ids, start__gte=now, afgelast=False)
        found = dict(rows.values("page_id").annotate(first=Min("start")).values_list("page_id", "first"))
    except (ImportError, LookupError):  # pragma: no cover - without the occurrence table
        found = {}
    missing = [i for i in ids if i not in found]
    for page in ActiviteitPage.objects.filter(pk__in=missing):
        upcoming = [o for o in page.next_occurrences(limit=3) if not getattr(o, "afgelast", False)]
        found[page.pk] = upcoming[0].start if upcoming else None
    for result in results:
        if result.doc.type == "activiteit":
            result.next_start = found.get(result.doc.id)


def shown(index, results):
    """The results on show, each with its document: a results.Stub's is built now, for these pages only
    (candidates.activity_docs). One that is over, or no longer shown, since the engine indexed it is left
    out, so a page may hold one result fewer in that moment."""
    stubs = [r.doc.id for r in results if isinstance(r.doc, Stub)]
    docs = activity_docs(index, stubs) if stubs else {}
    now = timezone.now()
    on_show = []
    for result in results:
        if isinstance(result.doc, Stub):
            doc = docs.get(result.doc.id)
            if doc is None or doc.is_over(now):
                continue
            result.doc = doc
        on_show.append(result)
    return on_show


def search(query, locale=None, buurt="", type="", limit=MAX_RESULTS, lazy=False):
    """Search like a resident: returns an Outcome. `buurt` is a buurt slug, `type` one of TYPES. `lazy`
    (the results page, ten at a time, and the API, `limit` at a time): at scale the engine ranking's
    activities are Stubs until `shown` gives the ones on show their documents."""
    locale = locale or Locale.get_active()
    index = get_index(locale)
    # "vandaag", "vanavond", "yarın" are asked as the day they name (when.with_days_named); the resident's
    # own words are what the page shows and the log keeps. A whole answer kept in a process
    # (answers.py, SEARCH_ANSWER_SECONDS) may outlive midnight by that long.
    with translation.override(locale.language_code):
        asked = with_days_named(query, timezone.localdate())
    # The engine ranking asks no counts of the Python ranking (query_understanding.analyse).
    analysis = _cached_analysis(asked, index, weighed=not engine_ranks())
    outcome = Outcome(query=clean_query(query), analysis=analysis, index=index)
    buurt = (buurt or "").strip()[:100]
    type = (type or "").strip()[:30]
    if buurt:
        outcome.buurt = next((b for b in index.buurten.values() if b.slug == buurt), None)
        outcome.unknown_buurt = "" if outcome.buurt else buurt
    if type:
        outcome.type = type if type in TYPES else ""
        outcome.unknown_type = "" if outcome.type else type
    # A postcode ("6825", "6826 HK") puts its buurt first (postcodes/).
    by_postcode = [
        Result(doc=index.buurten[i], score=0, coverage=1, promoted=True) for i in buurt_ids(query, index.buurten)
    ]
    if analysis.is_empty and not by_postcode:
        return outcome
    promoted = by_postcode + [
        Result(doc=d, score=0, coverage=1, promoted=True)
        for d in _promotions(outcome.query, index)
        if d.id not in {r.doc.id for r in by_postcode}
    ]
    promoted_ids = {r.doc.id for r in promoted}
    ranked, counted = ([], None) if analysis.is_empty else _ranked(analysis, index, locale, outcome, promoted_ids, lazy)
    ranked = promoted + [r for r in ranked if r.doc.id not in promoted_ids]
    if by_postcode:
        # The question is a postcode, and its buurt was found: its digits and letters are no words that
        # pages lack ("6671 AB" said "6671 en ab staan op geen pagina" above Zetten).
        outcome.unfound = []
    if outcome.buurt:
        # Within a buurt its own places and activities come first; glossary words stay, a little lower.
        ranked = [r for r in ranked if r.doc.type == "begrip" or r.doc.buurt_id == outcome.buurt.id]
        for r in ranked:
            if r.doc.type == "begrip" and not r.promoted:
                r.score *= BEGRIP_IN_BUURT
        ranked.sort(key=lambda r: (not r.promoted, -r.score, TYPE_ORDER[r.doc.type], r.doc.title))
    outcome.type_counts, per_buurt = _counts(ranked, counted, outcome.type)
    # A buurt's list holds the glossary's answers too (the glossary belongs to every buurt), so its link
    # counts them: "De Pas (6)" leads to "We vonden 6 resultaten".
    glossary = outcome.type_counts["begrip"] if outcome.type in ("", "begrip") else 0
    per_buurt = {b: n + glossary for b, n in per_buurt.items()}
    outcome.total = outcome.type_counts[outcome.type] if outcome.type else sum(outcome.type_counts.values())
    if outcome.type:
        ranked = [r for r in ranked if r.doc.type == outcome.type]
    outcome.buurt_counts = sorted(
        ((index.buurten[b], n) for b, n in per_buurt.items() if b in index.buurten), key=lambda bn: bn[0].title
    )
    outcome.results = ranked[:limit]
    outcome.explanations = outcome.analysis.named_primary[:2]
    terms = frozenset(outcome.analysis.highlight_terms())
    for result in outcome.results:
        result.terms = terms
    return outcome


def asked_without_unfound(outcome):
    """When a search found nothing and some asked words are on no page: the question without them, asked
    again in the same buurt and type, as (question, its Outcome, lazy: engine.shown gives the documents);
    None when no word that says what is asked is left or that search finds nothing too
    (unfound.without_unfound). For the "nothing found" box, the API's `without` and evaluate_search: the
    resident or the partner decides to ask it, so it is not logged."""
    if outcome.results or not outcome.unfound:
        return None
    rest = without_unfound(outcome.query, outcome.unfound, stopwords())
    if not rest:
        return None
    buurt = outcome.buurt.slug if outcome.buurt else ""
    found = search(rest, locale=outcome.index.locale, buurt=buurt, type=outcome.type, lazy=True)
    return (rest, found) if found.answers else None
