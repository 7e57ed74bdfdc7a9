"""JSON search for partners and for measuring: GET /api/zoeken/?q=…&buurt=…&type=…&lang=en.

The same engine and ranking as the HTML page; at most 20 results; never an error for odd input.
"""

from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from . import engine, querylog


@require_GET
def search(request):
    lang = "en" if request.GET.get("lang", "").strip().lower() == "en" else "nl"
    locale = Locale.objects.filter(language_code=lang).first() or Locale.get_default()
    with translation.override(lang):
        outcome = engine.search(
            request.GET.get("q", ""),
            locale=locale,
            buurt=request.GET.get("buurt", ""),
            type=request.GET.get("type", ""),
            limit=engine.API_RESULTS,
        )
    querylog.record(outcome, lang)
    response = JsonResponse({"query": outcome.query, "results": [r.as_json() for r in outcome.results]})
    response["Access-Control-Allow-Origin"] = "*"
    return response
