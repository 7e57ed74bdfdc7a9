"""What a search returns: the found pages (Result) and the whole answer with its counts (Outcome).

Both rankings make them (engine.py with the Python ranking of ranking.py, engine_rank.py with the
engine's order); the page, the API and `evaluate_search` show them.
"""

from dataclasses import dataclass, field
from functools import cached_property

from .snippets import marked
from .snippets import snippet as snippet_of


@dataclass
class Stub:
    """A found activity before its result is shown: enough to filter and order it (engine.search), not to
    show it. At scale the picture holds no activities, and building one's document (its texts, its rule's
    next times, its address) takes about 1 ms; a search page shows ten of up to engine_rank.RANKED_MAX,
    so the engine ranking builds only those (engine.shown; candidates.activity_stubs reads the rest's
    title and place in one query)."""

    id: int
    title: str
    buurt_id: int | None
    type: str = "activiteit"

    def is_over(self, now):
        return False  # asked when its document is built (engine.shown)


@dataclass
class Result:
    """One found page. The snippet and the next date are worked out only when shown."""

    doc: object
    score: float
    coverage: float
    promoted: bool = False
    terms: frozenset = frozenset()
    engine_snippet: str = ""  # the engine's highlight (engine_rank.add_snippets); "" with the Python ranking

    @property
    def type(self):
        return self.doc.type

    @cached_property
    def snippet(self):
        """The piece of the page's text under its title, the asked words marked: as the engine matched them
        when it ranked, else by the Python rule (snippets.py)."""
        return marked(self.engine_snippet) if self.engine_snippet else snippet_of(self.doc, self.terms)

    next_start = None  # set by add_next_dates() for the results on show

    def as_json(self):
        return {
            "type": self.doc.type,
            "slug": self.doc.slug,
            "title": self.doc.title,
            "url": self.doc.url,
            "buurt": self.doc.buurt_slug or None,
            "snippet": str(self.snippet),
        }


@dataclass
class Outcome:
    query: str
    analysis: object = None
    results: list = field(default_factory=list)  # after the buurt and type filters
    type_counts: dict = field(default_factory=dict)
    total: int = 0  # every answer of the chosen buurt and type (more than `results` when the engine counts)
    buurt_counts: list = field(default_factory=list)  # [(buurt doc, count)]
    explanations: list = field(default_factory=list)  # glossary concepts to explain on top
    buurt: object = None  # the chosen buurt (Doc) or None
    type: str = ""
    unknown_buurt: str = ""
    unknown_type: str = ""
    index: object = None
    engine_clause: dict | None = None  # the engine's query, for the snippets of the results on show
    unfound: list = field(default_factory=list)  # [unfound.Unfound]: the asked words no page has

    @property
    def answers(self):
        """How many answers the page says there are: `total`, and never fewer than the results listed."""
        return max(self.total, len(self.results))
