"""How many judged-relevant pages (grade >= 2) are among the search backend's top N candidates?

    python benchmarks/search_candidates_recall.py demo/eval/dev_queries.jsonl
    OPENSEARCH_URL=http://127.0.0.1:9201 python benchmarks/search_candidates_recall.py FILE   # after update_index

The query sent is the engine's own expanded query (search.ranking._backend_ranks sends the same). The
figure says whether ranking only the backend's candidates (the plan in docs/search-scale.md) would lose
recall. Prints figures; asserts nothing.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
import django  # noqa: E402

django.setup()
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.query import PlainText  # noqa: E402

from search.docindex import get_index  # noqa: E402
from search.evaluation import read_queries  # noqa: E402
from search.query_understanding import analyse  # noqa: E402

loc = Locale.get_default()
index = get_index(loc)
key_of = {(d.type, d.slug): d.id for d in index.docs.values()}
for N in (50, 100, 200, 500):
    found = total = 0
    for q in read_queries(sys.argv[1]):
        rel = [key_of.get(k) for k, g in q.grades.items() if g >= 2]
        rel = [r for r in rel if r]
        if not rel:
            continue
        a = analyse(q.query, index)
        words = a.backend_words()
        if not words:
            continue
        res = get_search_backend().search(
            PlainText(" ".join(words[:16]), operator="or"), Page.objects.live().filter(locale=loc)
        )[:N]
        ids = {p.pk for p in res}
        found += sum(1 for r in rel if r in ids)
        total += len(rel)
    print(f"N={N}: {found}/{total} relevant pages among the backend's candidates ({found / total:.3f})")
