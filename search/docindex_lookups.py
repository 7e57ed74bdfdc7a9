"""What the picture (docindex.DocIndex) tells the Python ranking about a word: how telling it is (`idf`), how
many pages have it (`count_alts`, `known`) and, at scale, how many activities (`activity_count_for`, from the
vocabulary in the database). A mixin of DocIndex, kept apart from how the picture is built (docindex.py); it reads
the picture's `n`, `locale`, `at_scale`, `activity_count`, its postings (`match`, `match_alt`: postings.Postings)
and its compound rule (`_terms_of`)."""

import math

from . import vocabulary
from .text import stem

COMPOUND_MIN_LENGTH = 7  # shorter words are not split into parts (the rule the picture has always had)
IDF_POWER = 1.0  # measured: softer (0.5, 0.3) was not better on the dev and held-out queries


class Lookups:
    def idf(self, df):
        """How telling a word is: rare words count more than common ones."""
        return math.log(1 + self.n / (df + 1)) ** IDF_POWER

    def max_idf(self):
        return self.idf(0)

    def activity_count_for(self, term):
        """At scale: about how many activities have this stem, matched the way match() does: one query on
        the vocabulary in the database (vocabulary.activities_with). Kept with this picture: a publish in
        any process changes the rows and makes every process build a new picture (get_index), with an
        empty store."""
        cached = self._activity_counts.get(term)
        if cached is not None:
            return cached
        # The words that hold the stem as a compound part, split with the rule of the picture's own words.
        compounds = [
            word
            for word in vocabulary.words_containing(term, self.locale, COMPOUND_MIN_LENGTH)
            if term in self._terms_of(word)[1]
        ]
        total = min(vocabulary.activities_with(term, self.locale, compounds), self.activity_count)
        if len(self._activity_counts) < 20_000:
            self._activity_counts[term] = total
        return total

    def count_alts(self, alts):
        """How many pages have one stem of every part of any of `alts` (each a tuple of parts). Exact for the
        pages in memory; at scale the activities are estimated from the count of their stems."""
        found = set()
        for parts in alts:
            found.update(self.match_alt(parts))
        estimate = 0
        if self.at_scale:
            for parts in alts:
                counts = [sum(self.activity_count_for(term) for term in options) for options in parts]
                estimate = max(estimate, min(min(counts, default=0), self.activity_count))
        return len(found) + estimate

    def known(self, word):
        term = stem(word)
        return bool(self.match(term)) or (self.at_scale and self.activity_count_for(term) > 0)
