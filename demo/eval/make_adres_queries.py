"""Writes demo/eval/adres_queries.jsonl (run: python manage.py shell < demo/eval/make_adres_queries.py):
residents who look a place up by its address ("vlierbesstraat 14") or its street ("kribbenweg").

The questions: every third Dutch place with an address, by slug; the even ones asked as street and number,
the odd ones as the street alone. Judged by one rule, written before any change: for street and number,
the place at that address is grade 3 and another place in that street grade 2; for a street alone, every
place in it is grade 3; an activity held at a graded place is grade 1. Nothing else is relevant. One
unknown street must stay empty."""

import json
import re

from activiteiten.models import ActiviteitPage, VoorzieningPage

STREET = re.compile(r"^(?P<street>\D+?)\s*(?P<number>\d+\w*)?$")


def parts(adres):
    match = STREET.match(adres.strip())
    return (match["street"].strip().lower(), (match["number"] or "").lower()) if match else (adres.lower(), "")


places = [p for p in VoorzieningPage.objects.filter(locale__language_code="nl", live=True).order_by("slug") if p.adres]
held = {}
for activity in ActiviteitPage.objects.filter(locale__language_code="nl", live=True).exclude(voorziening=None):
    held.setdefault(activity.voorziening_id, []).append(activity.slug)

rows = []
for n, place in enumerate(places[::3]):
    street, number = parts(place.adres)
    with_number = n % 2 == 0 and number
    query = f"{street} {number}" if with_number else street
    judged = {}
    for other in places:
        other_street, other_number = parts(other.adres)
        if other_street != street:
            continue
        grade = 3 if not with_number or other_number == number else 2
        judged[("voorziening", other.slug)] = grade
        for slug in held.get(other.pk, []):
            judged.setdefault(("activiteit", slug), 1)
    rows.append(
        {
            "id": f"ad{n + 1:02d}",
            "query": query,
            "buurt": None,
            "lang": "nl",
            "kind": "adres",
            "judgments": sorted(
                ({"type": t, "slug": s, "grade": g} for (t, s), g in judged.items()),
                key=lambda j: (-j["grade"], j["slug"]),
            ),
            "note": "A place looked up by its address (dev set, session 26; judged by the rule of make_adres_queries.py).",
        }
    )
rows.append(
    {
        "id": f"ad{len(rows) + 1:02d}",
        "query": "blorfstraat 12",
        "buurt": None,
        "lang": "nl",
        "kind": "onzin",
        "judgments": [],
        "note": "An unknown street: stays empty (dev set, session 26).",
    }
)
with open("demo/eval/adres_queries.jsonl", "w") as out:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(rows))
