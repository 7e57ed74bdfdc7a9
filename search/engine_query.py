"""The question the search engine receives: Python says what is asked, the engine matches and ranks.

`EngineQuery` is a Wagtail search query (a PlainText, so the database backend can answer it too when
the cluster is down); the OpenSearch compiler (compilers.DutchOpenSearchQueryCompiler) turns it into the
query below with `compile_engine_query`. Python decides only what the resident asks:

- the words, without the question form ("wat is", "… nedir": data/vraagvormen.txt, question.question_form);
- whether a definition is wanted (then the glossary page of the term asked about gets DEFINITION_FACTOR);
- the buurt the resident is looking in (its pages get IN_BUURT_FACTOR; other pages stay, lower);
- the places named in the question (buurt, gemeente, plaats: their pages get PLACE_FACTOR);
- the kind of activity that helps with a need the question names (other activities get OTHER_KIND_FACTOR).

Everything about language is the engine's, from the analysis in search/analysis.py: stemming, stop
words, compound parts (index analyzer), synonyms from the glossary and the data files (search analyzer),
the one-way wider words (WIDE_ANALYZER), typos (fuzziness). The query:

    function_score (factors multiply the score: TYPE_FACTOR, DEFINITION_FACTOR, IN_BUURT_FACTOR, …)
      bool
        must_not: an activity that is over (SHOWN_UNTIL_FIELD before now)
        must:   bool should [ one clause per word (below) ], minimum_should_match = `min_words`
        should: whole question  match (synonyms, also multi-word ones: "warm eten" → maaltijd)
                phrase          match_phrase, slop PHRASE_SLOP: the words side by side
                place           the names of the places asked (not required; PLACE_FACTOR does more)
                title           every word's clause (below) on the title alone: TITLE
                summary         every word's clause on what the page says it is (not the words
                                that say when): SUMMARY
                address         every word's clause on a place's own address (its street; not the
                                words that say when): ADDRESS

    one word = dis_max [ match word                 (search analyzer: synonyms)           × 1
                         match word, WIDE_ANALYZER  (also wider words: yoga → bewegen)    × WIDER
                         match word, fuzzy          (PLAIN_ANALYZER: typos)               × FUZZY
                         match a correction         (a word no page has: vocabulary)      × FUZZY × similarity
                         every part of a compound   (each with its synonyms, wider words) × COMPOUND
                         the word glued to a neighbour ("klusjes dienst")                 × COMPOUND
                         match word in the titles of a place's activities (HOST_FIELD)    × HOST ]

    words that say a glossary term in other words (concepts.py: "zieke vrouw zorgt" → mantelzorg) are
    one clause: dis_max [ match the term × CONCEPT, every one of those words ]

A page's compounds are split when it is indexed (analysis.decompound_words); a compound in the question
is split by text.split_compound with the same word lists, so that every part must be on the page.

A stop word's clause matches every page (zero_terms_query "all"), so a stop word never keeps a page
out; engine_rank counts the words that say what is asked with the same stop list (data/stopwoorden.txt)
to set `min_words`. search/README.md shows the query of one question in full.
"""

from wagtail.search.query import PlainText

from . import analysis
from .searched import TYPE_MODELS
from .unfound import required_words

# Weights of the parts of one word's clause (the best part counts; dis_max with tie_breaker 0).
WIDER = 0.8  # a wider word finds what helps with a need, a little below the word and its synonyms
FUZZY = 0.3  # a word spelled a little differently
COMPOUND = 0.85  # a compound asked as its parts: a page with every part ("klusjes dienst" for "klusjesdienst")
CONCEPT = 1.0  # a glossary term said in other words (concepts.py) counts as the term itself
# Fuzziness: no edits for words of up to 4 letters ("voel" must not find "veel"), one for 5–7, two from 8.
FUZZINESS = "AUTO:5,8"
PREFIX_LENGTH = 1  # the first letter of a word is rarely the typo, and it keeps fuzzy matching cheap
# Ranking only (should clauses, no matching):
WHOLE_QUESTION = 1.0  # the question as one text, so that multi-word synonyms take part
PHRASE = 2.0  # the words side by side, as typed (only for two words or more)
PHRASE_SLOP = 2  # "koffie met de buren" still counts as "koffie buren" side by side
# Factors on the whole score (function_score, multiplied), so they mean the same for every question
# whatever the size of its BM25 scores:
# a resident looks for something to do or a place to go before an explanation (issue 4), as the Python
# ranking's TYPE_PRIOR does. A glossary page is long and says a care word many times, so at 1.2 / 1.1 the
# terms that mention "mantelzorg" came before the mantelzorgcafés (dev q001 0.44); the term the question
# names is shown above the list anyway. Dev set (session 12), activity / place: 1.2 / 1.1 0.875, 1.5 / 1.3
# 0.881, 2 / 1.5 0.886, 2.5 / 2 0.889, 3 / 2 0.891, 4 / 2.5 0.891, 3 / 2.5 0.888, 3 / 1.5 0.880, 2 / 2 0.880:
# an activity about 1.5 times a place, both well above a term. Held-out 0.702 → 0.701 (measured after).
TYPE_FACTOR = {"activiteiten.ActiviteitPage": 3.0, "activiteiten.VoorzieningPage": 2.0}
# "wat is een thuisplusflat": the term asked about first (its name holds the asked words: _named_term).
# Only that term: with the factor on every glossary page, the pages that mention a thuisplusflat came
# before the place that is one (dev set 0.859 → 0.862; 1.5 on the other glossary pages gave 0.862, 2 gave 0.860).
DEFINITION_FACTOR = 3.0
TERM_NAME_FIELDS = ("title", "woordenlijst_begrippage__afkorting", "woordenlijst_begrippage__synoniemen")
IN_BUURT_FACTOR = 10.0  # searching in a buurt: its own pages first, clearly (dev set: 2 → 10 gave 0.817 → 0.827)
PLACE_FACTOR = IN_BUURT_FACTOR  # a place named in the question ("koffie Haalderen"): as searching in that buurt
# The question is only a place ("Zetten"): the buurt's own page, then its places, then what happens there
# (as the Python ranking's bonus for a question of only places and days).
ONLY_PLACE_FACTOR = {"activiteiten.BuurtPage": 3.0, "activiteiten.VoorzieningPage": 1.5}
# A kind of page asked for by name ("activiteiten haalderen", "voorzieningen zetten"): its pages first, as
# far above the others as an activity is above a glossary page (TYPE_FACTOR).
NAMED_TYPE_FACTOR = TYPE_FACTOR["activiteiten.ActiviteitPage"]
# A need asks for the kind of activity that helps with it (page_types.helping_categories: "eenzaam" →
# ontmoeten). A page that mentions loneliness says the rarer word, and BM25 put the repair café that says
# it "helps against loneliness" above the coffee mornings that answer the need. The activities of other
# kinds count this share; the places and glossary pages that say the word stay where they were (the social
# worker for "eenzaam"). Dev sets (needs / languages / dev): without it 0.543 / 0.803 / 0.892; at 0.33
# 0.569 / 0.801 / 0.893, 0.5 0.569 / 0.802 / 0.893, 0.7 0.562 / 0.804 / 0.893. A factor of 2 on the
# helping kind instead gave 0.577 / 0.805 / 0.894 but pushed the social worker out of the first 20.
OTHER_KIND_FACTOR = 0.5
CATEGORY_FIELD = "activiteiten_activiteitpage__categorie_filter"  # ActiviteitPage's FilterField("categorie")
# A word that says what kind of place is asked (page_types.place_kinds: "huisarts", "doktor") puts the places of
# that soort first: times this factor, on top of the type's. Without it the glossary's explanation of primary
# care, which names the doctor in five ways, came before every doctor's practice for "doktor". Languages dev
# set at 1 (without) 0.802, 1.5 0.821, 2 0.829, 3 0.836, 5 0.839; dev 0.894, places 0.954 at each.
PLACE_KIND_FACTOR = 3.0
SOORT_FIELD = "activiteiten_voorzieningpage__soort_filter"  # VoorzieningPage's FilterField("soort")
# A place of the soort a word names answers that word, with this score, when its page says it in other words:
# "sporthal" finds the sportzaal and the outdoor gym (soort sportaccommodatie), "zorgcentrum" the zorglocatie
# whose page says "verpleeghuis". A constant score, about a word matched once. Plek dev set: without 0.896,
# 0.3 0.957, 1.0 0.957, 3.0 0.958 (places, dev, languages unchanged at each).
KIND_AS_WORD = 1.0
PLACE_WORDS = 1.0  # the place's name on a page counts like a word, but is not required
# The asked words in the page title count once more: "valpreventie" before the pages that mention it.
# Each word's clause as in the match, on the title field (dev set: 0.836 without; 0.847 at 0.3, 0.848 at
# 0.6, 0.854 at 1, 0.855 at 1.4, 0.854 at 2 with a lower MRR).
TITLE = 1.0
# The asked words in what a page says it is (page_texts.summary_text: a place's first sentence, an
# activity's samenvatting) count once more, at this weight: as the Python ranking weighs a summary.
SUMMARY = 0.7
# A place where an activity with the asked word is held (VoorzieningPage.zoek_activiteiten: the titles of
# its activities) matches that word, at this weight: below the place's own words, so that the activity
# itself and a place that says the word come first ("schaken": the schaakclub, then the buurthuis where
# it meets).
HOST = 0.5
# The asked words in a place's own address (its street) count once more, at this weight: a resident finds a
# place by its street ("veerpontstraat"), and the activities held there carry the same address
# (zoek_plek_adres), so without it they came first by their type's factor. As the Python ranking weighs a
# place's address (page_texts.voorziening_texts).
# Dev set of addresses (demo/eval/adres_queries.jsonl): 1.0 0.812, 2.0 0.990, 3.0 0.989, 5.0 0.989: at 1.0
# the activities held at "Vlierbesstraat 14" came before the buurthuis there. Other dev sets equal at each.
ADDRESS = 2.0

# Multi-word synonyms as all their words (a match query makes a phrase of them by default): _match.
SYNONYMS_AS_WORDS = {"auto_generate_synonyms_phrase_query": False}
ALL_TEXT = "_all_text"  # modelsearch's catch-all field: every SearchField of every page type
# BasePage.zoek_titel: the texts that name what a page is (its title, an activity's kind, a place's soort;
# page_texts.title_text), a RankingText like SUMMARY_FIELD.
TITLE_FIELD = "home_basepage__zoek_titel_filter"
# ActiviteitPage.zoek_getoond_tot (activiteiten/zoekvelden.py): an activity whose time is over is left out by
# the engine, at the moment of the search ("now"), so its best pages are all pages a resident can still go to.
SHOWN_UNTIL_FIELD = "activiteiten_activiteitpage__zoek_getoond_tot_filter"
# BasePage.zoek_kern, a page_texts.RankingText (not in ALL_TEXT); its name as modelsearch writes it.
SUMMARY_FIELD = "home_basepage__zoek_kern_filter"
# VoorzieningPage.zoek_activiteiten (activiteiten/zoekvelden_plek.py), a RankingText; tests/test_zoekvelden_plek.py
# checks these names against the mapping.
HOST_FIELD = "activiteiten_voorzieningpage__zoek_activiteiten_filter"
PK_FIELD = "pk"  # stored in every document by modelsearch
# VoorzieningPage's SearchField("adres"), as modelsearch names it.
ADDRESS_FIELD = "activiteiten_voorzieningpage__adres"


class EngineQuery(PlainText):
    """What the resident asks. `query_string` holds the words; the rest is what Python understood."""

    def __init__(
        self,
        words,
        min_words=None,
        content_words=None,
        definitional=False,
        buurt_path="",
        parts=None,
        places=None,
        stop=frozenset(),
        concepts=None,
        when=frozenset(),
        corrections=None,
        types=frozenset(),
        helps=frozenset(),
        place_kinds=frozenset(),
        stand_ins=frozenset(),
        kinds_of_words=None,
        or_in_places=False,
        operator="or",
    ):
        super().__init__(" ".join(words), operator=operator)
        self.words = list(words)
        self.parts = parts or {}  # {compound word: [its parts]} (text.split_compound)
        self.places = places or {}  # {place word as typed: [tree paths of its buurten]}
        self.stop = stop  # the stop words (text.stopwords()): no compound is glued with one
        # {title of a glossary term: [the asked words that say it]} (concepts.recognise): those words
        # are one clause, the term OR all of them.
        self.concepts = concepts or {}
        # The asked words that say when (a weekday, a part of the day): not what a page is, so not in
        # the SUMMARY clause ("iets te doen op zondagmiddag" is not about a library open "'s middags").
        self.when = when
        # {asked word no page has: [(known word, similarity)]} (vocabulary.corrections): a typo the
        # engine's fuzziness does not reach ("hoffie": its first letter), asked as those words too.
        self.corrections = corrections or {}
        # The kinds of page the question asks for by name (page_types.type_words: "activiteiten haalderen"),
        # as searched.TYPE_MODELS names; their pages get NAMED_TYPE_FACTOR instead of TYPE_FACTOR.
        self.types = types
        # The activity categories that help with a need the question names (page_types.helping_categories):
        # the activities of other kinds get OTHER_KIND_FACTOR.
        self.helps = helps
        # The soorten of place a word of the question names (page_types.place_kinds: "doktor" → huisarts):
        # those places get PLACE_KIND_FACTOR.
        self.place_kinds = place_kinds
        # The ids of the places of those soorten that stand in for the places named, which have none
        # (places.kind_stand_ins: "huisarts in malburgen" → the doctors of Arnhem): as if they were there.
        self.stand_ins = stand_ins
        # {asked word: the soorten of place it names} (page_types.place_kinds of the word alone): a place of
        # that soort answers the word, at KIND_AS_WORD, when its page says it otherwise ("sportzaal").
        self.kinds_of_words = kinds_of_words or {}
        # A page in a place the question names answers too, without the words (with_place_pages).
        self.or_in_places = or_in_places
        # How many of the words a page must match (a stop word's clause matches every page), and how
        # many words say what is asked: engine_rank works them out from data/stopwoorden.txt.
        self.min_words = len(self.words) if min_words is None else min_words
        self.content_words = len(self.words) if content_words is None else content_words
        self.definitional = definitional
        self.buurt_path = buurt_path

    def relaxed(self, min_words):
        return self._with(min_words=min_words)

    def with_place_pages(self):
        """The question with every page of the places it names as an answer too, below those with the words
        (PLACE_FACTOR lifts them all alike): "wat is er te doen op zaterdag in zetten" when Zetten has too few
        pages on a Saturday, as the Python ranking counts the place as one of the words asked."""
        return self._with(or_in_places=True)

    def corrected(self, corrections):
        return self._with(corrections=corrections)

    def without(self, left_out):
        """The question without the words `left_out` (no page has them: unfound.may_leave_out), each of
        which said what is asked; a page must have the share of the other words that says enough."""
        if not left_out:
            return self
        words = [word for word in self.words if word not in left_out]
        content_words = self.content_words - (len(self.words) - len(words))
        other_clauses = self.min_words - required_words(self.content_words)
        concepts = {title: used for title, used in self.concepts.items() if not set(used) & set(left_out)}
        return self._with(
            words=words,
            min_words=other_clauses + required_words(content_words),
            content_words=content_words,
            concepts=concepts,
        )

    # What a copy (_with) takes over: every argument of __init__ but the words.
    _KEPT = ("min_words", "content_words", "definitional", "buurt_path", "parts", "places", "stop", "concepts",
             "when", "corrections", "types", "helps", "place_kinds", "stand_ins", "kinds_of_words", "or_in_places",
             "operator")  # fmt: skip

    def _with(self, words=None, **changes):
        kept = {name: getattr(self, name) for name in self._KEPT}
        return EngineQuery(self.words if words is None else words, **{**kept, **changes})


def _match(word, field=ALL_TEXT, **options):
    """A match of `word` in `field`. A synonym of several words ("informele zorg" for "mantelzorg") is
    asked as all its words, not as a phrase: the stop words left out of page and question leave gaps
    that a phrase does not allow ("praat vandaag [over] morgen")."""
    return {"match": {field: {"query": word, "zero_terms_query": "all", **SYNONYMS_AS_WORDS, **options}}}


def _word_clause(word, parts=(), joined=(), fixes=(), kinds=(), field=ALL_TEXT):
    queries = [
        _match(word, field),
        _match(word, field, analyzer=analysis.WIDE_ANALYZER, boost=WIDER),
        _match(
            word, field, analyzer=analysis.PLAIN_ANALYZER, fuzziness=FUZZINESS, prefix_length=PREFIX_LENGTH, boost=FUZZY
        ),
        # A correction is a typo too, found by the vocabulary instead of the engine: the same weight.
        *(_match(fixed, field, boost=FUZZY * similarity) for fixed, similarity in fixes),
    ]
    if parts:
        # Every part, each with its synonyms and wider words ("ouderengym": senioren, gymnastiek, bewegen).
        each = [
            {
                "dis_max": {
                    "queries": [_match(part, field), _match(part, field, analyzer=analysis.WIDE_ANALYZER, boost=WIDER)]
                }
            }
            for part in parts
        ]
        queries.append({"bool": {"must": each, "boost": COMPOUND}})
    # The word written together with its neighbour ("klusjes dienst" → "klusjesdienst"): one page word
    # answers both clauses.
    queries += [_match(glued, field, boost=COMPOUND) for glued in joined]
    if field == ALL_TEXT:  # the word matching: a place also by the activities held there
        queries.append(_match(word, HOST_FIELD, boost=HOST))
    if kinds and field == ALL_TEXT:  # … and by its soort ("sporthal": the sportzaal, a sportaccommodatie)
        queries.append({"constant_score": {"filter": {"terms": {SOORT_FIELD: sorted(kinds)}}, "boost": KIND_AS_WORD}})
    return {"dis_max": {"queries": queries}}


def _concept_clauses(title, word_clauses):
    """A glossary term said in other words: the term itself (with its synonyms) or every word as said.
    It stands for those words: one clause weighs CONCEPT for each of them, and copies that add nothing
    to the score make it count as each of them for min_words ("iemand die voor zijn zieke vrouw zorgt"
    is answered by a page about mantelzorg without the words "hulp" or "iemand")."""
    term = {"dis_max": {"queries": [_match(title), {"bool": {"must": word_clauses}}]}}
    counted = {"constant_score": {"filter": term, "boost": 0.0}}
    return [{"bool": {"must": term, "boost": CONCEPT * len(word_clauses)}}] + [counted] * (len(word_clauses) - 1)


def _named_term(query):
    """The glossary pages whose name holds every asked word: title, abbreviation or andere woorden, with
    their synonyms ("wat betekent VVT", "what is respite care")."""
    asked = " ".join(word for word in query.words if word not in query.stop)
    named = {"multi_match": {"query": asked, "fields": list(TERM_NAME_FIELDS), "operator": "and"}}
    return {"bool": {"filter": [content_type_clause("woordenlijst.BegripPage"), named]}}


def _factor(filter_, weight):
    return {"filter": filter_, "weight": weight}


def content_type_clause(name):
    return {"term": {"_django_content_type": name}}


def joined_words(words, i, stop):
    """The word glued to its neighbours that are not stop words: [‘klusjesdienst’] for ‘klusjes’ in
    ‘klusjes dienst’."""
    if words[i] in stop:
        return []
    before = [words[i - 1] + words[i]] if i > 0 and words[i - 1] not in stop else []
    after = [words[i] + words[i + 1]] if i + 1 < len(words) and words[i + 1] not in stop else []
    return before + after


def _word_extras(query, i):
    """What the query knows about its i-th word: its compound parts, the words glued to a neighbour,
    its corrections and the soorten of place it names (_word_clause's arguments)."""
    word = query.words[i]
    return (
        query.parts.get(word, ()),
        joined_words(query.words, i, query.stop),
        query.corrections.get(word, ()),
        query.kinds_of_words.get(word, ()),
    )


def compile_engine_query(query):
    """The OpenSearch query for an EngineQuery. Every word is matched in `_all_text`: a clause on the
    title-weighted fields (`_all_text_boost_N`, from the boosts in search_fields) made the dev set worse
    at every weight tried (0.809 without it, 0.800 at 1, 0.793 at 3)."""
    text = query.query_string
    should = [{"match": {ALL_TEXT: {"query": text, "boost": WHOLE_QUESTION}}}]
    if query.content_words > 1:
        should.append({"match_phrase": {ALL_TEXT: {"query": text, "slop": PHRASE_SLOP, "boost": PHRASE}}})
    if query.definitional:
        factors = [_factor(_named_term(query), DEFINITION_FACTOR)]
    elif query.types:
        factors = [_factor(content_type_clause(TYPE_MODELS[kind]), NAMED_TYPE_FACTOR) for kind in sorted(query.types)]
    else:
        by_type = TYPE_FACTOR if query.words else ONLY_PLACE_FACTOR
        factors = [_factor(content_type_clause(name), weight) for name, weight in by_type.items()]
    if query.helps:
        other_kinds = {
            "bool": {
                "filter": [content_type_clause("activiteiten.ActiviteitPage")],
                "must_not": [{"terms": {CATEGORY_FIELD: sorted(query.helps)}}],
            }
        }
        factors.append(_factor(other_kinds, OTHER_KIND_FACTOR))
    in_places = [{"prefix": {"path_filter": path}} for paths in query.places.values() for path in paths]
    # The soort a word asks for: none for a definition question; with a place named, for its places only
    # (page_types.place_kinds).
    if query.place_kinds:
        of_kind = {"terms": {SOORT_FIELD: sorted(query.place_kinds)}}
        if in_places:
            of_kind = {"bool": {"filter": [of_kind, {"bool": {"should": in_places}}]}}
        factors.append(_factor(of_kind, PLACE_KIND_FACTOR))
    if query.stand_ins:  # as if in the place named, which has no place of the soort: both factors
        stand_ins = {"terms": {PK_FIELD: sorted(str(pk) for pk in query.stand_ins)}}
        factors.append(_factor(stand_ins, PLACE_KIND_FACTOR * PLACE_FACTOR))
    if query.buurt_path:
        factors.append(_factor({"prefix": {"path_filter": query.buurt_path}}, IN_BUURT_FACTOR))
    if in_places:
        factors.append(_factor({"bool": {"should": in_places}}, PLACE_FACTOR))
        should.append({"match": {ALL_TEXT: {"query": " ".join(query.places), "boost": PLACE_WORDS}}})
    for field, weight, skip in (
        (TITLE_FIELD, TITLE, query.stop),
        (SUMMARY_FIELD, SUMMARY, query.stop | query.when),
        (ADDRESS_FIELD, ADDRESS, query.stop | query.when),
    ):
        on_field = [
            _word_clause(word, *_word_extras(query, i), field=field)
            for i, word in enumerate(query.words)
            if word not in skip
        ]
        if on_field:
            should.append({"bool": {"should": on_field, "boost": weight}})
    if query.words:
        # One clause per asked word, a repeated word too (min_words counts them), except the words
        # that say a glossary term: one clause per term.
        clauses = [(word, _word_clause(word, *_word_extras(query, i))) for i, word in enumerate(query.words)]
        said = {word for used in query.concepts.values() for word in used}
        words = [clause for word, clause in clauses if word not in said]
        by_word = dict(clauses)
        terms = [
            clause
            for title, used in query.concepts.items()
            for clause in _concept_clauses(title, [by_word[word] for word in used])
        ]
        must = {"bool": {"should": words + terms, "minimum_should_match": max(1, query.min_words)}}
        if query.or_in_places and in_places:
            # Every page in the place, scored as a page with the words a page must have, each counted once: the
            # place's pages with the words stay first, then the place's other pages (PLACE_FACTOR), then the
            # pages elsewhere with the words.
            in_place = {"constant_score": {"filter": {"bool": {"should": in_places}}, "boost": max(1, query.min_words)}}
            must = {"bool": {"should": [must, in_place], "minimum_should_match": 1}}
    else:  # only a place: its buurt
        must = {"bool": {"should": in_places}}
    over = {"range": {SHOWN_UNTIL_FIELD: {"lt": "now"}}}  # pages without the field (not activities) stay
    matched = {"bool": {"must": must, "should": should, "must_not": [over]}}
    return {
        "function_score": {"query": matched, "functions": factors, "score_mode": "multiply", "boost_mode": "multiply"}
    }
