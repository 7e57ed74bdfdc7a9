"""The OpenSearch backend that never leaves a resident without an answer.

`FailoverOpenSearchBackend` is Wagtail's `opensearch3` backend (modelsearch) with:

- Dutch analysis (search/analysis.py); the glossary parts (synonyms, compound word list) are read
  from the database each time an index is created, so `update_index` (atomic: new index, then the
  alias moves) always builds with the current glossary;
- failover: a search that meets a connection error, an error answer or no answer within
  SEARCH_TIMEOUT seconds (1 s) is answered by the FALLBACK backend (the database backend, kept up to
  date next to the engine) with a warning in the log. After a failure the engine is left alone for
  RETRY_AFTER seconds, so residents do not wait for a dead cluster again and again;
- a queue for writes: an index change (publish, unpublish, move, delete) that cannot reach the
  engine (connection error, timeout, error answer, or the engine is known to be down) is kept in the
  database (search/pending.py) with a warning in the log, never an error for the editor. The queue is
  replayed after the next successful write, when a search finds the engine back after an outage, by
  `python manage.py replay_search_queue`, and `update_index` clears what it rebuilt;
- `reload_synonyms()`: puts new glossary synonyms into the live indexes (close, update, open:
  OpenSearch 3.8 has no `_reload_search_analyzers`). Searches in that short gap use the fallback.

OpenSearch 3 is the only engine the portal supports: no Elasticsearch server with the analysis this
backend needs could be run here (search/opensearch/README.md), so there is no Elasticsearch class.
"""

import hashlib
import json
import logging
import threading
import time
from copy import deepcopy

from modelsearch.backends import get_search_backend

# modelsearch's common base of its OpenSearch backends (named after Elasticsearch, where it began)
from modelsearch.backends.elasticsearchbase import ElasticsearchAutocompleteQueryCompilerImpl
from modelsearch.backends.opensearch3 import OpenSearch3Index, OpenSearch3SearchBackend, OpenSearch3SearchResults
from modelsearch.index import get_indexed_models
from opensearchpy import ConnectionError as OpenSearchConnectionError
from opensearchpy import OpenSearch, OpenSearchException, TransportError
from wagtail.models import Page

from . import analysis, concepts, pending
from .compilers import DutchOpenSearchAutocompleteCompiler, DutchOpenSearchMapping, DutchOpenSearchQueryCompiler
from .rebuilders import AtomicAliasRebuilder, QueueClearingIndexRebuilder

logger = logging.getLogger(__name__)

RETRY_AFTER = 30.0  # seconds without the engine after a failure
PREFERENCE_LENGTH = 16  # hex digits of the question's hash: plenty to spread questions over shard copies
# Seconds one page's index write (publish, unpublish, move, delete, replay) may take before it is
# queued instead: one document is written in milliseconds, so longer means the cluster hangs, and
# the editor should not wait for it (the 10 s TIMEOUT is for `update_index`'s bulk writes).
WRITE_TIMEOUT = 2.0

# Per process, and meant to be: connections, and what this process itself saw of the engine (another
# process finds out the same on its own first failed call). No content lives here.
_clients = {}
_state_lock = threading.Lock()
_down_until = {}  # {cluster key: monotonic time until which the engine is skipped}


def reset_failover_state():
    """Forget earlier failures (tests, and after a cluster is known to be back)."""
    with _state_lock:
        _down_until.clear()
    pending.reset()


def _cached_client(factory):
    """One client (with its connection pool) per cluster and options, shared by all backend objects:
    Wagtail makes a new backend object for every search."""

    def make(hosts, **options):
        key = (factory.__module__, factory.__name__, repr(hosts), repr(sorted(options.items())))
        with _state_lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = factory(hosts=hosts, **options)
        return client

    return staticmethod(make)


class FailoverResultsMixin:
    answered_by = None  # "engine" or "fallback" once evaluated (for tests and benchmarks)

    def _fallback_results(self):
        compiler = self.query_compiler
        fallback = self.backend.fallback_backend()
        method = (
            fallback.autocomplete
            if isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl)
            else fallback.search
        )
        results = method(
            compiler.query, compiler.queryset, fields=compiler.fields, order_by_relevance=compiler.order_by_relevance
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _engine_or_fallback(self, engine_call, fallback_call):
        backend = self.backend
        if not backend.engine_is_down():
            started = time.monotonic()
            try:
                answer = engine_call()
            except backend.client_errors as exc:
                backend.mark_down(exc, time.monotonic() - started)
            else:
                self.answered_by = "engine"
                backend.engine_answered()
                return answer
        self.answered_by = "fallback"
        return fallback_call()

    def _do_search(self):
        return self._engine_or_fallback(
            lambda: list(super(FailoverResultsMixin, self)._do_search()), lambda: list(self._fallback_results())
        )

    def _do_count(self):
        return self._engine_or_fallback(
            lambda: super(FailoverResultsMixin, self)._do_count(), lambda: self._fallback_results().count()
        )

    def facet(self, field_name):
        return self._engine_or_fallback(
            lambda: super(FailoverResultsMixin, self).facet(field_name),
            lambda: self._fallback_results().facet(field_name),
        )

    def _backend_do_search(self, body, **kwargs):
        kwargs.setdefault("preference", answer_preference(body))
        return self.backend.search_client().search(**self.backend.search_arguments(body, kwargs))


def answer_preference(body):
    """The engine's `preference` for a question: the same question goes to the same copies of each shard.

    Copies of a shard (primary and replica) score slightly differently until their deleted documents are merged
    away (BM25 counts them), which swaps near-equal answers. Seen in CI on 3 nodes: one process got
    "ontmoetingskerk" before "kerkgebouw", the next one the other way round. With a preference per question every
    process and every repeat gives the same order; different questions still spread over the copies, and a copy
    that is gone is skipped by the engine itself.
    """
    question = json.dumps(body, sort_keys=True, default=str).encode()
    return hashlib.sha256(question).hexdigest()[:PREFERENCE_LENGTH]


class DutchIndexMixin:
    def put(self):
        self.create(self.backend.analysis_settings(self.name))


class FailoverBackendMixin:
    """Failover, the write queue and synonym reloads, on top of Wagtail's OpenSearch backend."""

    client_errors = ()
    atomic_rebuilder_class = AtomicAliasRebuilder
    basic_rebuilder_class = QueueClearingIndexRebuilder

    def __init__(self, params):
        params = dict(params)
        self.search_timeout = float(params.pop("SEARCH_TIMEOUT", 1.0))
        self.fallback_name = params.pop("FALLBACK", "database")
        self.retry_after = float(params.pop("RETRY_AFTER", RETRY_AFTER))
        self.write_timeout = float(params.pop("WRITE_TIMEOUT", WRITE_TIMEOUT))
        urls = params.get("URLS") or params.get("HOSTS") or []
        self.cluster_key = tuple(urls) if isinstance(urls, list | tuple) else (urls,)
        super().__init__(params)

    # -- failover ----------------------------------------------------------------------------------
    def fallback_backend(self):
        return get_search_backend(self.fallback_name)

    def engine_is_down(self):
        with _state_lock:
            until = _down_until.get(self.cluster_key)
        return until is not None and time.monotonic() < until

    def mark_down(self, exc, seconds, doing="search"):
        with _state_lock:
            _down_until[self.cluster_key] = time.monotonic() + self.retry_after
        logger.warning(
            "Search engine %s failed after %.2f s (%s%s: %s); answering from the '%s' backend for the next %.0f s",
            ",".join(map(str, self.cluster_key)),
            seconds,
            "" if doing == "search" else f"{doing}, ",
            type(exc).__name__,
            str(exc)[:200],
            self.fallback_name,
            self.retry_after,
        )

    def engine_answered(self, wrote=False):
        """The engine answered: end a known outage, and replay queued writes if it is time (cheap)."""
        with _state_lock:
            recovered = _down_until.pop(self.cluster_key, None) is not None
        if recovered:
            logger.info("Search engine %s answers again", ",".join(map(str, self.cluster_key)))
        pending.after_engine_answer(self, recovered=recovered, wrote=wrote)

    def ask_engine(self, doing, call):
        """call(search client)'s answer, for a request of the portal's own beside a search (the glossary
        terms in a question, whether the engine knows a word); None when the engine is known to be down or
        does not answer now. An outage (`is_outage`) marks the engine down as a failed search does, so the
        search that follows goes to the fallback at once; another error is only logged."""
        if self.engine_is_down():
            return None
        started = time.monotonic()
        try:
            return call(self.search_client())
        except self.client_errors as exc:
            if self.is_outage(exc):
                self.mark_down(exc, time.monotonic() - started, doing=doing)
            else:
                logger.warning("Search engine: %s failed", doing, exc_info=True)
            return None

    def is_outage(self, exc):
        """A connection error, timeout or 5xx/429 answer: worth trying again later."""
        return False

    # -- writes: never lost ------------------------------------------------------------------------
    def add(self, obj):
        self._write("index", obj)

    def delete(self, obj):
        self._write("delete", obj)

    def write_to_engine(self, action, obj):
        """The plain write, without the queue (used by the replay), waiting at most `write_timeout`."""
        index = self.get_index_for_object(obj)
        index.es = self.write_client()
        if action == "index":
            index.add_item(obj)
        else:
            index.delete_item(obj)

    def _write(self, action, obj):
        if self.engine_is_down():  # do not keep the editor waiting for a cluster known to be down
            pending.remember(obj, action, pending.EngineDown("not tried: the engine failed shortly before"))
            return
        started = time.monotonic()
        try:
            self.write_to_engine(action, obj)
        except self.client_errors as exc:
            if self.is_outage(exc):
                self.mark_down(exc, time.monotonic() - started, doing="indexing")
            pending.remember(obj, action, exc)
            return
        self.engine_answered(wrote=True)

    # -- synonyms ----------------------------------------------------------------------------------
    def analysis_settings(self, name="glossary terms"):
        """The index settings with the analysis of this moment: the glossary's synonyms and words."""
        settings = deepcopy(self.settings)
        filters = settings["settings"]["analysis"]["filter"]
        try:
            for filter_name, values in analysis.dynamic_analysis().items():
                filters[filter_name].update(values)
        except Exception:  # no database tables yet (first migrate): the static lists only
            logger.warning("Glossary not readable; index %s gets the core word list only", name, exc_info=True)
        return settings

    def concrete_indexes(self, models=None):
        """Names of the live indexes behind this backend's aliases (one per root model)."""
        names = set()
        for alias in {self.get_index_for_model(model).name for model in models or get_indexed_models()}:
            try:
                names.update(self.es.indices.get_settings(index=alias).keys())
            except self.NotFoundError:
                continue
        return sorted(names)

    def reload_synonyms(self, rules=None):
        """Put the synonyms into every live index whose synonyms differ. Returns the names.

        Both synonym filters: the search analyzer's and the wider one's (the same rules plus the one-way
        lines of the thesaurus, analysis.wide_synonym_rules)."""
        rules = analysis.synonym_rules() if rules is None else rules
        new = {
            analysis.SYNONYM_FILTER: analysis.synonym_filter(rules),
            analysis.WIDE_SYNONYM_FILTER: analysis.synonym_filter(sorted(set(rules) | set(analysis.wider_rules()))),
        }
        changed = []
        for name in self.concrete_indexes([Page]):  # images and documents have no glossary words
            current = self.es.indices.get_settings(index=name)[name]["settings"]["index"]
            filters = current.get("analysis", {}).get("filter", {})
            if all(list(filters.get(f, {}).get("synonyms", [])) == new[f]["synonyms"] for f in new):
                continue
            self.es.indices.close(index=name)
            try:
                self.put_index_settings(name, {"analysis": {"filter": new}})
            finally:
                self.es.indices.open(index=name)
                self.wait_for_index(name)
            changed.append(name)
        if changed:  # the glossary changed: so may the terms said in other words
            concepts.rebuild(self)
        return changed


# -- OpenSearch 3 ------------------------------------------------------------------------------------


class DutchOpenSearchIndex(DutchIndexMixin, OpenSearch3Index):
    def create(self, settings):
        self.es.indices.create(index=self.name, body=settings)


class FailoverOpenSearchResults(FailoverResultsMixin, OpenSearch3SearchResults):
    pass


class _TimedWrites:
    """The OpenSearch client, with a time limit on the single-document writes the index makes."""

    def __init__(self, es, timeout):
        self._es, self._timeout = es, timeout

    def index(self, **kwargs):
        return self._es.index(request_timeout=self._timeout, **kwargs)

    def delete(self, **kwargs):
        return self._es.delete(request_timeout=self._timeout, **kwargs)

    def __getattr__(self, name):
        return getattr(self._es, name)


class FailoverOpenSearchBackend(FailoverBackendMixin, OpenSearch3SearchBackend):
    mapping_class = DutchOpenSearchMapping
    index_class = DutchOpenSearchIndex
    query_compiler_class = DutchOpenSearchQueryCompiler
    autocomplete_query_compiler_class = DutchOpenSearchAutocompleteCompiler
    results_class = FailoverOpenSearchResults
    client_class = _cached_client(OpenSearch)
    client_errors = (OpenSearchException,)

    def is_outage(self, exc):
        if isinstance(exc, OpenSearchConnectionError):  # includes ConnectionTimeout
            return True
        status = getattr(exc, "status_code", None) if isinstance(exc, TransportError) else None
        return isinstance(status, int) and (status == 429 or status >= 500)

    def search_client(self):
        return self.es

    def write_client(self):
        return _TimedWrites(self.es, self.write_timeout)

    def search_arguments(self, body, kwargs):
        return {"body": body, "request_timeout": self.search_timeout, **kwargs}

    def put_index_settings(self, name, body):
        self.es.indices.put_settings(index=name, body=body)

    def update_aliases(self, actions):
        self.es.indices.update_aliases(body={"actions": actions})

    def wait_for_index(self, name):
        # opensearch-py reads a `timeout` argument as its own; the server waits 30 s by default
        self.es.cluster.health(index=name, wait_for_status="yellow", request_timeout=35)


SearchBackend = FailoverOpenSearchBackend
