"""Does a resident who leaves out one letter of a common word get the pages of that word?

    python benchmarks/typo_answers.py                         # SQLite demo, the Python ranking
    DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_benchdemo python benchmarks/typo_answers.py
    OPENSEARCH_URL=http://127.0.0.1:9401 SEARCH_RANKING=engine python benchmarks/typo_answers.py

For each word of WORDS (common words of the demo's pages and of residents' questions) it asks every form
with one inner letter left out ("huisats", "koffe") and counts an answer as wrong when its first three
results share no page with the first three of the word itself. Prints the wrong ones and the count; asserts
nothing. A probe for finding faults (search/README.md, "Typos that looked like words"), not a judged set:
no figure of it is a target, and the dev and held-out sets stay the measure. After load_demo.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
import django  # noqa: E402

django.setup()
from wagtail.models import Locale  # noqa: E402

from search.engine import search  # noqa: E402

WORDS = (
    "huisarts apotheek wandelen koffie mantelzorg dementie buurthuis fysiotherapeut ouderenadviseur "
    "vrijwilliger maaltijd boodschappen spreekuur thuiszorg wijkverpleging bibliotheek klaverjassen "
    "gymnastiek valpreventie rollator"
).split()
FIRST = 3  # the results a resident reads without scrolling on a phone


def first_pages(query, locale):
    return {result.doc.id for result in search(query, locale=locale).results[:FIRST]}


def main():
    nl = Locale.objects.get(language_code="nl")
    wrong = asked = 0
    for word in WORDS:
        meant = first_pages(word, nl)
        for typo in sorted({word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)} - set(WORDS)):
            asked += 1
            outcome = search(typo, locale=nl)
            if not {r.doc.id for r in outcome.results[:FIRST]} & meant:
                wrong += 1
                print(f"{word:16} {typo:16} {outcome.total:3} {[r.doc.slug for r in outcome.results[:FIRST]]}")
    print(f"wrong: {wrong} of {asked} typed forms")


if __name__ == "__main__":
    main()
