"""The asked words no page has, and the words the search looked for instead (issue 12).

A resident who types a word no page has ("hoffie", "zwemles") is told so, by that word, and is told which
known words the search looked for instead when the vocabulary knows one close to it (a typo:
vocabulary.corrections, the one typo rule of both rankings). Without this the resident sees answers
about the other words, or nothing, and cannot tell why.

The Python ranking knows it from its clauses (query_understanding: Clause.known, Clause.corrected); the
engine ranking from its word checks, sent in the same msearch as the ranking (engine_rank). The results
page says it above the results, or in the "nothing found" box (templates/search/search.html); the API
gives it as `unfound` (docs/partners.md).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Unfound:
    word: str  # as the search read it (lower case, search.text.fold)
    instead: tuple = ()  # the known words searched for instead, most alike first

    def as_json(self):
        return {"word": self.word, "instead": list(self.instead)}


def of_analysis(analysis):
    """[Unfound] of the Python ranking's question: its words no page has, with the corrections that
    found something (a correction that found nothing is not said)."""
    return [
        Unfound(clause.label, clause.corrected if clause.known else ())
        for clause in analysis.clauses
        if clause.kind == "word" and (clause.corrected or not clause.known)
    ]
