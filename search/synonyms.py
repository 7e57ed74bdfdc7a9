"""Glossary synonyms in the search engine: regenerate them and put them into the live indexes.

The rules come from the live BegripPages (title, afkorting, synoniemen; see analysis.synonym_rules).
`refresh_synonyms()` runs after a glossary term is published, unpublished or deleted (signals.py),
and by hand with `python manage.py reload_search_synonyms`. On the database backend it does nothing.
"""

import logging

from modelsearch.backends import get_search_backends_with_name

from . import analysis

logger = logging.getLogger(__name__)


def engine_backends():
    """[(name, backend)] of the configured backends that hold glossary synonyms."""
    return [(name, b) for name, b in get_search_backends_with_name() if hasattr(b, "reload_synonyms")]


def refresh_synonyms():
    """Put the current glossary synonyms into every engine index that has other ones.

    Returns {backend name: [index names changed]}. A cluster that cannot be reached is logged, not
    raised: the editor's publish must not fail, and `update_index` builds with the new rules anyway.
    """
    backends = engine_backends()
    if not backends:
        return {}
    rules = analysis.synonym_rules()
    changed = {}
    for name, backend in backends:
        try:
            changed[name] = backend.reload_synonyms(rules)
        except Exception:
            logger.warning("Could not put the glossary synonyms into search backend '%s'", name, exc_info=True)
            continue
        if changed[name]:
            logger.info("Glossary synonyms (%d rules) reloaded in %s", len(rules), ", ".join(changed[name]))
    return changed
