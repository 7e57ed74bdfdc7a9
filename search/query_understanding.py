"""Query understanding: from what a resident types to weighted clauses the engine can score.

Steps: clean and split the words; recognise question forms ("wat is …"), weekdays and day parts,
place names (buurt, gemeente, plaats) and glossary terms (term, afkorting, andere woorden — read from
the live BegripPages); then for every other word collect alternatives: its stem, everyday synonyms and
English words (data/thesaurus.txt), compound parts, the word joined with its neighbour, and — for a word
the site does not know — the nearest known words (typos).
"""

from dataclasses import dataclass, field
from functools import cached_property

from postcodes.parse import as_postcode

from . import vocabulary
from . import word_alternatives as alternatives
from .page_types import helping_categories, named_kinds, place_kinds
from .places import kind_stand_ins, named_places
from .question import question_form, question_words
from .text import (
    broader,
    clean_query,
    fold,
    split_compound,
    stem,
    stopwords,
    thesaurus,
    words,
)
from .when import DAYPARTS, day_part, is_weekend, weekday_name, weekday_of

# How much a page counts for an asked word when it has, instead of the word itself (1.0):
GLUED = 0.95  # two asked neighbours written as one word (‘klusjes dienst’ → klusjesdienst)
PARTS = 0.85  # every part of an asked compound (‘mantelzorgondersteuning’ → mantelzorg + ondersteuning)
TYPO = 0.8  # times the similarity: the vocabulary's nearest word to a word no page has (‘hoffie’ → koffie)
SYNONYM = 0.6  # an everyday synonym or a translation (data/thesaurus.txt, data/vertaalwoorden.txt)
WIDER = 0.6  # a wider word (‘eenzaam’ → ontmoeten, ‘yoga’ → bewegen): as much as a synonym (session 21)
WIDER_PART = 0.75  # the same inside a compound (‘stoelyoga’ → stoel + bewegen), times PARTS
HEAD = 0.45  # a compound's head alone, when it is a telling word: an ‘ouderengym’ is a gym
# A glossary term: named by its term or afkorting it counts fully; said with one of its synoniemen, what
# the resident typed counts fully and the term a little less; the editors' synonym groups less again.
TERM_NAMED = 1.0
TERM_BY_SYNONYM = 0.8
TYPED_FOR_TERM = 0.9
TYPED_SYNONYM = 1.0
SYNONYM_GROUP = 0.55
CONCEPT_TYPO = 0.85  # a typo is read as a glossary term only when its nearest word is this similar
HIGHLIGHT_MIN = 0.8  # the words marked in a snippet: as asked, glued, in parts, or the glossary term named
# A place or a day asked weighs against the average asked word: a place nearly as much, a day half.
PLACE_WEIGHT = 0.8
DAY_WEIGHT = 0.5
HEAD_MAX_SHARE = 0.05  # a compound's head alone only counts when it is a telling word (‘gym’, not ‘problemen’)


@dataclass
class Alt:
    terms: tuple  # one tuple of stems per part; a document must have (one stem of) every part
    weight: float
    surface: tuple  # words for the backend and for highlighting


@dataclass
class Clause:
    kind: str  # word, concept, place, weekday
    label: str
    alts: list = field(default_factory=list)
    weight: float = 1.0
    buurt_ids: frozenset = frozenset()
    weekdays: frozenset = frozenset()
    hours: tuple | None = None
    concept: object = None
    known: bool = True  # False: no page on the site has this word, not even spelled a little differently
    corrected: tuple = ()  # the known words searched for instead of a word no page has (a typo)
    helps: frozenset = frozenset()  # the activity categories that help with the need the word names
    # The soorten of place the word names (page_types.place_kinds): such a place answers it (ranking.KIND_AS_WORD).
    kinds: frozenset = frozenset()


@dataclass
class Analysis:
    text: str
    clauses: list
    concepts: list  # recognised glossary concepts, most important first
    primary_concepts: list  # concepts that own a clause
    named_concepts: list  # concepts the query names by term, abbreviation or a phrase of several words
    term_concepts: list  # named by their term or abbreviation
    definitional: bool
    place_buurt_ids: frozenset
    weekdays: frozenset
    # False: analysed for the engine ranking, without the counts only the Python ranking weighs by
    # (analyse's `weighed`); engine.search analyses again, weighed, when the engine does not answer.
    weighed: bool = True
    phrases: tuple = ()  # each two neighbouring words as typed, with the small words between them
    types: frozenset = frozenset()  # the kinds of page asked for by name (page_types.type_words)
    place_kinds: frozenset = frozenset()  # the soorten of place a word asks for (page_types.place_kinds)
    # The ids of the places of the soort asked that stand in for the places named (places.kind_stand_ins): the
    # ranking counts them as in those places.
    stand_ins: frozenset = frozenset()

    @cached_property
    def named_primary(self):
        """The glossary terms the question names and that own a clause: explained above the results, first in
        the list for a definition question, and their ‘zie ook’ terms come along (ranking.rank)."""
        named = {c.doc_id for c in self.named_concepts}
        return [c for c in self.primary_concepts if c.doc_id in named]

    def phrase_share(self, doc):
        """The share of those word pairs the page says just as the resident typed them (‘nieuw in de wijk’)."""
        if not self.phrases:
            return 0.0
        flat = doc.words_in_order()
        return sum(f" {p} " in flat for p in self.phrases) / len(self.phrases)

    @property
    def is_empty(self):
        return not self.clauses

    def backend_words(self):
        seen = []
        for clause in self.clauses:
            for alt in clause.alts:
                for word in alt.surface:
                    if word not in seen:
                        seen.append(word)
        return seen[:40]

    def highlight_terms(self):
        return {
            term
            for clause in self.clauses
            for alt in clause.alts
            if alt.weight >= HIGHLIGHT_MIN
            for part in alt.terms
            for term in part
        }


def _equivalent(phrase_word, query_word):
    if phrase_word == query_word or stem(phrase_word) == stem(query_word):
        return True
    related = thesaurus().get(query_word, ())
    return phrase_word in related or stem(phrase_word) in {stem(w) for w in related}


def _match_phrase(phrase, tokens, positions):
    """Positions of `tokens` that together say `phrase`, or None."""
    used = []
    joined = {}
    for a, b in zip(positions, positions[1:], strict=False):
        joined[tokens[a] + tokens[b]] = (a, b)
    for word in phrase:
        hit = None
        for pos in positions:
            if pos not in used and _equivalent(word, tokens[pos]):
                hit = (pos,)
                break
        if hit is None and word in joined:
            hit = joined[word]
        if hit is None:
            return None
        used.extend(hit)
    if len(phrase) == 1 and len(used) == 1 and len(tokens[used[0]]) <= 3 and phrase[0] != tokens[used[0]]:
        return None
    return used


def _joined_phrase(phrase, tokens, positions):
    """A single query word that is the phrase written as one word (‘thuis plus flat’ ~ ‘thuisplusflat’)."""
    if len(phrase) < 2:
        return None
    glued = "".join(phrase)
    for pos in positions:
        if tokens[pos] == glued:
            return [pos]
    return None


def _concepts(index, tokens, positions):
    found = []
    for concept in index.concepts:
        best = None
        for kind, phrase in concept.phrases:
            used = _match_phrase(phrase, tokens, positions) or _joined_phrase(phrase, tokens, positions)
            if used and (
                best is None or len(used) > len(best[1]) or (len(used) == len(best[1]) and kind != "synoniem")
            ):
                best = (kind, used)
        if best:
            found.append((concept, best[0], best[1]))
    found.sort(key=lambda f: (-len(f[2]), f[1] == "synoniem", f[2][0]))
    return found


def _known(index, word, weighed):
    """Whether a page has `word`. The picture answers from memory while it holds every page; at scale its
    answer for the activities is a count, two queries on the vocabulary (docindex.activity_count_for).
    Not weighed, one existence query on the vocabulary answers instead (vocabulary.known, the same
    matching): nothing needs the count."""
    if weighed or not index.at_scale:
        return index.known(word)
    return vocabulary.known(word, index.locale)


def _read_as_typo(index, word):
    """The vocabulary's nearest words to a word matched only by its shorter stem, else []."""
    if not index.only_shortened(stem(word)) or (index.at_scale and vocabulary.known_unshortened(word, index.locale)):
        return []
    return vocabulary.corrections(word, index.locale, unmatched=True)


def _word_clause(index, tokens, pos, positions, corrections, weighed=True):
    """The clause of one asked word; `corrections` are vocabulary.corrections of it (used for a word the
    picture does not know and that is no compound). Not `weighed` (see analyse): no count is asked, so no
    compound's head alone (it needs one; it is never marked either), weight 1."""
    word = tokens[pos]
    alts = [Alt(((stem(word),),), 1.0, (word,))]
    related = alternatives.related(word)
    if related:
        alts.append(Alt((related,), SYNONYM, tuple(sorted(thesaurus().get(word, ())))[:6]))
    wider = alternatives.wider(word)
    if wider:
        alts.append(Alt((wider,), WIDER, tuple(sorted(broader()[word]))[:4]))
    parts = split_compound(word, index.lexicon, index.short_words)
    split_found = False
    if parts:
        alts.append(Alt(tuple(alternatives.options(p) for p in parts), PARTS, tuple(parts)))
        # A typo can split into words that make it up and that no page has together ("boodshappen" →
        # bood + happen, "vrijwillier" → vrij + wil + lier): then it is read as a typo (below). Not weighed,
        # nothing is counted: the compound stands, and the engine corrects the word itself (engine_rank).
        split_found = not weighed or index.count_alts([alts[-1].terms]) > 0
        if any(alternatives.wider(p) for p in parts):
            alts.append(Alt(tuple(alternatives.options(p, wide=True) for p in parts), PARTS * WIDER_PART, tuple(parts)))
    if weighed and parts:
        head_count = index.count_alts([((stem(parts[-1]),),)])
        if all(index.known(p) for p in parts[:-1]) and head_count <= HEAD_MAX_SHARE * index.n:
            alts.append(Alt((alternatives.options(parts[-1]),), HEAD, (parts[-1],)))
    i = positions.index(pos)
    for neighbour in (positions[i - 1 : i], positions[i + 1 : i + 2]):
        if neighbour:
            a, b = sorted((pos, neighbour[0]))
            glued = tokens[a] + tokens[b]
            if _known(index, glued, weighed):
                alts.append(Alt(((stem(glued),),), GLUED, (glued,)))
    # A word no page has is asked as the vocabulary's nearest words (vocabulary.corrections is empty for a
    # word the vocabulary has); weighed, the picture's own check comes first, as before. A word matched only
    # by its shorter stem is read as a typo when the vocabulary has a near word: "huisats" is huisarts, not
    # "huis" (its own part goes; at scale the vocabulary says whether an activity has the word).
    known = weighed and index.known(word)
    guessed = _read_as_typo(index, word) if known and not parts else []
    if guessed:
        del alts[0]
        known = False
    fixes = guessed or ([] if split_found or known else corrections)
    for fixed, similarity in fixes:  # with its synonyms: "gymnastek" → gymnastiek, which no page says, → gym
        alts.append(Alt((alternatives.options(fixed),), TYPO * similarity, (fixed,)))
    corrected = tuple(fixed for fixed, _s in fixes)
    helps, kinds = helping_categories([word]), place_kinds([word])
    if not weighed:
        return Clause("word", word, alts, 1.0, corrected=corrected, helps=helps, kinds=kinds)
    found = index.count_alts([alt.terms for alt in (alts[:1] if known else alts)])
    weight = index.idf(found) if found else index.max_idf()
    return Clause("word", word, alts, weight, known=bool(found), corrected=corrected, helps=helps, kinds=kinds)


def _concept_clause(concept, kind, used, tokens, weights):
    named = TERM_NAMED if kind != "synoniem" else TERM_BY_SYNONYM
    typed = tuple(tokens[p] for p in used)
    alts = [
        Alt(
            tuple(alternatives.options(w) for w in typed),
            TYPED_SYNONYM if kind == "synoniem" else TYPED_FOR_TERM,
            typed,
        )
    ]
    alts.append(Alt(alternatives.single(concept.title_words), named, concept.title_words))
    if concept.afkorting:
        afk = tuple(words(concept.afkorting))
        alts.append(Alt(alternatives.single(afk), named, afk))
    for group in concept.synonym_groups:
        alts.append(Alt(alternatives.single(group), SYNONYM_GROUP, group))
    label = " ".join(typed)
    return Clause("concept", label, alts, max(sum(weights), 1.0), concept=concept)


def _phrases(all_words, positions):
    """Each two neighbouring content words as typed, with the small words between them."""
    return tuple(" ".join(all_words[a : b + 1]) for a, b in zip(positions, positions[1:], strict=False))


def analyse(raw, index, weighed=True):
    """The Analysis of what a resident typed. `weighed=False` is for the engine ranking (engine_rank.py),
    which asks the engine to match and rank: the same clauses, places, days and glossary terms, without
    what only the Python ranking uses, how many pages have each word (the clauses' weights,
    `Clause.known`, a compound's telling head, see _word_clause). Around the engine's answer
    the results page uses the terms it explains, the places (their servicepunten) and the words to mark
    in a snippet the engine has none for. At scale each count is a query on the vocabulary: at 100,000
    activities an analysis took 28–31 ms per question weighed and 7.5 ms not (benchmarks/search_page_cost.py,
    figures in benchmarks/search_engines_README.md, session 24)."""
    text = clean_query(raw)
    all_words = question_words(text, index.locale)
    before, after = question_form(all_words)
    definitional = bool(before or after)
    stop = stopwords()
    tokens = all_words
    # The question form (‘wat doet …’) says what kind of answer is wanted, not what it is about.
    positions = [i for i, w in enumerate(tokens) if w not in stop and before <= i < len(tokens) - after]
    content_positions = list(positions)

    clauses = []
    weekdays, hours = set(), None
    rest = []
    for pos in positions:
        word = tokens[pos]
        day = weekday_of(word)
        if day is not None:
            weekdays.add(day)
            hours = DAYPARTS.get(word[len(weekday_name(word)) :], hours)
        elif is_weekend(word):
            weekdays |= {5, 6}
        elif weekdays and (part := day_part(word)):
            hours = part
        else:
            rest.append(pos)
    if weekdays:
        clauses.append(Clause("weekday", "dag", [], 1.0, weekdays=frozenset(weekdays), hours=hours))

    # The places (places.named_places, the engine ranking's rule too), among the words that are not a day.
    place_ids = set()
    asked = range(before, len(tokens) - after)
    days = set(positions) - set(rest)
    for place in named_places(tokens[asked.start : asked.stop], index, stop, as_postcode(text) is None):
        covered = range(before + place.start, before + place.start + place.length)
        if days.intersection(covered):
            continue
        named = [tokens[pos] for pos in covered if pos in rest]
        place_ids |= place.buurt_ids
        alts = [Alt((stem(word),), 1.0, (word,)) for word in named]
        clauses.append(Clause("place", place.text, alts, 1.0, buurt_ids=place.buurt_ids))
        rest = [pos for pos in rest if pos not in covered]

    # A kind of page asked by its name ("activiteiten haalderen") or by a phrase ("wat valt er te doen in
    # haalderen"): that kind, not the pages with those words, when the question says something else too
    # (page_types.named_kinds, the engine ranking's rule too).
    types, naming = named_kinds(tokens[asked.start : asked.stop], stop, context=bool(clauses))
    rest = [pos for pos in rest if pos - before not in naming]

    # Typos first, so that ‘mantelzrog’ is recognised as the glossary term ‘mantelzorg’. Looked up once per
    # word (two queries on the vocabulary each): the word clauses below use the same corrections.
    fixes = {pos: vocabulary.corrections(tokens[pos], index.locale) for pos in rest}
    corrected = list(tokens)
    for pos, nearest in fixes.items():
        if nearest and nearest[0][1] >= CONCEPT_TYPO:
            corrected[pos] = nearest[0][0]
    found = _concepts(index, corrected, rest)
    word_clauses = {pos: _word_clause(index, tokens, pos, rest, fixes[pos], weighed) for pos in rest}
    taken = set()
    primary, named, by_term = [], [], []
    for concept, kind, used in found:
        if kind != "synoniem" or len(used) > 1:
            named.append(concept)
        if kind != "synoniem":
            by_term.append(concept)
        if taken.intersection(used):
            continue
        taken.update(used)
        weights = [word_clauses[p].weight for p in used]
        clauses.append(_concept_clause(concept, kind, used, corrected, weights))
        primary.append(concept)
    clauses += [word_clauses[pos] for pos in rest if pos not in taken]
    if clauses and not all(c.kind == "weekday" for c in clauses):
        avg = sum(c.weight for c in clauses if c.kind in ("word", "concept")) or 0
        count = sum(1 for c in clauses if c.kind in ("word", "concept"))
        base = avg / count if count else 1.0
        for clause in clauses:
            if clause.kind in ("place", "weekday"):
                clause.weight = base * (PLACE_WEIGHT if clause.kind == "place" else DAY_WEIGHT)
    kinds = place_kinds([tokens[pos] for pos in rest], definitional)
    return Analysis(
        phrases=_phrases(all_words, content_positions),
        text=text,
        clauses=clauses,
        concepts=[c for c, _k, _u in found],
        primary_concepts=primary,
        named_concepts=named,
        term_concepts=by_term,
        definitional=definitional,
        place_buurt_ids=frozenset(place_ids),
        weekdays=frozenset(weekdays),
        types=types,
        place_kinds=kinds,
        stand_ins=kind_stand_ins(place_ids, kinds, index),
        weighed=weighed,
    )


__all__ = ["Alt", "Analysis", "Clause", "analyse", "fold"]
