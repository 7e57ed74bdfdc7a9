"""How long one search's engine requests take (issue 12): the counts and the best pages in one msearch
(search/engine_request.py), with and without the buurt aggregation and with the checks of the asked words
(engine_rank.word_checks, in the same msearch since 27 Nov 2026); highlighting all best pages in that
request (not done: measured here to show why); and the snippets request for the ten results on show.

Run against an indexed database (one process, one client, median of --repeat):

    DATABASE_URL=… OPENSEARCH_URL=… SEARCH_INDEX_PREFIX=… python manage.py shell -c \\
        "exec(open('benchmarks/search_engine_request.py').read())"

Prints one line per question and request: the median in ms and the number of matches.
"""

import statistics
import time

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search import docindex, engine_request
from search.engine_rank import RANKED_MAX, question, word_checks
from search.searched import searched_pages

QUESTIONS = ["koffie", "bewegen", "iets te doen op zondagmiddag", "wmo", "hoffie"]  # hoffie: a word no page has
REPEAT = 5


SHOWN = 10  # results on one page (search/views.py)


def timed(backend, bodies):
    times, answer = [], None
    for _ in range(REPEAT):
        start = time.perf_counter()
        answer = engine_request.ask(backend, bodies)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, answer


backend = get_search_backend()
nl = Locale.get_default()
index = docindex.get_index(nl)
buurten = list(index.buurten.values())
for text in QUESTIONS:
    asked = question(text, index, nl)
    clause = backend.query_compiler_class(searched_pages(nl), asked).get_query()
    _forms, checks = word_checks(backend.query_compiler_class, asked, searched_pages(nl))
    count = engine_request.count_body(clause, buurten)
    rank = engine_request.rank_body(clause, RANKED_MAX)
    highlighted = {**rank, "highlight": engine_request.snippet_body(clause, [])["highlight"]}
    shown = [pk for pk, _score in engine_request.ranked_ids(engine_request.ask(backend, [rank])[0])][:SHOWN]
    for name, bodies in [
        ("counts without the buurt aggregation", [engine_request.count_body(clause, [])]),
        ("counts", [count]),
        ("counts + best pages", [count, rank]),
        (f"counts + best pages + {len(checks)} word checks", [count, rank, *checks]),
        ("counts + best pages, all highlighted", [count, highlighted]),
        (f"snippets of the first {SHOWN}", [engine_request.snippet_body(clause, shown)]),
    ]:
        ms, answer = timed(backend, bodies)
        print(f"{text:30} {name:38} {ms:6.0f} ms  {answer[0]['hits']['total']['value']:>7} matches")
