"""The asked words no page has, and the words the search looked for instead (issue 12).

A resident who types a word no page has ("hoffie", "zwemles") is told so, by that word, and is told which
known words the search looked for instead when the vocabulary knows one close to it (a typo:
vocabulary.corrections, the one typo rule of both rankings). Without this the resident sees answers
about the other words, or nothing, and cannot tell why.

The Python ranking knows it from its clauses (query_understanding: Clause.known, Clause.corrected); the
engine ranking from its word checks, sent in the same msearch as the ranking (engine_rank). The results
page says it above the results, or in the "nothing found" box (templates/search/search.html); the API
gives it as `unfound` (docs/partners.md).

A word no page has that is no typo either is left out of a question that says enough without it
(`may_leave_out`): "ik slik veel pillen en weet niet of dat goed gaat" is answered about the pills, and
says that "slik" is on no page. A short question is not: in "zwemles voor kinderen" every word counts,
and listing everything about children would be wrong. Both rankings follow this rule.

When such a short question finds nothing, the resident decides: the "nothing found" box offers the
question without those words, with how many pages that finds (`without_unfound`, engine.asked_without_unfound;
the API gives it as `without`).
"Mijn waterkoker is kapot" finds nothing, and the box says "Bekijk 2 resultaten voor ‘kapot’":
the repair cafés. The resident who asked "zwemles voor kinderen" sees that "kinderen" alone is not what
they asked, and need not click.
"""

from dataclasses import dataclass

from .text import words

# Of the words that say what is asked, one and two must all be on a page; of more, WORD_SHARE (rounded
# down): a long need ("hulp voor iemand die voor zijn zieke vrouw zorgt") is seldom said in all its words.
WORD_SHARE = 0.75


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


def required_words(content_words):
    """How many of the `content_words` words that say what is asked a page must have (WORD_SHARE)."""
    return content_words if content_words <= 2 else int(content_words * WORD_SHARE)


def may_leave_out(content_words, unknown):
    """Whether `unknown` words no page has (no typo of a known word either) may be left out of a question
    of `content_words` words that say what is asked: when a page may miss that many of its words anyway
    (required_words). A question of one or two words keeps them all, so it stays unanswerable."""
    return 0 < unknown <= content_words - required_words(content_words)


def without_unfound(query, unfound, stop):
    """The words of the question as typed that say what is asked and are on a page ("mijn waterkoker is
    kapot" → "kapot"), or "" when no word is unfound or none of the others says what is asked ("de
    waterkoker", "blorfstraat 12" → ""). A typed word is left out when the words the search read in it are
    all unfound or in `stop` (the search reads "Waterkoker," as "waterkoker")."""
    gone = {one.word for one in unfound}
    read = [(token, set(words(token))) for token in query.split()]
    # token → the words it says that are on a page and say what is asked
    asking = {token: read_words - gone - stop for token, read_words in read}
    kept = [token for token, _read_words in read if asking[token]]
    # A number alone asks nothing: "blorfstraat 12" is no question about "12".
    says_something = any(not word.isdigit() for token in kept for word in asking[token])
    if not says_something or not any(read_words & gone for _token, read_words in read):
        return ""
    return " ".join(kept)
