"""The search's word lists, read before a server's workers start (portal/warmup.py).

Each loader below reads data files (search/data/, the gettext catalogues) once per process and keeps
the result (lru_cache). Those files change only with a release, and a release restarts every process,
so no process ever has to learn that one changed. Read in a gunicorn master with `preload_app`
(portal/gunicorn.conf.py), every worker starts with them; read at the import of portal/wsgi.py without
it, a worker has them before its first request instead of during it.

Nothing here touches the database, the cache or the search engine: a connection opened before the
workers fork would be shared by all of them.
"""

from . import page_types, text, word_forms

LOADERS = (
    text.stem_override_rules,
    text.stem_overrides,
    text.stems_kept_apart,
    text.text_stopwords,
    text.stopwords,
    text.place_detail_words,
    text.compound_lexicon,  # and base_lexicon: data/woorden.txt.gz, about 100,000 words
    text.thesaurus,
    text.translations,
    text.relative_days,
    text.weekday_names,
    text.question_forms,
    text.broader,
    word_forms.affixes,
    page_types.type_words,
    page_types.activity_phrases,
    page_types.need_categories,
    page_types.place_kind_words,
)


def preload():
    """Read every word list of the search (LOADERS)."""
    for loader in LOADERS:
        loader()
