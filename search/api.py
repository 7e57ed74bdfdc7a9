"""JSON search for partners and for measuring: GET /api/zoeken/?q=…&buurt=…&type=…&lang=tr.

The same engine and ranking as the HTML page; at most 20 results; never an error for odd input.
"""

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from . import answers, engine, querylog
from .docindex import get_index
from .engine_rank import add_snippets

LANG_MAX = 10  # a language code is short: more is not one


@require_GET
def search(request):
    # Any language of the site (nl, en, tr, ar); another or none: Dutch, never an error.
    # Looked up among the site's locales, not in a query: any text can come in (PostgreSQL refuses a NUL).
    code = request.GET.get("lang", "").strip().lower()[:LANG_MAX]
    locale = next((one for one in Locale.objects.all() if one.language_code == code), None) or Locale.get_default()
    lang = locale.language_code
    question = tuple(request.GET.get(name, "")[:5000] for name in ("q", "buurt", "type"))
    key = ("json", lang, locale.pk, get_index(locale).generation, question)
    answer = answers.kept(key, lambda: _answer(request, locale, lang))
    querylog.record_query(answer.query, lang, answer.found)
    response = HttpResponse(answer.content, content_type=answer.content_type)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _answer(request, locale, lang):
    with translation.override(lang):
        outcome = engine.search(
            request.GET.get("q", ""),
            locale=locale,
            buurt=request.GET.get("buurt", ""),
            type=request.GET.get("type", ""),
            limit=engine.API_RESULTS,
            lazy=True,
        )
    results = engine.shown(outcome.index, outcome.results)
    add_snippets(outcome.engine_clause, results)
    # The numbers of the results page (engine.search): every answer, per type and per buurt (slug), of the
    # chosen buurt and type; `results` holds the first API_RESULTS of them.
    counts = {"types": outcome.type_counts, "buurten": {b.slug: n for b, n in outcome.buurt_counts}}
    # Nothing found, and some words are on no page: the question without them and what it finds, to offer
    # (the results page does the same); null otherwise.
    asked = engine.asked_without_unfound(outcome)
    without = {"query": asked[0], "total": asked[1].answers} if asked else None
    data = JsonResponse(
        {
            "query": outcome.query,
            "total": outcome.total,
            "counts": counts,
            "unfound": [one.as_json() for one in outcome.unfound],
            "without": without,
            "results": [r.as_json() for r in results],
        }
    )
    return answers.Answer(data.content, data["Content-Type"], outcome.query, bool(results))
