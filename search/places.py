"""The places a question names: one rule for both rankings (query_understanding.analyse, engine_rank.question).

A place is a buurt, gemeente or plaats the picture knows by name (docindex.DocIndex.places: {name: buurt
ids}), one word ("presikhaaf") or two ("lage land", "de pas": the first may be a stop word), or a
postcode area ("6825", "6826 hk"; "6826hk" is read as "6826 hk": question.question_words), which names the
buurten whose page lists it: the picture holds each buurt's areas among its place names (docindex;
postcodes.nabij.buurten_met_postcode is the same rule for the postcode form), and postcodes.parse reads the
postcode. A place is not a word a page must have: its buurten's pages come first.

A soort of place asked in a place that has none ("huisarts in malburgen", "doktor randwijk"): the places of that
soort in the same gemeente or close by stand in for it (`kind_stand_ins`), so the doctors of Arnhem come first
rather than Malburgen's activities that mention a doctor. Both rankings count them as in the place named.

A postcode that is the whole question is no place here: search/engine.py then puts its buurt first and
asks nothing else (both rankings). An unknown postcode ("koffie 1234") stays a word, as an unknown place
name does: no page has it, so the question gets no answer rather than the coffee of every buurt.
"""

from dataclasses import dataclass

from postcodes.nabij import NEARBY_MAX_M, haversine_m
from postcodes.parse import as_postcode

PLACE_MIN_LENGTH = 4  # shorter single words are no place names here ("oss" would be, but is no buurt here)


@dataclass(frozen=True)
class NamedPlace:
    start: int  # position of its first word in the words given
    length: int  # how many words name it (1 or 2)
    text: str  # as typed, folded: "lage land", "6825"
    buurt_ids: frozenset


def named_places(words, index, stop, postcodes=True):
    """[NamedPlace] in `words` (the question's words in order, stop words included), left to right, no
    word in two places. `postcodes` False: postcodes are not read (the module docstring says when)."""
    found, i = [], 0
    while i < len(words):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else None
        pair = f"{word} {following}" if following else None
        place = None
        if word not in stop and len(word) >= PLACE_MIN_LENGTH and index.places.get(word):
            is_postcode = as_postcode(word) is not None
            if postcodes or not is_postcode:
                taken = 2 if is_postcode and pair and as_postcode(pair) else 1  # "6826 hk": the letters too
                place = NamedPlace(i, taken, " ".join(words[i : i + taken]), frozenset(index.places[word]))
        elif pair and index.places.get(pair):
            place = NamedPlace(i, 2, pair, frozenset(index.places[pair]))
        if place:
            found.append(place)
        i += place.length if place else 1
    return found


def kind_stand_ins(buurt_ids, kinds, index):
    """The ids of the places of the soorten `kinds` that stand in for the buurten a question names (`buurt_ids`)
    when none of those has such a place: the places of that soort in the same gemeente, or within NEARBY_MAX_M of
    a buurt named (postcodes.nabij: further is not "in de buurt", not even by bus; a buurt's centre is that of its
    places). Empty when no place or no soort is asked, when a buurt named has such a place (it answers), and when
    nothing of that soort is that near: then the place's own pages that say the word come first, as before (a
    place of that soort far away is no answer to "in Zetten"; search/README.md, "A place asked as residents ask
    it", says what counting it everywhere did)."""
    if not kinds or not buurt_ids or any(index.soorten.get(buurt, set()) & kinds for buurt in buurt_ids):
        return frozenset()
    gemeenten = {index.gemeenten.get(buurt) for buurt in buurt_ids} - {None, ""}
    centres = [index.centres[buurt] for buurt in buurt_ids if buurt in index.centres]

    def near(point):
        return point is not None and any(haversine_m(*centre, *point) <= NEARBY_MAX_M for centre in centres)

    return frozenset(
        doc.id
        for doc in index.docs.values()
        if doc.type == "voorziening"
        and doc.soort in kinds
        and (index.gemeenten.get(doc.buurt_id) in gemeenten or near(index.points.get(doc.id)))
    )
