"""Term → {doc id: weight} lookups for the engine's documents (see docindex.py and candidates.py)."""

import bisect

from .text import stems_kept_apart

PREFIX = 0.85  # a longer word that starts with the term, or the term's shorter stem, counts a little less
PREFIX_MIN_LENGTH = 4  # a shorter term is too short to stand for the longer words that start with it


def matching_terms(term, sorted_terms, table):
    """The terms of `table` (a dict keyed by term; `sorted_terms` its keys, sorted) that match a stemmed
    term, with their factor: the term itself (1.0), longer words that start with it, and its shorter
    stem (PREFIX)."""
    if term in table:
        yield term, 1.0
    if len(term) >= PREFIX_MIN_LENGTH:
        # "ouders" (parents) must not find every page about "ouderen(zorg)" (the elderly): the stem rules keep
        # them apart. One way only: "ouderen" still finds "ouder worden" by its shorter stem (shorter_stems).
        apart = stems_kept_apart().get(term, ())
        start = bisect.bisect_left(sorted_terms, term)
        for other in sorted_terms[start:]:
            if not other.startswith(term):
                break
            if other != term and not other.startswith(apart):
                yield other, PREFIX
    for shorter in shorter_stems(term):
        if shorter in table:
            yield shorter, PREFIX


def shorter_stems(term):
    """The term cut by one or two letters, keeping at least 4 (5 for a term over 6 letters): the shorter
    stem of a word the stemmer left longer (‘wandelin’ ~ ‘wandel’)."""
    if len(term) < 4:
        return []
    return [term[:cut] for cut in range(max(4 if len(term) <= 6 else 5, len(term) - 2), len(term))]


class Postings:
    """Term → {doc id: weight}, matched exactly, by longer words that start with the term, or by its
    shorter stem. The whole index has one; a search at scale has one for its candidates too."""

    def __init__(self):
        self.postings = {}
        self.sorted_terms = []
        self._match_cache = {}

    def post(self, doc):
        for term, weight in doc.terms.items():
            self.postings.setdefault(term, {})[doc.id] = weight

    def match(self, term):
        """{doc id: strength} for a stemmed term: exact, longer words that start with it, or its shorter stem."""
        cached = self._match_cache.get(term)
        if cached is not None:
            return cached
        result = {}
        for other, factor in matching_terms(term, self.sorted_terms, self.postings):
            for doc_id, weight in self.postings[other].items():
                result[doc_id] = max(result.get(doc_id, 0), weight * factor)
        if len(self._match_cache) < 20_000:
            self._match_cache[term] = result
        return result

    def only_shortened(self, term):
        """Whether `term` is matched here only by its shorter stem: no term is it or starts with it
        ("huisat", the stem of the typo "huisats", matches only "huis")."""
        found = {other for other, _factor in matching_terms(term, self.sorted_terms, self.postings)}
        return bool(found) and found <= set(shorter_stems(term))

    def match_alt(self, parts):
        """{doc id: strength} for documents that have one stem of every part (the weakest part counts)."""
        per_part = []
        for options in parts:
            merged = {}
            for term in options:
                for doc_id, value in self.match(term).items():
                    if value > merged.get(doc_id, 0):
                        merged[doc_id] = value
            per_part.append(merged)
        if not per_part:
            return {}
        common = set(per_part[0]).intersection(*per_part[1:])
        return {doc_id: min(m[doc_id] for m in per_part) for doc_id in common}
