"""Glossary terms said in other words, recognised by the engine (issue 12).

A resident seldom says "mantelzorg"; they say "hulp voor iemand die voor zijn zieke vrouw zorgt". The
glossary's editors wrote such ways of saying a term under "andere woorden" ("zieke partner verzorgen").
A synonym rule of the engine (analysis.synonym_rules) only matches those words side by side and exactly
as written. Here the engine recognises them loosely, the way a reader would:

- every phrase of two words or more of a live glossary term (its title, its andere woorden) is a stored
  query of a small percolator index, `<prefix>begrippen`: all of its words must be in the question,
  in any order, each also as its stem or a synonym from the data files ("vrouw" for "partner", "zorgt"
  for "verzorgen": thesaurus.txt), with the same analysis as the page index (analysis.index_settings);
- a search sends the question to that index once (`recognise`): the engine answers which phrases the
  question holds, and its highlight says which of the question's words they used;
- the engine query (engine_query.EngineQuery.concepts) then asks for the term OR for those words: the
  pages about mantelzorg count, and so do the pages that say the resident's own words.

Only phrases of MIN_PHRASE_WORDS words or more are stored: a term said in one word is a synonym rule of
the page index already, and one word is too little to say that a question is about a term.

The index is rebuilt from the database (`rebuild`) by `update_index` (after the page index) and when a
glossary term's synonyms change (backends.FailoverBackendMixin.reload_synonyms, on publish, unpublish and
delete). Every process reads the same index: a change reaches every process at once. While the engine
does not answer, a search goes without recognised terms (the database backend answers it anyway).
"""

import re
import time
from copy import deepcopy

from django.utils.html import strip_tags

from . import analysis
from .text import stopwords, words

INDEX_NAME = "begrippen"  # after the backend's INDEX_PREFIX
QUESTION_FIELD = "vraag"  # the question, as a document of the percolate request
PHRASE_ANALYZER = "zb_begrip_frase"
PHRASE_SYNONYMS = "zb_begrip_synoniemen"
MIN_PHRASE_WORDS = 2
MAX_CONCEPTS = 20  # more phrases than any question holds
_EM = re.compile(r"<em>(.*?)</em>")


def index_name(backend):
    return f"{backend.index_prefix}{INDEX_NAME}"


def phrases():
    """[(locale id, title of the term, phrase)] for every name of MIN_PHRASE_WORDS content words or more
    of the live glossary terms (analysis.glossary_names), in every language."""
    stop = stopwords()
    return [
        (locale_id, title, name)
        for locale_id, title, names in analysis.glossary_names()
        for name in names
        if sum(1 for word in words(name) if word not in stop) >= MIN_PHRASE_WORDS
    ]


def _body(settings):
    # The stored phrases are read like a question (analysis.index_settings' "default_search"), but with
    # the synonyms of the data files only: with the glossary's own rules a phrase would turn into its
    # whole synonym group, and its words would not get their own synonyms ("partner" → "vrouw").
    settings = deepcopy(settings)
    chain = settings["settings"]["analysis"]["analyzer"]["default_search"]["filter"]
    settings["settings"]["analysis"]["filter"][PHRASE_SYNONYMS] = analysis.synonym_filter(analysis.data_file_rules())
    settings["settings"]["analysis"]["analyzer"][PHRASE_ANALYZER] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [PHRASE_SYNONYMS if name == analysis.SYNONYM_FILTER else name for name in chain],
    }
    mapping = {
        "properties": {
            "query": {"type": "percolator"},
            # The question is indexed like a page's text (compound parts, stems).
            QUESTION_FIELD: {"type": "text", "analyzer": "default", "search_analyzer": PHRASE_ANALYZER},
            "locale": {"type": "integer"},
            "titel": {"type": "keyword"},
        }
    }
    return {"settings": settings["settings"], "mappings": mapping}


def rebuild(backend):
    """Build a new index from the live glossary, then move the alias to it in one request (searches in
    between keep the old one) and delete the old. Returns the number of phrases."""
    settings = backend.analysis_settings()
    alias = index_name(backend)
    new = f"{alias}_{time.time_ns()}"
    es = backend.es
    es.indices.create(index=new, body=_body(settings))
    rows = phrases()
    actions = []
    for locale_id, title, phrase in rows:
        actions.append({"index": {"_index": new}})
        query = {"match": {QUESTION_FIELD: {"query": phrase, "operator": "and"}}}
        actions.append({"query": query, "locale": locale_id, "titel": title})
    if actions:
        es.bulk(body=actions, refresh=True)
    old = list(es.indices.get_alias(name=alias).keys()) if es.indices.exists_alias(name=alias) else []
    changes = [{"remove": {"index": name, "alias": alias}} for name in old]
    changes.append({"add": {"index": new, "alias": alias}})
    es.indices.update_aliases(body={"actions": changes})
    for name in old:
        es.indices.delete(index=name)
    return len(rows)


def recognise(backend, text, locale_ids):
    """[(term title, [the question's words it used])] for the glossary terms the question says (per term
    its phrase that used most words), the term that used most words first; [] when the engine does not
    answer (a search goes on without)."""
    body = {
        "size": MAX_CONCEPTS,
        "_source": ["titel"],
        "query": {
            "bool": {
                "must": {"percolate": {"field": "query", "document": {QUESTION_FIELD: text}}},
                "filter": {"terms": {"locale": sorted(locale_ids)}},
            }
        },
        "highlight": {"fields": {QUESTION_FIELD: {"number_of_fragments": 0}}},
    }
    answer = backend.ask_engine(
        "recognising glossary terms",
        lambda es: es.search(index=index_name(backend), body=body, request_timeout=backend.search_timeout),
    )
    if answer is None:
        return []
    found = {}
    for hit in answer["hits"]["hits"]:
        marked = " ".join(hit.get("highlight", {}).get(QUESTION_FIELD, []))
        used = list(dict.fromkeys(word for match in _EM.findall(marked) for word in words(strip_tags(match))))
        title = hit["_source"]["titel"]
        if len(used) >= MIN_PHRASE_WORDS and len(used) > len(found.get(title, ())):
            found[title] = used
    return sorted(found.items(), key=lambda item: -len(item[1]))
