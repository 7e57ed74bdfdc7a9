"""One request to the engine for one search: the best pages and every count the results page shows (issue 12).

engine_rank sends one EngineQuery as one `msearch` with two searches:

1. **the counts** (`size` 0): how many pages match, per type and per buurt, with the engine's aggregations,
   over every match, not only the best RANKED_MAX. The matches are the pages of `searched.searched_pages` for the
   language (every buurt, every type). Two aggregations apply the resident's choices as the list does:
   - `types`: the matches in the chosen buurt (and the glossary, which belongs to every buurt), per type:
     the links "Activiteiten (12)", "Plekken (3)";
   - `buurten`: the matches of the chosen type in the chosen buurt, per buurt (a `terms` aggregation on
     BUURT_FIELD, the buurt paths of the language only): the links "Malburgen (4)".
   The total of all matches also tells engine_rank whether to ask again with one word less (FEW): it does
   not depend on the buurt or type chosen, so that "Malburgen (4)" leads to a list with those 4.
2. **the best pages** of the chosen buurt and type (`size` RANKED_MAX), ids and scores only: the page
   shows them from the picture (docindex), so the engine's hits are not loaded from the database.

Then, for the ten results on show only (engine_rank.add_snippets), a second request:

3. **the snippets** (snippet_body): the same question, limited to those pages, with the engine's highlight of
   each: the sentence of the page's summary or body (SNIPPET_FIELD) with most of the matched words, marked as
   the engine matched them (a synonym: "warm eten" marks "warme maaltijd"; a compound's part:
   "boodschappen" marks "boodschappenhulp"; a typo). The results page shows it under the title
   (results.Result.snippet); the Python ranking marks its own (snippets.py). Not in the first msearch:
   highlighting all RANKED_MAX best pages there cost 6–69 ms more a search at 100,000 activities; this
   request for the ten costs 10–35 ms (benchmarks/search_engine_request.py).

Both searches carry the question's `preference` (backends.answer_preference): every process asks the same
copies of the shards and gets the same order and counts.

Why not Wagtail's `search()` with `.facet()`: that is one request per facet plus, for more than 100 results,
a scroll of several requests, and a database query for the pages found; one msearch is one round trip.
A failing engine answers None (backends.FailoverBackendMixin.ask_engine marks it down), and the caller
ranks in Python on the database backend, as it does when a search fails.
"""

import logging

from wagtail.models import Page

from .backends import answer_preference
from .engine_query import PK_FIELD, content_type_clause
from .searched import TYPE_MODELS
from .snippets import MARK_END, MARK_START

logger = logging.getLogger(__name__)

PATH_FIELD = "path_filter"  # Page.path, a FilterField of every page: a buurt is its path's prefix
# BasePage.zoek_buurt_pad (home/models.py): the path of the buurt a page is shown under, a keyword.
BUURT_FIELD = "home_basepage__zoek_buurt_pad_filter"
# BasePage.zoek_fragment: the summary and body a result shows a piece of (page_texts.snippet_text).
SNIPPET_FIELD = "home_basepage__zoek_fragment_filter"
SNIPPET_CHARS = 160  # about 25 words, as the Python snippet's at most 30 (snippets.highlight)


def _in_buurt(buurt):
    # searched.narrowed's buurt rule, said to the engine inside an aggregation (the counts search spans
    # every buurt, so the rule cannot be the search's filter): a change there is a change here.
    if buurt is None:
        return {"match_all": {}}
    return {"bool": {"should": [{"prefix": {PATH_FIELD: buurt.path}}, content_type_clause(TYPE_MODELS["begrip"])]}}


def _of_type(type):
    return content_type_clause(TYPE_MODELS[type]) if type else {"match_all": {}}


def count_body(query_clause, buurten, buurt=None, type="", promoted=()):
    """The counts search (module docstring, 1). `buurten` are the buurt Docs of the language; `promoted`
    the ids of the pages the results page puts first (a postcode's buurt, an editor's promotion): the
    `promoted` aggregation says which of them match, so that engine._counts adds only the others."""
    per_type = {t: content_type_clause(name) for t, name in TYPE_MODELS.items()}
    paths = sorted(b.path for b in buurten)
    per_buurt = {"terms": {"field": BUURT_FIELD, "include": paths, "size": len(paths)}}
    both = {"bool": {"filter": [_in_buurt(buurt), _of_type(type)]}}
    aggs = {"types": {"filter": _in_buurt(buurt), "aggs": {"per": {"filters": {"filters": per_type}}}}}
    if paths:  # the engine refuses a `terms` of size 0 (a site without buurten yet)
        aggs["buurten"] = {"filter": both, "aggs": {"per": per_buurt}}
    if promoted:
        ids = [str(pk) for pk in promoted]
        aggs["promoted"] = {"terms": {"field": PK_FIELD, "include": ids, "size": len(ids)}}
    return {"query": query_clause, "size": 0, "track_total_hits": True, "aggs": aggs}


def rank_body(query_clause, limit):
    """The best pages search (module docstring, 2)."""
    return {"query": query_clause, "size": limit, "_source": False, "stored_fields": [PK_FIELD]}


def snippet_body(query_clause, ids):
    """The snippets search (module docstring, 3): these pages only, each with the engine's highlight of the
    question. The question is only the highlight's query, so that the engine does not score these pages
    again (measured: 10–18 ms against 15–23 ms as the search's query, the same snippets)."""
    return {
        "query": {"terms": {PK_FIELD: [str(pk) for pk in ids]}},
        "size": len(ids),
        "_source": False,
        "stored_fields": [PK_FIELD],
        "highlight": {
            "highlight_query": query_clause,
            "require_field_match": False,  # the question is asked of _all_text; its words are marked here
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            # no_match_size 0: a page without a matched word there gets no highlight (the caller's own snippet)
            "fields": {SNIPPET_FIELD: {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1, "no_match_size": 0}},
        },
    }


class Counted:
    """What the counts search found: `total` (every match, every buurt and type), `types` ({type: n} in the
    chosen buurt), `buurten` ({buurt id: n} of the chosen type; `buurten` the buurt Docs asked for) and
    `promoted` (the ids of the promoted pages that match)."""

    def __init__(self, answer, buurten):
        self.total = answer["hits"]["total"]["value"]
        aggs = answer["aggregations"]
        self.types = {t: bucket["doc_count"] for t, bucket in aggs["types"]["per"]["buckets"].items()}
        by_path = {b.path: b.id for b in buurten}
        per_buurt = aggs["buurten"]["per"]["buckets"] if "buurten" in aggs else ()
        self.buurten = {by_path[bucket["key"]]: bucket["doc_count"] for bucket in per_buurt}
        self.promoted = {int(bucket["key"]) for bucket in aggs.get("promoted", {}).get("buckets", ())}


def ask(backend, bodies, doing="searching"):
    """Send these search bodies in one msearch: their answers in order, or None when the engine fails or
    refuses one of them (the caller then ranks on the database backend)."""
    index = backend.get_index_for_model(Page).name
    lines = []
    for body in bodies:
        lines += [{"index": index, "preference": answer_preference(body)}, body]
    answer = backend.ask_engine(doing, lambda es: es.msearch(body=lines, request_timeout=backend.search_timeout))
    if answer is None:
        return None
    refused = [one["error"] for one in answer["responses"] if "error" in one]
    if refused:
        logger.error("The search engine refused a search while %s: %s", doing, refused[0])
        return None
    return answer["responses"]


def ranked_ids(answer):
    """[(page id, score)] of a rank_body's answer, best first."""
    return [(int(hit["fields"][PK_FIELD][0]), hit["_score"]) for hit in answer["hits"]["hits"]]


def snippets(answer):
    """{page id: the engine's piece of its text, the matched words between snippets.MARK_START and MARK_END}
    of a snippet_body's answer; a page without a highlight is left out."""
    found = {}
    for hit in answer["hits"]["hits"]:
        pieces = hit.get("highlight", {}).get(SNIPPET_FIELD)
        if pieces:
            found[int(hit["fields"][PK_FIELD][0])] = pieces[0]
    return found
