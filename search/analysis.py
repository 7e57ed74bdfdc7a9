"""Dutch text analysis for OpenSearch, and the choice of search backend.

`search_backends()` builds WAGTAILSEARCH_BACKENDS from the environment (called from the settings):

- OPENSEARCH_URL (comma-separated URLs) → `search.backends.FailoverOpenSearchBackend` (OpenSearch 3);
- otherwise Wagtail's database backend only. ELASTICSEARCH_URL selects nothing: Elasticsearch is not
  supported, and the system check in search/checks.py says so at start-up.

With an engine, the database backend stays configured as "database": it is kept up to date too,
and the engine backend answers from it when the cluster is down or slow.

`index_settings()` is the INDEX_SETTINGS of the engine (`analysis` directly under `settings`):

- index time (`default` analyzer): standard tokenizer → lowercase → asciifolding → decompounder
  (word list: search/data/kernwoorden.txt + the glossary) → Dutch stop words (data/stopwoorden_tekst.txt,
  Lucene's list) → a diminutive plural loses
  its s (text.DIMINUTIVE_PLURAL) → stemmer_override (data/stamregels.txt, also the Python stem's) →
  stemmer (language "dutch", pinned: see STEMMER and tests/test_opensearch_analysis.py) → unique;
- search time (`default_search`): the same without the decompounder, the question's stop words
  (data/stopwoorden.txt) too, and an updateable synonym_graph after the stop words, built from the
  glossary (title, afkorting, synoniemen of each BegripPage; see synonyms.py) and the data files;
- autocomplete: edge n-grams of 2–30 characters, long enough for "mantelzorgondersteuning".

The glossary parts (word list and synonyms) are read from the database when an index is created
(`dynamic_analysis()`); the static part here needs no database, so the settings can import it.
"""

import os
import re
from pathlib import Path

from .text import (
    DIMINUTIVE_PLURAL,
    SHORT_WORDS,
    base_lexicon,
    broader,
    fold,
    stem_override_rules,
    stopwords,
    text_stopwords,
    thesaurus_groups,
    translations,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
KERNWOORDEN_FILE = DATA_DIR / "kernwoorden.txt"

SYNONYM_FILTER = "zb_synoniemen"
WIDE_SYNONYM_FILTER = "zb_synoniemen_breed"  # the same plus the one-way wider words (analyzer WIDE_ANALYZER)
WIDE_ANALYZER = "zb_search_wide"
QUESTION_STOP_FILTER = "zb_vraag_stop"
DIMINUTIVE_FILTER = "zb_verkleinwoord"  # "klusjes" → klusje before the stemmer (text.DIMINUTIVE_PLURAL)
PLAIN_ANALYZER = "zb_plain"  # no compound parts, no synonyms: for typos (fuzziness and synonyms do not mix)
DECOMPOUNDER_FILTER = "zb_samenstellingen"
STEMMER = {"type": "stemmer", "language": "dutch"}  # Snowball Dutch as in Lucene 10 (OpenSearch 3.8.0)
MIN_SUBWORD = 4
# Parts of a compound from the general word list (data/woorden.txt.gz, 99k words, also the Python side's)
# need 6 letters: its shorter words split too much that is no compound ("mantel" → "mant", "ouderen" →
# "eren"). Short care words (zorg, hulp, taal) come from kernwoorden.txt and the glossary.
LEXICON_MIN_PART = 6
SHORT_PART = 3  # the shortest part: only the listed three-letter words (text.SHORT_WORDS: gym, les, …)
EDGE_NGRAM_MAX = 30
# Open connections the client keeps per node (opensearch-py's pool_maxsize): many residents search at once.
CONNECTIONS_PER_NODE = 25

_WORD_CHARS = re.compile(r"[^\w\s'-]+", re.UNICODE)


def clean_term(text):
    """A glossary word or phrase as a synonym term: folded, no punctuation, single spaces."""
    return " ".join(_WORD_CHARS.sub(" ", fold(text)).replace("-", " ").split())


def read_word_file(path=KERNWOORDEN_FILE):
    words = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(fold(line))
    return words


def question_stopwords():
    """The words of data/stopwoorden.txt (read by search/text.py), sorted."""
    return sorted(stopwords())


def _analyzer(filters):
    return {"type": "custom", "tokenizer": "standard", "filter": filters}


def index_settings(words=None, synonyms=None, replicas=1, shards=1, wide_synonyms=None):
    """The INDEX_SETTINGS dict (deep-merged into the backend's own settings by Wagtail)."""
    words = sorted(set(words if words is not None else read_word_file()))
    synonyms = list(synonyms or [])
    index_chain = [
        "lowercase",
        "asciifolding",
        DECOMPOUNDER_FILTER,
        "zb_stop",
        DIMINUTIVE_FILTER,
        "zb_stem_override",
        "zb_stem",
        "zb_unique",
    ]
    # Compounds are split at index time only: at search time a split "wijkrestaurant" would match every
    # page about a "wijk" as well as the restaurant. Split compounds are found by the typo-tolerant
    # part of the query (compilers.TypoTolerantMixin), which uses the index analyzer at a lower weight.
    # At search time the words that say nothing about what a resident looks for ("ik", "zoek", "iets")
    # go too: the same list as the Python side's (data/stopwoorden.txt).
    # Both stop filters come before the synonyms: a filter that drops words after a synonym_graph breaks
    # its graph ("praat vandaag over morgen" was asked as "nadenk ? ouder ? ouder ? vandag ? morg" and
    # found no page with that title). The rules leave out the same words (synonym_filter), so "wat is
    # mantelzorg" and "praat vandaag morgen" are what a rule and a question both say.
    search_chain = ["lowercase", "asciifolding", QUESTION_STOP_FILTER, "zb_stop", SYNONYM_FILTER] + index_chain[4:]
    wide_chain = ["lowercase", "asciifolding", QUESTION_STOP_FILTER, "zb_stop", WIDE_SYNONYM_FILTER] + index_chain[4:]
    wide = list(wide_synonyms or synonyms)
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": _analyzer(index_chain),
                    "default_search": _analyzer(search_chain),
                    WIDE_ANALYZER: _analyzer(wide_chain),
                    PLAIN_ANALYZER: _analyzer(["lowercase", "asciifolding"] + index_chain[3:]),
                    "edgengram_analyzer": _analyzer(["lowercase", "asciifolding", "edgengram"]),
                    "zb_autocomplete_search": _analyzer(["lowercase", "asciifolding"]),
                },
                "filter": {
                    DECOMPOUNDER_FILTER: {
                        "type": "dictionary_decompounder",
                        "word_list": words,
                        "min_word_size": 7,
                        "min_subword_size": SHORT_PART,
                        "max_subword_size": 25,
                        "only_longest_match": False,  # True keeps only a whole listed word
                    },
                    SYNONYM_FILTER: synonym_filter(synonyms),
                    WIDE_SYNONYM_FILTER: synonym_filter(wide),
                    "zb_stop": {"type": "stop", "stopwords": sorted(text_stopwords())},
                    QUESTION_STOP_FILTER: {"type": "stop", "stopwords": question_stopwords()},
                    DIMINUTIVE_FILTER: {"type": "pattern_replace", "pattern": DIMINUTIVE_PLURAL, "replacement": "$1"},
                    "zb_stem_override": {"type": "stemmer_override", "rules": list(stem_override_rules())},
                    "zb_stem": dict(STEMMER),
                    "zb_unique": {"type": "unique", "only_on_same_position": True},
                    "edgengram": {"type": "edge_ngram", "min_gram": 2, "max_gram": EDGE_NGRAM_MAX},
                },
            },
            "index": {
                "number_of_shards": shards,
                "number_of_replicas": replicas,
                "max_ngram_diff": EDGE_NGRAM_MAX,
            },
        }
    }


def synonym_filter(rules):
    """The synonym_graph filter of `rules`, without the stop words (`_without_stop_words`)."""
    stop = text_stopwords() | stopwords()
    rules = [kept for rule in rules if (kept := _without_stop_words(rule, stop))]
    # An empty rule list is not accepted by every version: keep one harmless rule.
    return {"type": "synonym_graph", "updateable": True, "lenient": True, "synonyms": rules or ["zb, zb"]}


def _without_stop_words(rule, stop):
    """The rule "a, b => c" with the words the search analyzer drops before the synonyms (`stop`: both stop
    lists) left out of every name, as the engine parses a rule with the filters before it: a name with a stop
    word in it would be refused ("praat vandaag over morgen" → "praat vandaag morgen"). "" when fewer
    than two names are left. The engine asks a name of several words as all of them (engine_query._match),
    so the left-out word's place does not matter."""
    sides = []
    for side in rule.split("=>"):
        names = [" ".join(w for w in name.split() if fold(w) not in stop) for name in side.split(",")]
        sides.append(list(dict.fromkeys(name for name in names if name)))
    if any(not names for names in sides) or sum(len(names) for names in sides) < 2:
        return ""
    return " => ".join(", ".join(names) for names in sides)


def glossary_names():
    """[(locale id, title, [names])] per live glossary term, in page order: its title, abbreviation and
    andere woorden (synoniemen), cleaned (`clean_term`), each once. The one reader of a term's names for
    the synonym rules (`glossary_groups`) and the terms in other words (concepts.phrases)."""
    from woordenlijst.models import BegripPage

    rows = BegripPage.objects.live().order_by("pk").values_list("locale_id", "title", "afkorting", "synoniemen")
    found = []
    for locale_id, title, afkorting, synoniemen in rows:
        names = dict.fromkeys(clean_term(raw) for raw in [title, afkorting, *(synoniemen or "").split(",")])
        found.append((locale_id, title, [name for name in names if name]))
    return found


def glossary_groups():
    """[[term, …]] one group per live glossary term of two names or more (`glossary_names`)."""
    groups, seen = [], set()
    for _locale_id, _title, names in glossary_names():
        key = tuple(sorted(names))
        if len(names) > 1 and key not in seen:  # the English aliases repeat the Dutch pages
            seen.add(key)
            groups.append(names)
    return groups


def synonym_rules(groups=None):
    """The rules of the synonym_graph filter, sorted so they compare stably: the glossary's equivalences
    ("a, b, c") and those of the data files (`data_file_rules`)."""
    groups = glossary_groups() if groups is None else groups
    own = {", ".join(terms) for terms in groups if len(terms) > 1}
    return sorted(own | set(data_file_rules()))


def wide_synonym_rules(groups=None):
    """The rules of the wider search analyzer: all of `synonym_rules` plus the one-way lines of the
    thesaurus (`eenzaam > ontmoeten`). The engine query matches with it at a lower weight (engine_query.WIDER),
    so a need finds what helps with it without flooding a plain search."""
    return sorted(set(synonym_rules(groups)) | set(wider_rules()))


def data_file_rules():
    """Rules from search/data (read by search/text.py, the one parser of those files):

    - each equivalence line of thesaurus.txt → "a, b, c";
    - each word of another language in vertaalwoorden.txt → "doktor => doktor, huisarts, dokter" (one way,
      and the word itself stays, because language names and loanwords are on the pages too).
    """
    rules = set()
    for members in thesaurus_groups():
        terms = sorted({clean_term(w) for w in members} - {""})
        if len(terms) > 1:
            rules.add(", ".join(terms))
    rules.update(_one_way_rules(translations()))
    return sorted(rules)


def wider_rules():
    """One way: "yoga => yoga, bewegen, beweging" from the `a, b > c, d` lines of thesaurus.txt."""
    return sorted(_one_way_rules(broader()))


def _one_way_rules(targets):
    """{word: words it also finds} → rules "word => word, other, …" (the word itself stays)."""
    rules = set()
    for word, others in targets.items():
        left = clean_term(word)
        right = sorted({clean_term(w) for w in others} - {"", left})
        if left and right:
            rules.add(f"{left} => {', '.join([left, *right])}")
    return rules


def decompound_words(groups=None):
    """Core care words + every single glossary word of 4+ letters (no abbreviations)."""
    from woordenlijst.models import BegripPage

    words = set(read_word_file()) | {w for w in base_lexicon() if len(w) >= LEXICON_MIN_PART} | SHORT_WORDS
    if groups is None:
        groups = glossary_groups()
        groups += [[clean_term(t)] for t in BegripPage.objects.live().values_list("title", flat=True)]
    for terms in groups:
        for term in terms:
            if " " not in term and len(term) >= MIN_SUBWORD + 1 and term.isalpha():
                words.add(term)
    return sorted(words)


def dynamic_analysis():
    """The glossary parts of the analysis, from the database: {filter name: filter settings}."""
    groups = glossary_groups()
    return {
        SYNONYM_FILTER: synonym_filter(synonym_rules(groups)),
        WIDE_SYNONYM_FILTER: synonym_filter(wide_synonym_rules(groups)),
        DECOMPOUNDER_FILTER: {"word_list": decompound_words()},
    }


def search_backends(environ=None):
    """WAGTAILSEARCH_BACKENDS for this environment (see the module docstring)."""
    environ = os.environ if environ is None else environ
    database = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
    prefix = environ.get("SEARCH_INDEX_PREFIX", "zorgzamebuurten_")
    common = {
        "INDEX_PREFIX": prefix,
        "TIMEOUT": float(environ.get("SEARCH_INDEX_TIMEOUT", "10")),
        "SEARCH_TIMEOUT": float(environ.get("SEARCH_TIMEOUT", "1")),
        "WRITE_TIMEOUT": float(environ.get("SEARCH_WRITE_TIMEOUT", "2")),
        "FALLBACK": "database",
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": index_settings(replicas=int(environ.get("SEARCH_REPLICAS", "1"))),
    }
    urls = [u.strip() for u in environ.get("OPENSEARCH_URL", "").split(",") if u.strip()]
    if not urls:
        return {"default": database}
    options = {"pool_maxsize": CONNECTIONS_PER_NODE}
    engine = {"BACKEND": "search.backends.FailoverOpenSearchBackend", "URLS": urls, "OPTIONS": options, **common}
    return {"default": engine, "database": database}
