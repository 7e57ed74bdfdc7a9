"""Ranking by the search engine (OpenSearch): one question, the engine's order (issue 12).

With OpenSearch configured, `engine.search()` asks the engine for the ranked pages and the counts
(`engine_rank`, one msearch: search/engine_request.py) and only shows them: the order and the numbers
are the engine's (search/engine_query.py says what it receives). The in-memory picture (docindex) is
used for showing a found page (title, url, snippet) and, when the engine does not answer, for the
Python ranking on the database backend (ranking.rank), as before.

Matching is strict first: a page must have every word (or its synonym, a wider word, a typo of it or
a compound that holds it). The same msearch asks, for each word, whether any page has it (as one word
is matched: word_checks). When the strict search finds fewer than FEW pages (in every buurt and type,
so that a count on the page and the list it links to agree; or in the places the question names,
_too_few):
- a word no page has is asked as the known words the vocabulary says it may be a typo of
  (vocabulary.corrections, the Python ranking's rule: "hoffie" → koffie, a first letter the engine's
  fuzziness does not change);
- a word no page has and that is no typo is left out when the question says enough without it
  (unfound.may_leave_out: "ik slik veel pillen …"); in a short question it makes the question one the
  portal cannot answer ("zwemles voor kinderen" must not list everything about children);
- then, if every word left is known or corrected, one word may be missing.
The words no page has, and what was asked instead, are in EngineAnswer.unfound (search/unfound.py).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from postcodes.parse import as_postcode

from . import concepts, engine_request, page_types, vocabulary
from .candidates import activity_docs, activity_stubs
from .engine_query import EngineQuery, joined_words
from .engine_request import Counted, count_body, rank_body, ranked_ids, snippet_body, snippets
from .places import kind_stand_ins, named_places
from .question import question_form, question_words
from .searched import narrowed, searched_pages
from .text import SHORT_WORDS, compound_lexicon, split_compound, stopwords
from .unfound import Unfound, may_leave_out, required_words
from .when import day_words, says_when

# The engine's best pages a search takes: the buurt and type filters and their counts see these. As many
# as the Python ranking takes from the engine at scale (candidates.CANDIDATES_AT_SCALE): at 100,000
# activities each found activity is loaded from the database to be shown, so more costs every search.
RANKED_MAX = 200
FEW = 5  # fewer pages with every word than this: try with one word less (as ranking.FEW)


@dataclass
class EngineAnswer:
    """The engine's answer to one search: `ranked` [(Doc, engine score)] in the engine's order, of the
    chosen buurt and type; `counted` the counts of every match (engine_request.Counted; None when nothing
    was asked, as for a question of only stop words)."""

    ranked: list = field(default_factory=list)
    counted: object = None
    clause: dict | None = None  # the engine's query for the pages shown, for their snippets (add_snippets)
    unfound: list = field(default_factory=list)  # [unfound.Unfound]: asked words no page has


def engine_ranks():
    """Whether the engine orders the answers: SEARCH_RANKING = "engine" and the OpenSearch backend
    configured (the database backends cannot: they always use the Python ranking)."""
    return settings.SEARCH_RANKING == "engine" and hasattr(get_search_backend(), "reload_synonyms")


def _forms(query):
    """{asked word: the forms a page may have it in}: the word itself (with its compound parts) and the
    word glued to a neighbour ("hafta sonu" is "haftasonu", as the ranking's clause asks it)."""
    forms = {}
    for i, word in enumerate(query.words):
        if word not in query.stop:
            forms.setdefault(word, [word, *joined_words(query.words, i, query.stop)])
    return forms


def _checked(forms):
    """The forms of all asked words, each once, in the order word_checks asks them."""
    return sorted({form for word_forms in forms.values() for form in word_forms})


def word_checks(compiler, query, pages):
    """One search body per form of an asked word (_forms): does any page have it (as the engine matches one
    word: synonyms, typos, compound parts)? Cheap: no hits, and each shard stops at the first match.
    Returns ({asked word: its forms}, [body per form of _checked])."""
    forms = _forms(query)
    bodies = [
        {
            "query": compiler(pages, EngineQuery([form], parts={form: query.parts.get(form, ())})).get_query(),
            "size": 0,
            "terminate_after": 1,
        }
        for form in _checked(forms)
    ]
    return forms, bodies


def _unknown(forms, answers):
    """The asked words none of whose forms a page has (the answers to word_checks' bodies)."""
    found = {form for form, one in zip(_checked(forms), answers, strict=True) if one["hits"]["total"]["value"] > 0}
    return [word for word, word_forms in forms.items() if not found.intersection(word_forms)]


def _places(asked_words, index, stop, postcodes):
    """({place as typed: [buurt paths]}, the other words, the ids of the buurten named): places.named_places."""
    named = named_places(asked_words, index, stop, postcodes)
    taken = {i for place in named for i in range(place.start, place.start + place.length)}
    places = {
        place.text: sorted(index.buurten[b].path for b in place.buurt_ids if b in index.buurten) for place in named
    }
    buurt_ids = frozenset(b for place in named for b in place.buurt_ids)
    return places, [word for i, word in enumerate(asked_words) if i not in taken], buurt_ids


def _compound_parts(asked_words, stop):
    parts = {}
    for word in asked_words:
        split = None if word in stop else split_compound(word, compound_lexicon(), SHORT_WORDS)
        if split:
            parts[word] = split
    return parts


def _concepts(backend, content, locale):
    """{term: [asked words]}: the glossary terms the question's content words say in other words
    (concepts.py), each word used by one term only, the term that uses most words first."""
    locales = {locale.pk, Locale.get_default().pk}
    chosen, taken = {}, set()
    for title, used in concepts.recognise(backend, " ".join(content), locales):
        used = [word for word in used if word in content and word not in taken]
        if len(used) >= concepts.MIN_PHRASE_WORDS and title not in chosen:
            chosen[title] = used
            taken.update(used)
    return chosen


def question(text, index, locale, buurt=None):
    """The EngineQuery for what a resident typed (the module docstring says what Python decides), or None
    when nothing in it says what is asked. `buurt` is the buurt Doc the resident searches in."""
    all_words = question_words(text, locale)
    before, after = question_form(all_words)
    asked_words = [part for word in all_words[before : len(all_words) - after] for part in day_words(word)]
    stop = stopwords()
    places, asked_words, place_ids = _places(asked_words, index, stop, postcodes=as_postcode(text) is None)
    # A kind of page asked by its name ("activiteiten haalderen") or by a phrase ("wat valt er te doen in
    # haalderen"): that kind, not pages with those words, when the question says something else too
    # (page_types.named_kinds).
    named_types, naming = page_types.named_kinds(asked_words, stop, context=bool(places))
    asked_words = [word for i, word in enumerate(asked_words) if i not in naming]
    content = [word for word in asked_words if word not in stop]  # the words that say what is asked
    if not content and not places:
        return None
    said = {}
    if len(content) >= concepts.MIN_PHRASE_WORDS:
        said = _concepts(get_search_backend(), content, locale)
    # The words that say one term are one clause, which counts as each of them (engine_query's
    # _concept_clauses): "iemand die voor zijn zieke vrouw zorgt" is answered by a page about mantelzorg.
    clauses = len(content)
    required = required_words(clauses)
    other_clauses = len(asked_words) - len(content)  # the stop words' clauses
    asked_kinds = page_types.place_kinds(content, definitional=bool(before or after))
    return EngineQuery(
        asked_words,
        min_words=other_clauses + required,
        content_words=clauses,
        definitional=bool(before or after),
        buurt_path=buurt.path if buurt else "",
        parts=_compound_parts(asked_words, stop),
        places=places,
        stop=stop,
        concepts=said,
        when={word for word in content if says_when(word)},
        types=named_types,
        helps=page_types.helping_categories(content),
        place_kinds=asked_kinds,
        stand_ins=kind_stand_ins(place_ids, asked_kinds, index),
        kinds_of_words={word: kinds for word in content if (kinds := page_types.place_kinds([word]))},
    )


def _too_few(counted, query, index):
    """Whether the strict search found fewer than FEW pages: in every buurt and type, or, when the
    question names places ("koffie drinken in spijk"), in those places. Elsewhere there may be many
    pages with every word, while the place asked has only pages that lack one ("Open kerk: koffie in
    De Toren" does not say "drinken"); the looser steps then find those."""
    if counted.total < FEW:
        return True
    paths = {path for paths in query.places.values() for path in paths}
    if not paths or not counted.buurten:
        return False
    in_places = sum(n for buurt_id, n in counted.buurten.items() if index.buurten[buurt_id].path in paths)
    return in_places < FEW


def engine_rank(text, index, locale, buurt=None, type="", promoted=(), lazy=False):
    """The engine's answer (EngineAnswer), or None when the engine did not answer (the caller then ranks
    in Python on the database backend). `buurt` is the buurt Doc the resident searches in, `type` the
    type chosen (searched.TYPE_MODELS), `promoted` the ids of the pages put first (their counts:
    engine_request.count_body). One msearch (engine_request.py) gives the best pages of
    that buurt and type and every count; a second one only when too few pages have every word. `lazy`:
    at scale a found activity whose document is not kept yet is a results.Stub, built when shown."""
    query = question(text, index, locale, buurt)
    if query is None:
        return EngineAnswer()
    backend = get_search_backend()
    everywhere = searched_pages(locale)
    shown = narrowed(everywhere, buurt, type)
    buurten = list(index.buurten.values())

    def ask_for(query, checks=()):
        """(Counted, [(id, score)], the ranked clause, the answers to `checks`), or None."""
        compiler = backend.query_compiler_class
        ranked_clause = compiler(shown, query).get_query()
        bodies = [
            count_body(compiler(everywhere, query).get_query(), buurten, buurt, type, promoted),
            rank_body(ranked_clause, RANKED_MAX),
            *checks,
        ]
        answer = engine_request.ask(backend, bodies)
        return (
            None if answer is None else (Counted(answer[0], buurten), ranked_ids(answer[1]), ranked_clause, answer[2:])
        )

    forms, checks = word_checks(backend.query_compiler_class, query, everywhere)
    answer = ask_for(query, checks)
    if answer is None:
        return None
    unknown = _unknown(forms, answer[3])
    fixes = {}
    if _too_few(answer[0], query, index):
        fixes = {word: found for word in unknown if (found := vocabulary.corrections(word, locale, unmatched=True))}
        left_out = [word for word in unknown if word not in fixes]
        if not may_leave_out(query.content_words, len(left_out)):
            left_out = []
        if fixes or left_out:
            query = query.corrected(fixes).without(left_out)
            answer = ask_for(query)
        answerable = set(unknown) <= set(fixes) | set(left_out)
        if answer is not None and _too_few(answer[0], query, index) and answerable:
            if query.content_words > 1:
                answer = ask_for(query.relaxed(query.min_words - 1))
            elif query.places and query.when and set(query.words) - query.stop <= query.when:
                # Only when it is asked, in a place with too few pages then: the place's other pages too.
                answer = ask_for(query.with_place_pages())
        if answer is None:
            return None
    unfound = [Unfound(word, tuple(fixed for fixed, _s in fixes.get(word, ()))) for word in unknown]
    counted, found, ranked_clause, _checks = answer
    # At scale the picture holds no activities: their documents are built for the pages found, or for
    # the pages shown (`lazy`, the results page: engine.shown).
    missing = [pk for pk, _score in found if pk not in index.docs]
    build = activity_stubs if lazy else activity_docs
    built = build(index, missing) if index.at_scale and missing else {}
    now = timezone.now()
    ranked = []
    for pk, score in found:
        doc = index.docs.get(pk) or built.get(pk)
        # The engine leaves out what is over (engine_query.SHOWN_UNTIL_FIELD); this check is for the
        # moments between an activity's end and this search, and for an index built before that field.
        if doc is not None and not doc.is_over(now):
            ranked.append((doc, score or 0.0))
    return EngineAnswer(ranked, counted, ranked_clause, unfound)


def add_snippets(clause, results):
    """Give the results on show the engine's snippet (engine_request.snippet_body): one request, for these
    pages only. `clause` is EngineAnswer.clause; None (the Python ranking), an engine that does not answer
    or a page the engine has no highlight for: the result keeps the Python rule's snippet (snippets.py)."""
    if clause is None or not results:
        return
    answer = engine_request.ask(
        get_search_backend(), [snippet_body(clause, [r.doc.id for r in results])], "marking the snippets"
    )
    if answer is None:
        return
    found = snippets(answer[0])
    for result in results:
        result.engine_snippet = found.get(result.doc.id, "")
