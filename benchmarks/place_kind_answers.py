"""Does a resident who asks for a kind of place in a place get a place of that kind first?

    python benchmarks/place_kind_answers.py                   # SQLite demo, the Python ranking
    DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_benchdemo python benchmarks/place_kind_answers.py
    OPENSEARCH_URL=http://127.0.0.1:9401 SEARCH_RANKING=engine python benchmarks/place_kind_answers.py

Asks every word of KINDS in every place of PLACES in every form of FORMS ("huisarts in malburgen", "is er een
dokter in duiven", "sporthal 6903") and counts the questions whose first result is not a place of the soort the
word names (search/data/plaatssoorten.txt), per form, and empty answers. Many places have no such place near
(no pharmacy in Rotterdam's demo buurt): then another kind of page first is right, so the count never reaches
0. A probe for finding faults (search/README.md, "A place asked as residents ask it"), not a judged set: no
figure of it is a target, and the dev and held-out sets stay the measure. After load_demo.
"""

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
import django  # noqa: E402

django.setup()
from wagtail.models import Locale  # noqa: E402

from search.engine import search  # noqa: E402
from search.page_types import place_kinds  # noqa: E402

KINDS = (
    "huisarts dokter apotheek bibliotheek kerk buurthuis wijkcentrum servicepunt wijkteam zorgcentrum "
    "verpleeghuis sporthal seniorenflat"
).split()
PLACES = [
    *"presikhaaf malburgen elderveld duiven zetten randwijk elst spijk zevenaar tolkamer haalderen rotterdam".split(),
    *"arnhem overbetuwe lingewaard 6825 6903 3067".split(),
    "de pas",
    "het lage land",
]
FORMS = [
    "{kind} in {place}",
    "waar is de {kind} in {place}",
    "is er een {kind} in {place}",
    "{kind} {place}",
    "{place} {kind}",
    "{kind} bij {place}",
    "{kind} in de buurt van {place}",
    "adres {kind} {place}",
    "telefoonnummer {kind} {place}",
]


def main():
    nl = Locale.objects.get(language_code="nl")
    other, empty, asked = Counter(), 0, 0
    for form in FORMS:
        for kind in KINDS:
            soorten = place_kinds([kind])
            for place in PLACES:
                asked += 1
                results = search(form.format(kind=kind, place=place), locale=nl).results
                empty += not results
                if not results or getattr(results[0].doc, "soort", "") not in soorten:
                    other[form] += 1
    for form in FORMS:
        print(f"{form:32} {other[form]:4} of {len(KINDS) * len(PLACES)}")
    print(f"first result of another kind: {sum(other.values())} of {asked} questions; empty: {empty}")


if __name__ == "__main__":
    main()
