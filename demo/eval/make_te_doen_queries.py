"""Writes demo/eval/te_doen_queries.jsonl (run: python manage.py shell < demo/eval/make_te_doen_queries.py):
Judged by one rule, written before any change: an activity in the buurt asked (on the day asked, when a day
is asked) is grade 3, one in that buurt on another day grade 1; the buurt's own page grade 2; a place
(voorziening) in the buurt grade 1. Nothing else is relevant."""

import json

from wagtail.models import Locale

from search import docindex

Q = [
    ("td01", "nl", "wat is er te doen in malburgen", "malburgen", None),
    ("td02", "nl", "wat is er te doen in zetten", "zetten", None),
    ("td03", "nl", "wat kan ik doen in spijk", "spijk", None),
    ("td04", "nl", "wat te doen in tolkamer", "tolkamer", None),
    ("td05", "nl", "wat is er in presikhaaf te doen", "presikhaaf", None),
    ("td06", "nl", "wat valt er te doen in haalderen", "haalderen", None),
    ("td07", "nl", "wat gebeurt er in randwijk", "randwijk", None),
    ("td08", "nl", "wat is er deze week in de pas", "elst-de-pas", None),
    ("td09", "nl", "iets leuks doen in stegeslag", "zevenaar-stegeslag", None),
    ("td10", "nl", "wat is er te doen op zaterdag in zetten", "zetten", 5),
    ("td11", "nl", "wat is er te doen in het lage land", "rotterdam-het-lage-land", None),
    ("td12", "nl", "activiteiten in het eilandplein", "duiven-eilandplein", None),
    ("td13", "nl", "wat is er op dinsdag in spijk te doen", "spijk", 1),
    ("td14", "nl", "wat organiseren ze in driemondplein", "elderveld-driemondplein", None),
    ("td15", "en", "what's on in malburgen", "malburgen", None),
    ("td16", "en", "things to do in presikhaaf", "presikhaaf", None),
    ("td17", "en", "what can I do in tolkamer", "tolkamer", None),
    ("td18", "tr", "Zetten'de ne var", "zetten", None),
    ("td19", "tr", "Haalderen'de neler yapılıyor", "haalderen", None),
    ("td20", "tr", "Malburgen etkinlikleri", "malburgen", None),
]
NONSENSE = [("td21", "nl", "wat is er te doen in blorfdorp")]

idx = docindex.get_index(Locale.objects.get(language_code="nl"))
rows = []
for qid, lang, query, slug, day in Q:
    buurt = next(b for b in idx.buurten.values() if b.slug == slug)
    judged = [{"type": "buurt", "slug": slug, "grade": 2}]
    for d in sorted(idx.docs.values(), key=lambda d: d.slug):
        if d.buurt_id != buurt.id or d.id == buurt.id:
            continue
        if d.type == "activiteit":
            grade = 3 if day is None or day in d.weekdays else 1
        elif d.type == "voorziening":
            grade = 1
        else:
            continue
        judged.append({"type": d.type, "slug": d.slug, "grade": grade})
    judged.sort(key=lambda j: -j["grade"])
    rows.append(
        {
            "id": qid,
            "query": query,
            "buurt": None,
            "lang": lang,
            "kind": "te-doen",
            "judgments": judged,
            "note": "What there is to do in a place (dev set, session 25; judged by the rule of make_te_doen_queries.py).",
        }
    )
for qid, lang, query in NONSENSE:
    rows.append(
        {
            "id": qid,
            "query": query,
            "buurt": None,
            "lang": lang,
            "kind": "onzin",
            "judgments": [],
            "note": "An unknown place: stays empty (dev set, session 25).",
        }
    )
with open("demo/eval/te_doen_queries.jsonl", "w") as out:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(rows))
