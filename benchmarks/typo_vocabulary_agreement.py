"""Does the database find the same corrections as a scan of the whole word list?

    DATABASE_URL=sqlite:////tmp/h3-eval.sqlite3 python benchmarks/typo_vocabulary_agreement.py
    DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_h3 python benchmarks/typo_vocabulary_agreement.py

For every SAMPLE_STEP-th Dutch vocabulary word of TYPO_MIN_LENGTH letters or more it makes three typos (two
neighbouring letters swapped, one letter left out, one letter doubled), asks search.vocabulary.nearest and
compares the answer with rapidfuzz over ALL words of the language (what the per-process list did). On SQLite
they agree by construction (the length filter loses no word the cutoff keeps); on PostgreSQL the pg_trgm
candidates can miss a word. Prints figures; asserts nothing. After load_demo (it fills the vocabulary).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
import django  # noqa: E402

django.setup()
from django.db import connection  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from search import vocabulary  # noqa: E402
from search.models import Zoekwoord  # noqa: E402
from search.vocabulary import TYPO_MIN_LENGTH  # noqa: E402

SAMPLE_STEP = 25  # every 25th word: about 100 words, 300 typos on the demo


def typos(word):
    middle = len(word) // 2
    return [
        word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :],
        word[:middle] + word[middle + 1 :],
        word[:middle] + word[middle] + word[middle:],
    ]


nl = Locale.get_default()
everything = sorted(Zoekwoord.objects.filter(locale=nl).values_list("woord", flat=True))
sample = [w for w in everything if len(w) >= TYPO_MIN_LENGTH and w.isalpha()][::SAMPLE_STEP]
same_first = same_all = total = 0
started = time.perf_counter()
for word in sample:
    for typo in typos(word):
        if typo in everything:
            continue
        total += 1
        found = vocabulary.nearest(typo, nl)
        hits = process.extract(typo, everything, scorer=fuzz.ratio, score_cutoff=vocabulary.SCORE_CUTOFF, limit=3)
        reference = [(hit, score / 100) for hit, score, _i in hits]
        same_first += found[:1] == reference[:1]
        same_all += found == reference
elapsed = time.perf_counter() - started
print(f"database: {connection.vendor}; vocabulary (nl): {len(everything)} words; typos asked: {total}")
print(f"same first correction as the full scan: {same_first}/{total} ({same_first / total:.1%})")
print(f"same three corrections and scores:      {same_all}/{total} ({same_all / total:.1%})")
print(f"nearest(): {1000 * elapsed / total:.1f} ms per typo (with the full scan it is compared with)")
