"""Relevance measures for the search: nDCG@10, MRR@10, success@3, recall@10, empty results."""

import json
import math
from dataclasses import dataclass, field

RELEVANT = 2
MODEL_TYPES = {
    "activiteitpage": "activiteit",
    "voorzieningpage": "voorziening",
    "begrippage": "begrip",
    "buurtpage": "buurt",
}


@dataclass
class EvalQuery:
    id: str
    query: str
    buurt: str | None
    grades: dict  # {(type, slug): grade}
    note: str = ""
    lang: str | None = None  # the language the question is asked in ("en", "tr", "ar", "nl"); None: not said
    kind: str | None = None  # the kind of question ("typo", "onzin", ...), for `evaluate_search --by kind`

    @property
    def answerable(self):
        return any(g > 0 for g in self.grades.values())


def read_queries(path):
    """Read a JSON lines file; raises ValueError naming the line that is wrong."""
    queries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                grades = {(j["type"], j["slug"]): int(j["grade"]) for j in data.get("judgments") or []}
                queries.append(
                    EvalQuery(
                        str(data.get("id", number)),
                        data["query"],
                        data.get("buurt"),
                        grades,
                        data.get("note", ""),
                        data.get("lang") or None,
                        data.get("kind") or None,
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"regel {number}: {exc}") from exc
    return queries


def dcg(gains):
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


@dataclass
class Scores:
    ndcg: list = field(default_factory=list)
    mrr: list = field(default_factory=list)
    success3: list = field(default_factory=list)
    recall: list = field(default_factory=list)
    empty_answerable: int = 0
    answerable: int = 0
    unanswerable: int = 0
    quiet_unanswerable: int = 0
    empty_ids: list = field(default_factory=list)  # answerable questions that got no answer
    answered_nonsense_ids: list = field(default_factory=list)  # questions judged unanswerable that got an answer
    # Empty answers that came with the offer to search without the words no page has
    # (engine.asked_without_unfound): to answerable questions, of which the offered search has a judged
    # relevant page in its first ten; and to questions judged unanswerable.
    offered: int = 0
    offered_useful: int = 0
    offered_nonsense: int = 0

    def add(self, q, ranked):
        """`ranked`: [(type, slug)] best first."""
        if not q.answerable:
            self.unanswerable += 1
            self.quiet_unanswerable += not ranked
            if ranked:
                self.answered_nonsense_ids.append(q.id)
            return None
        self.answerable += 1
        self.empty_answerable += not ranked
        if not ranked:
            self.empty_ids.append(q.id)
        top = ranked[:10]
        gains = [q.grades.get(key, 0) for key in top]
        ideal = dcg(sorted(q.grades.values(), reverse=True)[:10])
        ndcg = dcg(gains) / ideal if ideal else 0.0
        first = next((i for i, g in enumerate(gains) if g >= RELEVANT), None)
        relevant = {k for k, g in q.grades.items() if g >= RELEVANT}
        self.ndcg.append(ndcg)
        self.mrr.append(1 / (first + 1) if first is not None else 0.0)
        self.success3.append(1.0 if first is not None and first < 3 else 0.0)
        self.recall.append(len(relevant & set(top)) / len(relevant) if relevant else 1.0)
        return ndcg

    def add_offer(self, q, ranked):
        """The empty answer to `q` offered a search without its unfound words; `ranked`: what that gives."""
        if not q.answerable:
            self.offered_nonsense += 1
            return
        self.offered += 1
        relevant = {k for k, g in q.grades.items() if g >= RELEVANT}
        self.offered_useful += bool(relevant & set(ranked[:10]))

    def summary(self):
        def mean(values):
            return sum(values) / len(values) if values else 0.0

        return {
            "nDCG@10": mean(self.ndcg),
            "MRR@10": mean(self.mrr),
            "success@3": mean(self.success3),
            "recall@10": mean(self.recall),
            "empty (answerable)": self.empty_answerable / self.answerable if self.answerable else 0.0,
            "no results (unanswerable)": (self.quiet_unanswerable / self.unanswerable if self.unanswerable else 1.0),
        }
