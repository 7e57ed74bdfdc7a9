"""The judged question files of the search measurements point at pages that exist in the demo corpus; the held-out
set of wave 2 (issue 12) covers every kind of question it promises. No database: these only read files."""

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from search.evaluation import read_queries

CORPUS = Path(settings.BASE_DIR) / "demo" / "corpus"
CORPUS_FILES = {
    "activiteit": "activiteiten.csv",
    "voorziening": "voorzieningen.csv",
    "begrip": "woordenlijst.csv",
    "buurt": "buurten.csv",
}
EVAL_FILES = [
    "demo/eval/dev_queries.jsonl",
    "demo/eval/languages_queries.jsonl",
    "demo/eval/needs_queries.jsonl",
    "demo/eval/places_queries.jsonl",
    "demo/eval/te_doen_queries.jsonl",
    "demo/eval/adres_queries.jsonl",
    "demo/eval/plek_queries.jsonl",
    "demo/eval/buurt_queries.jsonl",
    "demo/eval/waar_queries.jsonl",
    "demo/eval/zorg_queries.jsonl",
    "demo/eval/woordgroepen_queries.jsonl",
    "search/eval/heldout_queries.jsonl",
    "search/eval/heldout_wave2.jsonl",
]
WAVE2 = "search/eval/heldout_wave2.jsonl"
WAVE2_KINDS = ["en", "tr", "need", "buurt", "te-doen", "plek", "zorg", "typo", "samenstelling", "onzin"]
WAVE2_MIN_QUESTIONS = 85  # issue 12 asks for at least 80; the brief for at least 85
WAVE2_MIN_PER_KIND = 6  # every kind must weigh in its own figures, not ride on one or two questions
GRADES = {1, 2, 3}


def corpus_slugs():
    slugs = {}
    for page_type, name in CORPUS_FILES.items():
        with open(CORPUS / name, encoding="utf-8-sig", newline="") as handle:
            slugs[page_type] = {row["slug"] for row in csv.DictReader(handle, delimiter=";")}
    return slugs


def lines(path):
    with open(Path(settings.BASE_DIR) / path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.mark.parametrize("path", EVAL_FILES)
def test_every_judged_page_and_buurt_exists_in_the_demo_corpus(path):
    slugs = corpus_slugs()
    unknown = [
        (row["id"], judgment["type"], judgment["slug"])
        for row in lines(path)
        for judgment in row["judgments"]
        if judgment["slug"] not in slugs.get(judgment["type"], set())
    ]
    assert unknown == []
    assert [row["id"] for row in lines(path) if row.get("buurt") and row["buurt"] not in slugs["buurt"]] == []


@pytest.mark.parametrize("path", EVAL_FILES)
def test_ids_are_unique_and_grades_are_one_to_three(path):
    rows = lines(path)
    assert [i for i, n in Counter(row["id"] for row in rows).items() if n > 1] == []
    assert {j["grade"] for row in rows for j in row["judgments"]} <= GRADES
    assert len(read_queries(Path(settings.BASE_DIR) / path)) == len(rows)  # the command reads every line


def test_wave2_covers_every_kind_it_promises():
    rows = lines(WAVE2)
    kinds = Counter(row["kind"] for row in rows)
    assert len(rows) >= WAVE2_MIN_QUESTIONS
    assert set(kinds) == set(WAVE2_KINDS)
    assert {kind: n for kind, n in kinds.items() if n < WAVE2_MIN_PER_KIND} == {}


def test_wave2_nonsense_is_judged_empty_and_the_rest_has_an_answer():
    rows = lines(WAVE2)
    assert [row["id"] for row in rows if row["kind"] == "onzin" and row["judgments"]] == []
    assert [row["id"] for row in rows if row["kind"] != "onzin" and not row["judgments"]] == []


def test_wave2_english_and_turkish_questions_are_asked_in_their_portal():
    rows = lines(WAVE2)
    assert {row["lang"] for row in rows if row["kind"] == "en"} == {"en"}
    assert {row["lang"] for row in rows if row["kind"] == "tr"} == {"tr"}


def test_wave2_asks_nothing_the_other_judged_files_ask():
    earlier = {row["query"].strip().lower() for path in EVAL_FILES if path != WAVE2 for row in lines(path)}
    assert [row["id"] for row in lines(WAVE2) if row["query"].strip().lower() in earlier] == []
