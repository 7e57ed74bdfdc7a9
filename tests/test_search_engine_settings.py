"""Which search engine the environment selects, and the clear error for ELASTICSEARCH_URL (search/checks.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from search.analysis import search_backends
from search.engine_rank import engine_ranks


def test_opensearch_url_selects_the_failover_backend_with_the_database_behind_it():
    config = search_backends({"OPENSEARCH_URL": "http://os-1:9200, http://os-2:9200,"})
    assert config["default"]["BACKEND"] == "search.backends.FailoverOpenSearchBackend"
    assert config["default"]["URLS"] == ["http://os-1:9200", "http://os-2:9200"]
    assert config["default"]["FALLBACK"] == "database"
    assert config["database"]["BACKEND"] == "wagtail.search.backends.database"


def test_elasticsearch_url_alone_selects_no_engine():
    config = search_backends({"ELASTICSEARCH_URL": "http://es:9200"})
    assert config == {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}


def test_check_stops_a_site_configured_for_elasticsearch(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://es:9200")
    with pytest.raises(SystemCheckError) as failed:
        call_command("check", stdout=StringIO(), stderr=StringIO())
    message = str(failed.value)
    assert "portal_search.E001" in message
    assert "Elasticsearch wordt niet ondersteund; gebruik OPENSEARCH_URL." in message
    assert "OpenSearch 3" in message


@pytest.mark.parametrize("value", [None, "", "  "])
def test_check_is_quiet_without_elasticsearch_url(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    else:
        monkeypatch.setenv("ELASTICSEARCH_URL", value)
    out = StringIO()
    call_command("check", stdout=out, stderr=StringIO())
    assert "portal_search.E001" not in out.getvalue()


def test_check_stops_an_unknown_search_ranking(settings):
    settings.SEARCH_RANKING = "motor"
    with pytest.raises(SystemCheckError) as failed:
        call_command("check", stdout=StringIO(), stderr=StringIO())
    assert "portal_search.E002" in str(failed.value)
    assert "SEARCH_RANKING is ‘motor’" in str(failed.value)


@pytest.mark.parametrize("value", ["python", "engine"])
def test_check_accepts_both_rankings(settings, value):
    settings.SEARCH_RANKING = value
    call_command("check", stdout=StringIO(), stderr=StringIO())


def test_the_database_backend_always_ranks_in_python(settings, db):
    settings.SEARCH_RANKING = "engine"
    assert engine_ranks() is False  # no OpenSearch configured in the tests by default
