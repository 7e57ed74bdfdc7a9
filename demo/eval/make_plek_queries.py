"""Writes demo/eval/plek_queries.jsonl (run: python manage.py shell < demo/eval/make_plek_queries.py):
residents who ask for a kind of place near them ("apotheek 6846", "huisarts 6825 HK", "doktor zevenaar",
"waar is de dichtstbijzijnde bibliotheek bij 6832").

The questions: every Dutch place of a soort residents name (SOORT_WORDS), by slug; the n-th place is asked
for with the n-th form of FORMS (its postcode area, its full postcode, its town, a question) and, for the
soorten with words in other languages, in the n-th language. Judged by one rule, written before any change:
the places of that soort (and of the soorten the same word names, ALSO) in the area named are grade 3 (for a postcode: in a buurt whose page lists the
area, or with a postcode in it; for a town: with that plaats); places of that soort elsewhere in the same
gemeente are grade 1 (nearby, but not where asked). Nothing else is relevant. Two questions name an area
the portal does not cover and must stay empty."""

import json

from activiteiten.models import BuurtPage, VoorzieningPage

# What a resident calls the soort, per language; only the soorten with words in search/data/plaatssoorten.txt
# (Dutch) and vertaalwoorden.txt (the others).
SOORT_WORDS = {
    "huisarts": {"nl": "huisarts", "en": "doctor", "tr": "doktor", "ar": "طبيب"},
    "apotheek": {"nl": "apotheek", "en": "pharmacy", "tr": "eczane", "ar": "صيدلية"},
    "bibliotheek": {"nl": "bibliotheek", "en": "library", "tr": "kütüphane", "ar": "مكتبة"},
    "buurthuis": {"nl": "buurthuis"},
    "wijkteam": {"nl": "wijkteam"},
    "servicepunt": {"nl": "servicepunt"},
    "zorglocatie": {"nl": "zorgcentrum"},
    "kerk": {"nl": "kerk"},
    "sportaccommodatie": {"nl": "sporthal"},
}
# A word that names more than one soort (plaatssoorten.txt: "buurthuis => buurthuis, mfc"): those too.
ALSO = {"buurthuis": {"mfc"}}
LANGUAGES = ["nl", "en", "tr", "ar"]
FORMS = {
    "nl": [
        "{word} {area}",
        "{word} in {town}",
        "{word} {postcode}",
        "waar is de dichtstbijzijnde {word} bij {area}",
        "{word} in de buurt van {town}",
    ],
    "en": ["{word} {area}", "{word} in {town}", "{word} near {postcode}"],
    "tr": ["{word} {area}", "{town} {word}", "{word} {postcode}"],
    "ar": ["{word} {area}", "{word} في {town}", "{word} {postcode}"],
}

buurten = {b.pk: b for b in BuurtPage.objects.filter(locale__language_code="nl", live=True)}
places = [
    p
    for p in VoorzieningPage.objects.filter(locale__language_code="nl", live=True).order_by("slug")
    if (p.soort in SOORT_WORDS or p.soort in set().union(*ALSO.values())) and p.postcode and p.plaats
]
asked_places = [p for p in places if p.soort in SOORT_WORDS]


def buurt_of(place):
    return next((b for b in buurten.values() if place.path.startswith(b.path)), None)


def area_places(soort, area=None, town=None):
    """The places of `soort` in a postcode area (by their buurt's list or their own postcode) or a town."""
    found = []
    for other in places:
        if other.soort not in {soort} | ALSO.get(soort, set()):
            continue
        buurt = buurt_of(other)
        if area and (other.postcode.startswith(area) or (buurt and area in buurt.postcode_list())):
            found.append(other)
        elif town and other.plaats.lower() == town:
            found.append(other)
    return found


rows = []
for n, place in enumerate(asked_places):
    words = SOORT_WORDS[place.soort]
    lang = LANGUAGES[n % len(LANGUAGES)] if len(words) > 1 else "nl"
    form = FORMS[lang][n % len(FORMS[lang])]
    area, town, postcode = place.postcode[:4], place.plaats.lower(), place.postcode.upper()
    if "{postcode}" in form and " " not in postcode:
        postcode = f"{postcode[:4]} {postcode[4:]}"
    query = form.format(word=words[lang], area=area, town=town, postcode=postcode)
    named = area_places(place.soort, town=town) if "{town}" in form else area_places(place.soort, area=area)
    gemeente = buurt_of(place).gemeente if buurt_of(place) else None
    judged = {other.slug: 3 for other in named}
    for other in places:
        same_kind = other.soort in {place.soort} | ALSO.get(place.soort, set())
        if same_kind and other.slug not in judged and buurt_of(other) and buurt_of(other).gemeente == gemeente:
            judged[other.slug] = 1
    rows.append(
        {
            "id": f"pk{n + 1:02d}",
            "query": query,
            "buurt": None,
            "lang": lang,
            "kind": "plek",
            "judgments": sorted(
                ({"type": "voorziening", "slug": slug, "grade": grade} for slug, grade in judged.items()),
                key=lambda j: (-j["grade"], j["slug"]),
            ),
            "note": "A kind of place near the resident (dev set, session 27; judged by the rule of make_plek_queries.py).",
        }
    )
for query in ("apotheek 9999", "huisarts in groningen"):
    rows.append(
        {
            "id": f"pk{len(rows) + 1:02d}",
            "query": query,
            "buurt": None,
            "lang": "nl",
            "kind": "onzin",
            "judgments": [],
            "note": "An area the portal does not cover: stays empty (dev set, session 27).",
        }
    )
with open("demo/eval/plek_queries.jsonl", "w") as out:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(rows))
