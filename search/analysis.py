"""Dutch text analysis for OpenSearch, and the choice of search backend.

`search_backends()` builds WAGTAILSEARCH_BACKENDS from the environment (called from the settings):

- OPENSEARCH_URL (comma-separated URLs) → `search.backends.FailoverOpenSearchBackend` (OpenSearch 3);
- otherwise Wagtail's database backend only. ELASTICSEARCH_URL selects nothing: Elasticsearch is not
  supported, and the system check in search/checks.py says so at start-up.

With an engine, the database backend stays configured as "database": it is kept up to date too,
and the engine backend answers from it when the cluster is down or slow.

`index_settings()` is the INDEX_SETTINGS of the engine (`analysis` directly under `settings`):

- index time (`default` analyzer): standard tokenizer → lowercase → asciifolding → decompounder
  (word list: search/data/kernwoorden.txt + the glossary) → Dutch stop words → stemmer_override →
  stemmer (language "dutch", pinned: see STEMMER and tests/test_opensearch_analysis.py) → unique;
- search time (`default_search`): the same without the decompounder, with an updateable
  synonym_graph after asciifolding, built from the glossary (title, afkorting, synoniemen of each
  BegripPage; see synonyms.py);
- autocomplete: edge n-grams of 2–30 characters, long enough for "mantelzorgondersteuning".

The glossary parts (word list and synonyms) are read from the database when an index is created
(`dynamic_analysis()`); the static part here needs no database, so the settings can import it.
"""

import os
import re
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
KERNWOORDEN_FILE = DATA_DIR / "kernwoorden.txt"

SYNONYM_FILTER = "zb_synoniemen"
DECOMPOUNDER_FILTER = "zb_samenstellingen"
STEMMER = {"type": "stemmer", "language": "dutch"}  # Snowball Dutch as in Lucene 10 (OpenSearch 3.8.0)
# Where the Dutch stemmer goes wrong for words residents use. The right side is the final token
# (the stemmer leaves it alone), so it must be what the stemmer makes of the other forms.
STEMMER_OVERRIDES = [
    "ouderen, oudere => oudere",  # elderly, not "ouder" (parent: ouders → ouder)
    "huizen => huis",
    "buurthuizen => buurthuis",
    "kinderen => kind",
    "steden => stad",
    "buren => buur",
    "gemeentes, gemeenten => gemeent",
    "cursussen => cursus",
]
MIN_SUBWORD = 4
EDGE_NGRAM_MAX = 30
# Open connections the client keeps per node (opensearch-py's pool_maxsize): many residents search at once.
CONNECTIONS_PER_NODE = 25

_WORD_CHARS = re.compile(r"[^\w\s'-]+", re.UNICODE)


def fold(text):
    """Lower case without accents, as lowercase + asciifolding leave it."""
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


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


def _analyzer(filters):
    return {"type": "custom", "tokenizer": "standard", "filter": filters}


def index_settings(words=None, synonyms=None, replicas=1, shards=1):
    """The INDEX_SETTINGS dict (deep-merged into the backend's own settings by Wagtail)."""
    words = sorted(set(words if words is not None else read_word_file()))
    synonyms = list(synonyms or [])
    index_chain = [
        "lowercase",
        "asciifolding",
        DECOMPOUNDER_FILTER,
        "zb_stop",
        "zb_stem_override",
        "zb_stem",
        "zb_unique",
    ]
    # Compounds are split at index time only: at search time a split "wijkrestaurant" would match every
    # page about a "wijk" as well as the restaurant. Split compounds are found by the typo-tolerant
    # part of the query (backends.TypoTolerantMixin), which uses the index analyzer at a lower weight.
    search_chain = ["lowercase", "asciifolding", SYNONYM_FILTER] + index_chain[3:]
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": _analyzer(index_chain),
                    "default_search": _analyzer(search_chain),
                    "edgengram_analyzer": _analyzer(["lowercase", "asciifolding", "edgengram"]),
                    "zb_autocomplete_search": _analyzer(["lowercase", "asciifolding"]),
                },
                "filter": {
                    DECOMPOUNDER_FILTER: {
                        "type": "dictionary_decompounder",
                        "word_list": words,
                        "min_word_size": 7,
                        "min_subword_size": MIN_SUBWORD,
                        "max_subword_size": 25,
                        "only_longest_match": False,  # True keeps only a whole listed word
                    },
                    SYNONYM_FILTER: synonym_filter(synonyms),
                    "zb_stop": {"type": "stop", "stopwords": "_dutch_"},
                    "zb_stem_override": {"type": "stemmer_override", "rules": STEMMER_OVERRIDES},
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
    # An empty rule list is not accepted by every version: keep one harmless rule.
    return {"type": "synonym_graph", "updateable": True, "lenient": True, "synonyms": list(rules) or ["zb, zb"]}


def glossary_groups():
    """[[term, …]] one group per live glossary term: title, abbreviation and synoniemen."""
    from woordenlijst.models import BegripPage

    groups, seen = [], set()
    rows = BegripPage.objects.live().order_by("pk").values_list("title", "afkorting", "synoniemen")
    for title, afkorting, synoniemen in rows:
        terms = []
        for raw in [title, afkorting, *(synoniemen or "").split(",")]:
            term = clean_term(raw)
            if term and term not in terms:
                terms.append(term)
        key = tuple(sorted(terms))
        if len(terms) > 1 and key not in seen:  # the English aliases repeat the Dutch pages
            seen.add(key)
            groups.append(terms)
    return groups


def synonym_rules(groups=None):
    """Equivalence rules ("a, b, c") for the synonym_graph filter, sorted so they compare stably."""
    groups = glossary_groups() if groups is None else groups
    return sorted({", ".join(terms) for terms in groups if len(terms) > 1})


def decompound_words(groups=None):
    """Core care words + every single glossary word of 4+ letters (no abbreviations)."""
    from woordenlijst.models import BegripPage

    words = set(read_word_file())
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
