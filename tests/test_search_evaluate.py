"""`manage.py evaluate_search`: the measurement of the search on judged queries (demo corpus)."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .server_support import free_port

pytestmark = pytest.mark.django_db

DEV = "demo/eval/dev_queries.jsonl"


def evaluate(*args):
    out = StringIO()
    call_command("evaluate_search", *args, stdout=out)
    return out.getvalue()


def figure(output, name):
    return float(re.search(rf"^{re.escape(name)}\s+([0-9.]+)", output, re.MULTILINE).group(1))


BEATS_BASELINE_BY = 0.3  # nDCG@10 points


def test_evaluation_prints_the_measures_and_the_search_beats_the_baseline():
    output = evaluate(DEV, "--baseline")
    assert "40 zoekvragen uit demo/eval/dev_queries.jsonl (38 met antwoord)" in output
    ours = re.search(r"^nDCG@10\s+([0-9.]+)\s+([0-9.]+)", output, re.MULTILINE)
    assert float(ours.group(1)) >= 0.85
    # Plain Wagtail search on the same index is the baseline. Since activities carry their place, buurt and
    # days (issue 12) that baseline is better itself (PostgreSQL 0.447 → 0.491), so a clear margin is asked
    # rather than the former "twice as good" (PostgreSQL 0.896 against 0.491; SQLite 0.894 against 0.343).
    assert float(ours.group(1)) >= float(ours.group(2)) + BEATS_BASELINE_BY
    assert figure(output, "empty (answerable)") == 0.0


def test_evaluation_can_take_only_the_queries_whose_note_matches():
    output = evaluate(DEV, "--note", "misspell|compound", "--details")
    assert output.count("nDCG@10 ") == 5  # four queries and the summary line
    assert "q003 ‘valpreventy’" in output and "q014 ‘klusjes dienst’" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("does-not-exist.jsonl",), "Kan does-not-exist.jsonl niet lezen"),
        ((DEV, "--note", "("), "Het patroon bij --note klopt niet"),
        ((DEV, "--note", "geen-zo-een-toelichting"), "Geen zoekvraag in"),
        ((DEV, "--lang", "fr"), "De taal ‘fr’ bestaat niet op deze website."),
        ((DEV, "--by", "kind"), "Geen zoekvraag in demo/eval/dev_queries.jsonl heeft het veld ‘kind’."),
    ],
)
def test_evaluation_says_what_is_wrong(args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        evaluate(*args)


KLIMOP = {"type": "activiteit", "slug": "koffieochtend-de-klimop", "grade": 3}
NO_SUCH_WORD = "qxzvwq"  # no page has it, no typo of a site word is this far from it


def test_by_kind_gives_a_line_per_kind_and_names_the_questions_answered_wrongly(tmp_path):
    questions = [
        {"id": "g1", "kind": "gewoon", "query": "koffieochtend", "judgments": [KLIMOP]},
        {"id": "g2", "kind": "gewoon", "query": NO_SUCH_WORD, "judgments": [KLIMOP]},
        {"id": "o1", "kind": "onzin", "query": "koffieochtend", "judgments": []},
        {"id": "o2", "kind": "onzin", "query": NO_SUCH_WORD, "judgments": []},
    ]
    path = tmp_path / "soorten.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in questions) + "\n", encoding="utf-8")
    output = evaluate(str(path), "--by", "kind", "--baseline")
    lines = {
        line.split()[0]: line.split() for line in output.splitlines() if line.split()[:1] in (["gewoon"], ["onzin"])
    }
    assert lines["gewoon"][1] == "2" and lines["gewoon"][4:6] == ["1/2", "-"]  # questions, empty, quiet on nonsense
    assert 0 < float(lines["gewoon"][2]) <= 0.5  # nDCG@10: one of two answered
    assert lines["onzin"][1:6] == ["2", "-", "-", "-", "1/2"]
    assert "geen antwoord, wel verwacht: g2" in output
    assert "antwoord, geen verwacht: o1" in output


def test_evaluation_counts_the_empty_answers_that_offer_a_search_without_the_unfound_word(tmp_path):
    # "mijn grammofoon is kapot" stays empty and offers "kapot", which finds the repair cafés (judged relevant
    # for r1, not for r2); "zwemles voor kinderen", judged unanswerable, offers "kinderen".
    repair = {"type": "activiteit", "slug": "repair-cafe-malburgen", "grade": 3}
    questions = [
        {"id": "r1", "query": "mijn grammofoon is kapot", "judgments": [repair]},
        {"id": "r2", "query": "grammofoon kapot", "judgments": [KLIMOP]},
        {"id": "r3", "query": NO_SUCH_WORD, "judgments": [KLIMOP]},
        {"id": "o1", "query": "zwemles voor kinderen", "judgments": []},
    ]
    path = tmp_path / "aanbod.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in questions) + "\n", encoding="utf-8")
    output = evaluate(str(path))
    assert "geen antwoord, wel verwacht: r1 r2 r3" in output
    assert (
        "lege antwoorden met een aanbod zonder de onbekende woorden: 2 van 3, 1 met een goede pagina in de eerste "
        "10; bij vragen zonder antwoord: 1 van 1"
    ) in output


def test_evaluation_names_the_backend_and_warns_when_the_engine_failed_during_the_run(tmp_path):
    """A cold or dead engine makes the failover answer from the database: the figures must not pass for the
    engine's own without a word."""
    from django.test import override_settings

    from search import backends, engine
    from search.analysis import search_backends

    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens at a port found free
    path = tmp_path / "een.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x1",
                "query": "koffie",
                "buurt": None,
                "judgments": [{"type": "activiteit", "slug": "x", "grade": 3}],
            }
        )
        + "\n"
    )
    backends.reset_failover_state()
    engine._kept.clear()  # an earlier test's kept ranking of "koffie" would spare the engine the question
    config = search_backends({"OPENSEARCH_URL": closed, "SEARCH_INDEX_PREFIX": "zbtest_eval_"})
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=config):
            out, err = StringIO(), StringIO()
            call_command("evaluate_search", str(path), stdout=out, stderr=err)
    finally:
        backends.reset_failover_state()
    assert f"zoekmachine: FailoverOpenSearchBackend ({closed})" in out.getvalue()
    assert "LET OP: de zoekmachine gaf 1 keer geen (tijdig) antwoord" in err.getvalue()

    out, err = StringIO(), StringIO()
    call_command("evaluate_search", str(path), stdout=out, stderr=err)
    from wagtail.search.backends import get_search_backend

    assert f"zoekmachine: {type(get_search_backend()).__name__} (-)" in out.getvalue()  # the database backend
    assert "LET OP" not in err.getvalue()
