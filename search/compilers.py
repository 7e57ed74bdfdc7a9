"""How the OpenSearch backend reads a question: the portal's engine query (engine_query.py), plain
text with typos allowed, and autocomplete with the portal's own search analyzer."""

from modelsearch.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Mapping,
    OpenSearch3SearchQueryCompiler,
)
from wagtail.search.query import PlainText

from .engine_query import SYNONYMS_AS_WORDS, EngineQuery, compile_engine_query

AUTOCOMPLETE_CONFIG = {"analyzer": "edgengram_analyzer", "search_analyzer": "zb_autocomplete_search"}


class DutchOpenSearchMapping(OpenSearch3Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_CONFIG


class CandidateQuery(PlainText):
    """The portal engine's query for candidates. The engine corrects typos itself, so here a fuzzy
    match only adds a candidate and does not change the order (measured: the fuzzy part's score put
    pages that only mention a word above pages about it)."""

    fuzzy_boost = 0.0


class TypoTolerantMixin:
    """Plain text also matches words with a typo ("valpreventy"), at a lower weight. The fuzzy part
    uses the index analyzer (no synonyms): fuzziness and multi-word synonyms do not mix."""

    FUZZY_BOOST = 0.3

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        exact = super()._compile_plaintext_query(query, fields, boost)
        for options in exact.values():  # {"match": {field: options}} or {"multi_match": options}
            (options if "query" in options else next(iter(options.values()))).update(SYNONYMS_AS_WORDS)
        fuzzy = {
            "query": query.query_string,
            "fields": [field.field_name_with_boost for field in fields],
            "fuzziness": "AUTO",
            "prefix_length": 1,
            "analyzer": "default",
            "boost": boost * getattr(query, "fuzzy_boost", self.FUZZY_BOOST),
        }
        if query.operator != "or":
            fuzzy["operator"] = query.operator
        return {"bool": {"should": [exact, {"multi_match": fuzzy}]}}


class DutchOpenSearchQueryCompiler(TypoTolerantMixin, OpenSearch3SearchQueryCompiler):
    mapping_class = DutchOpenSearchMapping

    def get_inner_query(self):
        if isinstance(self.query, EngineQuery):
            return compile_engine_query(self.query)
        return super().get_inner_query()


class DutchOpenSearchAutocompleteCompiler(OpenSearch3AutocompleteQueryCompiler):
    mapping_class = DutchOpenSearchMapping
