"""The resident search at scale with OpenSearch as the backend: the activities are OpenSearch's candidates
(search/candidates.py), so its Dutch analysis (compounds, typos) reaches the answers."""
# ruff: noqa: F811  (pytest fixtures imported from opensearch_support)

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale

from search import docindex

from .opensearch_support import engine, found, opensearch_config, opensearch_urls, results  # noqa: F401

pytestmark = pytest.mark.search_cluster
DEV = "demo/eval/dev_queries.jsonl"


@pytest.fixture
def at_scale(engine):
    # override_settings nested inside the engine fixture's: pytest-django's `settings` fixture would
    # restore the settings as they were *with* OpenSearch, and so leak it into later tests.
    with override_settings(SEARCH_INDEX_CHECK_SECONDS=0, SEARCH_MEMORY_MAX_ACTIVITIES=0):
        docindex.clear()
        yield engine
    docindex.clear()


def test_at_scale_opensearch_candidates_give_the_answers(client, at_scale):
    index = docindex.get_index(Locale.objects.get(language_code="nl"))
    assert index.at_scale and not any(d.type == "activiteit" for d in index.docs.values())
    assert found(client, "koffieochtend Haalderen")[0] == ("activiteit", "koffieochtend-dorpsweide")
    assert ("activiteit", "line-dance-stegge") in found(client, "line dance")[:3]
    assert ("activiteit", "valpreventie-stevig-staan") in found(client, "valpreventy")[:5]


def test_at_scale_a_compound_typed_as_two_words_finds_the_compound(client, at_scale):
    # ‘Klusjesdienst’ is only in the description of the activity: OpenSearch splits it into
    # klusjes + dienst and so makes it a candidate.
    assert ("activiteit", "buurthulp-tolkamer") in found(client, "klusjes dienst")[:5]


def test_at_scale_a_search_in_a_buurt_asks_opensearch_for_that_buurt(client, at_scale):
    activities = [r for r in results(client, "koffie", buurt="haalderen") if r["type"] == "activiteit"]
    assert "koffieochtend-dorpsweide" in {r["slug"] for r in activities}
    assert {r["buurt"] for r in activities} == {"haalderen"}


def evaluate(*args):
    out = StringIO()
    call_command("evaluate_search", DEV, *args, stdout=out)
    return float(re.search(r"^nDCG@10\s+([0-9.]+)", out.getvalue(), re.MULTILINE).group(1))


def test_evaluate_search_measures_the_search_on_opensearch(engine):
    with override_settings(SEARCH_INDEX_CHECK_SECONDS=0):
        docindex.clear()
        assert evaluate() >= 0.85


def test_at_scale_opensearch_beats_the_database_on_typos_and_compounds(at_scale, opensearch_config):
    on_opensearch = evaluate("--note", "misspell|compound")
    docindex.clear()  # a new picture, so no ranking is kept from the run before
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": opensearch_config["database"]}):
        on_database = evaluate("--note", "misspell|compound")
    assert on_opensearch >= 0.9
    assert on_opensearch > on_database
