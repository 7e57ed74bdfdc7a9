"""System check: an operator who sets ELASTICSEARCH_URL must hear that it does nothing.

The portal supports one search engine, OpenSearch 3 (OPENSEARCH_URL). No Elasticsearch server with
the analysis the portal needs could be run and tested here (search/opensearch/README.md), so there
is no Elasticsearch backend. Without this check a site with only ELASTICSEARCH_URL would quietly
search with the database backend.
"""

import os

from django.conf import settings
from django.core.checks import Error, register

ELASTICSEARCH_NOT_SUPPORTED = "portal_search.E001"


@register()
def elasticsearch_url_not_supported(app_configs=None, **kwargs):
    """An error while ELASTICSEARCH_URL is set (to anything but blanks)."""
    if not os.environ.get("ELASTICSEARCH_URL", "").strip():
        return []
    return [
        Error(
            "Elasticsearch wordt niet ondersteund; gebruik OPENSEARCH_URL. "
            "ELASTICSEARCH_URL is ingesteld, maar de portal zoekt daar niet mee.",
            hint="Zet het adres van een OpenSearch 3-cluster in OPENSEARCH_URL (meerdere adressen met komma's) "
            "en haal ELASTICSEARCH_URL weg. Zonder OPENSEARCH_URL zoekt de portal in de database. "
            "Zie search/opensearch/README.md.",
            id=ELASTICSEARCH_NOT_SUPPORTED,
        )
    ]


SEARCH_RANKING_UNKNOWN = "portal_search.E002"
SEARCH_RANKINGS = ("python", "engine")


@register()
def search_ranking_known(app_configs=None, **kwargs):
    """SEARCH_RANKING must name one of the two rankings (settings/base.py)."""
    value = getattr(settings, "SEARCH_RANKING", "python")
    if value in SEARCH_RANKINGS:
        return []
    return [
        Error(
            f"SEARCH_RANKING is ‘{value}’; dat kent de portal niet.",
            hint="Gebruik ‘python’ (standaard) of ‘engine’ (alleen met OPENSEARCH_URL). Zie search/README.md.",
            id=SEARCH_RANKING_UNKNOWN,
        )
    ]
