"""The Python ranking: how well each page answers the clauses of a question (issue 4, wave 1).

`rank(analysis, index, locale, buurt)` scores the pages of the in-memory picture (docindex.py), at scale
with the search backend's candidate activities (candidates.py): coverage, the weighted share of the
question's clauses a page answers, plus small named bonuses. engine.search uses it unless the engine
ranks (SEARCH_RANKING=engine with OpenSearch, engine_rank.py) or does not answer.
"""

import itertools
import logging

from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from .candidates import CANDIDATES_AT_SCALE, candidate_view
from .compilers import CandidateQuery
from .docindex import TYPE_ORDER
from .page_texts import TITLE
from .results import Result
from .unfound import may_leave_out

logger = logging.getLogger(__name__)

RANKED_MAX = 500  # ranked before the buurt and type filters, so that they and the counts see them all
BACKEND_CANDIDATES = 100
BACKEND_WORDS = 16
BACKEND_SCORE = "_backend_score"  # the attribute the backend's relevance is annotated as (tie_broken)
MIN_COVERAGE = 0.4  # all words, or the most telling ones
ANY_WORD_COVERAGE = 0.2  # fallback when that finds little: any word, if every word is known on the site
FEW = 5  # fewer answers than this with every word: the looser steps (a word left out, any word) apply
HOST_SHARE = 0.5  # a place where a matching activity happens: half the activity's score (‘koffieochtend’ → buurthuis)

# How well a page answers a day asked for ("zaterdagochtend", when.py): an activity on that day and in
# that part of the day answers fully, on that day at another hour half, and a place open that day a little.
ON_DAY_AND_HOUR = 1.0
ON_DAY = 0.5
OPEN_ON_DAY = 0.3
# A buurt's name asked (‘koffie in de pas’): every page of that buurt answers the place clause fully; a
# page that only mentions the name in its text, half.
IN_ASKED_BUURT = 1.0
NAMES_ASKED_BUURT = 0.5

# The bonuses added to the coverage (0–1) of a page, all small against the step from one word to two: they
# order pages that answer about as much. Set with the first ranking (wave 1); their order is what matters.
TYPE_PRIOR = {"activiteit": 0.05, "voorziening": 0.03}  # with nothing else to tell: things to do, then places
DEFINITION_TERM = 0.45  # "wat is mantelzorg": the named term first, above any page with the words
NAMED_BY_TERM = 0.07  # a term named by its term or afkorting, not asked what it means: just above its peers
LINKED_TERM = 0.05  # another glossary term the question mentions
DEFINITION_GLOSSARY = 0.15  # a definition question: glossary pages before the places that use the word
BACKEND_RANK = 0.1  # the search backend's first candidate; it halves by its fifth (BACKEND_RANK_HALF)
BACKEND_RANK_HALF = 5
# Only a place or a day asked ("wat is er te doen in de pas", "zaterdag"): the buurt's own page, then its places.
ONLY_CONTEXT = {"buurt": 0.3, "voorziening": 0.1}
TITLE_SHARE = 0.1  # times the share of the asked words in the title
# A kind of page asked by its name ("activiteiten haalderen", page_types.py): its pages before the others,
# by more than a title or a phrase adds (TITLE_HEAD, PHRASE_BONUS) but less than a page with all the words
# has over one with half of them.
NAMED_TYPE = 0.3
RELATIVE_CUTOFF = 0.3
RELATED_SHARE = 0.6  # a term linked under ‘zie ook’ to the term the query names
TITLE_HEAD = 0.05  # a title that starts with an asked word is about it
PHRASE_BONUS = 0.2  # the share of neighbouring query words the page has side by side
# A need asks for the kind of activity that helps with it (page_types.helping_categories: "eenzaam" →
# ontmoeten). An activity of another kind that mentions the need (the repair café "against loneliness")
# answers it at this share, below the coffee mornings; places and glossary pages that say it keep their
# place. As the engine's OTHER_KIND_FACTOR.
OTHER_KIND = 0.5
# A word that says what kind of place is asked (page_types.place_kinds: "dokter", "doktor" → huisarts): the
# places of that soort before the other pages with the word, the glossary's explanations of care among
# them, as the engine's PLACE_KIND_FACTOR; less than a page with one more of the asked words has. With a place
# named only for the places there ("buurthuis tolkamer" 0.97 → 0.88 on the places dev set when the buurthuizen
# of other villages had it too).
# Dev sets (languages / dev / places): 0 0.837 / 0.891 / 0.948; 0.05 0.840; 0.1 0.840; 0.2 0.841, same others.
PLACE_KIND = 0.1
# A place of the soort a word names answers that word, at this share, when its page says it in other words
# ("sporthal" → the sportzaal): the soort is what the word means. As the engine's KIND_AS_WORD. Plek dev set
# (places, dev, languages unchanged at each): 0 0.905, 0.3 0.946, 0.6 0.981, 1.0 0.993.
KIND_AS_WORD = 1.0


def _backend_ranks(analysis, locale, buurt=None, limit=BACKEND_CANDIDATES):
    """Ranks of the candidates the search backend finds for any of the words ({page id: rank})."""
    query_words = analysis.backend_words()
    if not query_words:
        return {}
    query = CandidateQuery(" ".join(query_words[:BACKEND_WORDS]), operator="or")
    # Only the ids are used: the backend's hits are not loaded as whole pages.
    queryset = Page.objects.live().filter(locale__in={locale.pk, Locale.get_default().pk}).only("id")
    if buurt is not None:
        queryset = queryset.filter(path__startswith=buurt.path)
    try:
        results = get_search_backend().search(query, queryset).annotate_score(BACKEND_SCORE)[:limit]
        return {page.pk: rank for rank, page in enumerate(tie_broken(results))}
    except Exception:  # the backend is down or refuses the query: rank with the in-memory index only
        logger.exception("Search backend failed for %r", analysis.text)
        return {}


def tie_broken(results):
    """The backend's `results` in its order, pages of equal score newest first (by id, descending). Rows of equal
    score come back in whatever order the backend's plan produces, which nothing fixes: after updates, with
    another plan or another shard, one process could rank a question otherwise than the next. Newest first is
    the order SQLite's FTS5 and, on the demo, PostgreSQL already gave: no dev set moved on either; with
    OpenSearch candidates dev 0.899 → 0.900, places 0.947 → 0.945. (Which pages of equal score make the cut
    at `limit` is still the backend's choice; there the rank bonus is a twentieth of the first page's.)"""
    by_score = itertools.groupby(results, key=lambda page: getattr(page, BACKEND_SCORE))
    return [page for _score, equal in by_score for page in sorted(equal, key=lambda page: -page.pk)]


def _alt_match(index, alt):
    return {doc_id: alt.weight * value for doc_id, value in index.match_alt(alt.terms).items()}


def _clause_scores(index, clause, now, stand_ins=frozenset()):
    """{doc id: 0–1} how well each document answers one clause. `stand_ins`: the places that count as in the
    places named (Analysis.stand_ins)."""
    if clause.kind == "weekday":
        scores = {}
        for doc in index.docs.values():
            if doc.type == "activiteit" and doc.weekdays & clause.weekdays:
                in_hours = clause.hours is None or (
                    doc.start_hour is not None and clause.hours[0] <= doc.start_hour < clause.hours[1]
                )
                scores[doc.id] = ON_DAY_AND_HOUR if in_hours else ON_DAY
            elif doc.type == "voorziening" and doc.weekdays & clause.weekdays:
                scores[doc.id] = OPEN_ON_DAY
        return scores
    scores = {}
    for alt in clause.alts:
        for doc_id, value in _alt_match(index, alt).items():
            if value > scores.get(doc_id, 0):
                scores[doc_id] = value
    if clause.kinds:  # a place of the soort the word names answers it (KIND_AS_WORD)
        for doc in index.docs.values():
            if doc.type == "voorziening" and doc.soort in clause.kinds:
                scores[doc.id] = max(scores.get(doc.id, 0), KIND_AS_WORD)
    if clause.helps:  # an activity of a kind that does not help with the need (OTHER_KIND)
        for doc_id in scores:
            doc = index.docs.get(doc_id)
            if doc is not None and doc.type == "activiteit" and doc.categorie not in clause.helps:
                scores[doc_id] *= OTHER_KIND
    # A place where a matching activity happens answers a little too (‘koffieochtend’ → its buurthuis).
    for doc_id, value in list(scores.items()):
        doc = index.docs.get(doc_id)
        if doc is not None and doc.voorziening_id in index.docs:
            host = doc.voorziening_id
            scores[host] = max(scores.get(host, 0), HOST_SHARE * value)
    if clause.kind == "place":
        scores = {doc_id: value * NAMES_ASKED_BUURT for doc_id, value in scores.items()}
        for doc in index.docs.values():
            if doc.buurt_id in clause.buurt_ids or doc.id in stand_ins:
                scores[doc.id] = IN_ASKED_BUURT
    return scores


def rank(analysis, index, locale, buurt=None):
    """All matching documents of the locale, best first: [Result]. At scale the activities are the
    backend's candidates (in `buurt`, a buurt Doc, when given) — see search/candidates.py."""
    now = timezone.now()
    clauses = analysis.clauses
    total = sum(c.weight for c in clauses)
    if not clauses or total <= 0:
        return []
    if index.at_scale:
        backend = _backend_ranks(analysis, locale, buurt, CANDIDATES_AT_SCALE)
        index = candidate_view(index, analysis, locale, backend, buurt)
    else:
        backend = _backend_ranks(analysis, locale)
    per_clause = [(clause, _clause_scores(index, clause, now, analysis.stand_ins)) for clause in clauses]
    primary = {c.doc_id for c in analysis.named_primary}
    secondary = {c.doc_id for c in analysis.concepts} - primary
    by_term = {c.doc_id for c in analysis.term_concepts}
    only_context = all(c.kind in ("place", "weekday") for c in clauses)
    words_asked = sum(1 for c in clauses if c.kind in ("word", "concept"))
    coverage = _coverage(analysis, per_clause, index, now)
    if _enough(coverage) < FEW:
        # A word no page has, and no typo, is left out when the question says enough without it
        # (unfound.may_leave_out, the engine ranking's rule too).
        unknown = [c for c in clauses if c.kind == "word" and not c.known]
        if may_leave_out(words_asked, len(unknown)):
            per_clause = [(c, scores) for c, scores in per_clause if all(c is not u for u in unknown)]
            words_asked -= len(unknown)
            coverage = _coverage(analysis, per_clause, index, now)
    minimum = MIN_COVERAGE
    if words_asked > 1 and _enough(coverage) < FEW and all(c.known for c, _scores in per_clause):
        minimum = ANY_WORD_COVERAGE
    best = max(coverage.values(), default=0)
    results = []
    for doc_id, cover in coverage.items():
        if cover < minimum or cover < RELATIVE_CUTOFF * best:
            continue
        doc = index.docs[doc_id]
        score = cover
        # The explanation of a named term is shown above the results; in the list itself it leads only
        # when the question asks what something means. Otherwise things to do and places come first.
        if doc_id in primary:
            if analysis.definitional:
                score += DEFINITION_TERM
            elif doc_id in by_term:
                score += NAMED_BY_TERM
        elif doc_id in secondary:
            score += LINKED_TERM
        if analysis.definitional:
            score += DEFINITION_GLOSSARY if doc.type == "begrip" else 0
        elif analysis.types:
            score += NAMED_TYPE if doc.type in analysis.types else 0
        else:
            score += TYPE_PRIOR.get(doc.type, 0)
        if doc_id in backend:
            score += BACKEND_RANK / (1 + backend[doc_id] / BACKEND_RANK_HALF)
        score += PHRASE_BONUS * analysis.phrase_share(doc)
        if doc.soort in analysis.place_kinds and (
            not analysis.place_buurt_ids or doc.buurt_id in analysis.place_buurt_ids or doc.id in analysis.stand_ins
        ):
            score += PLACE_KIND  # with a place named, only there (page_types.place_kinds)
        if only_context and not analysis.types:
            score += ONLY_CONTEXT.get(doc.type, 0)
        else:
            score += TITLE_SHARE * _title_share(analysis, doc) + TITLE_HEAD * _names_head(analysis, doc)
        results.append(Result(doc=doc, score=score, coverage=cover))
    results.sort(key=lambda r: (-r.score, TYPE_ORDER[r.doc.type], r.doc.title))
    return results[:RANKED_MAX]


def _enough(coverage):
    """How many pages have enough of the asked words (MIN_COVERAGE)."""
    return sum(1 for c in coverage.values() if c >= MIN_COVERAGE)


def _coverage(analysis, per_clause, index, now):
    """{page id: the weighted share of the asked words it has} for the pages shown, with the terms the
    editors linked to a named term (‘zie ook’), a little lower than it."""
    total = sum(clause.weight for clause, _scores in per_clause)
    candidates = set()
    for _clause, scores in per_clause:
        candidates.update(scores)
    coverage = {}
    for doc_id in candidates:
        doc = index.docs.get(doc_id)
        if doc is not None and not doc.is_over(now):
            coverage[doc_id] = sum(clause.weight * scores.get(doc_id, 0) for clause, scores in per_clause) / total
    for concept in analysis.named_primary:
        if concept.doc_id in coverage:
            for doc_id in concept.related:
                if doc_id in index.docs:
                    share = RELATED_SHARE * coverage[concept.doc_id]
                    coverage[doc_id] = max(coverage.get(doc_id, 0), share)
    return coverage


def _names_head(analysis, doc):
    """Whether the title starts with an asked word: ‘Koffie met …’ is about coffee, ‘Wandeling met koffie’
    is a walk."""
    head = doc.title_head
    if len(head) < 3:
        return False
    for clause in analysis.clauses:
        if clause.kind in ("word", "concept") and clause.alts:
            for part in clause.alts[0].terms:
                if any(head == t or (len(t) >= 4 and head.startswith(t)) for t in part):
                    return True
    return False


def _title_share(analysis, doc):
    terms = [alt.terms for c in analysis.clauses if c.kind in ("word", "concept") for alt in c.alts[:1]]
    if not terms:
        return 0.0
    hits = sum(1 for t in terms if all(any(doc.terms.get(x, 0) >= TITLE for x in part) for part in t))
    return hits / len(terms)
