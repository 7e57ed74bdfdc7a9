"""The search page /zoeken/ (HTML). The ranking itself lives in search.engine."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Locale

from home import params

from . import answers, engine, page_types, populair, querylog, ranking
from .docindex import get_index
from .engine_rank import add_snippets
from .question import question_words
from .text import stopwords

PER_PAGE = 10


def _link(query, **params):
    data = {"q": query}
    data.update({k: v for k, v in params.items() if v})
    return "?" + urlencode(data)


def _servicepunten(outcome):
    """The servicepunten to call: of the chosen buurt or the place in the query, else all."""
    index = outcome.index
    wanted = set()
    if outcome.buurt:
        wanted = {outcome.buurt.id}
    elif outcome.analysis and outcome.analysis.place_buurt_ids:
        wanted = set(outcome.analysis.place_buurt_ids)
    punten = [d for d in index.docs.values() if d.type == "voorziening" and d.soort == "servicepunt" and d.telefoon]
    chosen = [d for d in punten if d.buurt_id in wanted] if wanted else []
    return sorted(chosen or punten, key=lambda d: (d.buurt_title, d.title))


def _without_unfound(outcome, buurt_slug):
    """The question without its words no page has, when that finds something (engine.asked_without_unfound):
    {"query", "count", "words", "url"} for the "nothing found" box, else None."""
    asked = engine.asked_without_unfound(outcome)
    if asked is None:
        return None
    rest, found = asked
    url = _link(rest, buurt=buurt_slug, type=outcome.type)
    return {"query": rest, "count": found.answers, "words": len(outcome.unfound), "url": url}


def search(request):
    """The page, or the same page kept a short while ago for the same question (see search.answers)."""
    language = (get_language() or "nl")[:2]
    locale = Locale.get_active()
    question = tuple(request.GET.get(name, "")[:5000] for name in ("q", "buurt", "type", "page"))
    key = ("html", language, locale.pk, get_index(locale).generation, request.user.is_authenticated, question)
    answer = answers.kept(key, lambda: _answer(request))
    querylog.record_query(answer.query, language, answer.found)
    return HttpResponse(answer.content, content_type=answer.content_type)


def _answer(request):
    response = _search(request)
    response.render()
    context = response.context_data
    return answers.Answer(response.content, response["Content-Type"], context["query"], bool(context["total"]))


def _search(request):
    # Every answer, ten to a page, so that the counts per type and buurt match what one can page through.
    # When the engine ranks, the counts are of every match and the list holds its best RANKED_MAX
    # (engine_rank): the page then says so and points to the choice of a type or buurt.
    outcome = engine.search(
        request.GET.get("q", ""),
        buurt=request.GET.get("buurt", ""),
        type=request.GET.get("type", ""),
        limit=ranking.RANKED_MAX,
        lazy=True,
    )
    paginator = Paginator(outcome.results, PER_PAGE)
    page = paginator.get_page(params.page_number(request.GET, "page").value)
    page.object_list = engine.shown(outcome.index, page.object_list)
    engine.add_next_dates(page.object_list)
    add_snippets(outcome.engine_clause, page.object_list)
    q = outcome.query
    buurt_slug = outcome.buurt.slug if outcome.buurt else ""
    type_links = [
        {"type": "", "count": sum(outcome.type_counts.values()), "url": _link(q, buurt=buurt_slug)},
        *(
            {"type": t, "count": n, "url": _link(q, buurt=buurt_slug, type=t)}
            for t, n in outcome.type_counts.items()
            if n
        ),
    ]
    buurt_links = [
        {"buurt": b, "count": n, "url": _link(q, buurt=b.slug, type=outcome.type)} for b, n in outcome.buurt_counts
    ]
    context = {
        "query": q,
        "outcome": outcome,
        "results": page,
        "total": outcome.answers,
        "shown": paginator.count,
        "type_links": type_links,
        "buurt_links": buurt_links,
        "all_buurten_url": _link(q, type=outcome.type),
        "page_links": {
            "previous": _link(q, buurt=buurt_slug, type=outcome.type, page=page.previous_page_number())
            if page.has_previous()
            else "",
            "next": _link(q, buurt=buurt_slug, type=outcome.type, page=page.next_page_number())
            if page.has_next()
            else "",
        },
    }
    if q and page_types.asks_only_what_is_on(question_words(q, outcome.index.locale), stopwords()):
        # "wat is er te doen", "what's on": no word to search for (what is found has the words by chance),
        # and no spelling to check. The agenda lists every activity, in the buurt chosen when there is one.
        agenda = reverse("agenda")
        context["agenda_url"] = f"{agenda}?{urlencode({'buurt': buurt_slug})}" if buurt_slug else agenda
    if q and not outcome.results:
        context["servicepunten"] = _servicepunten(outcome)
        context["popular"] = populair.for_page(Locale.get_active(), leave_out=q)
        if "agenda_url" not in context:
            context["without"] = _without_unfound(outcome, buurt_slug)
    return TemplateResponse(request, "search/search.html", context)
