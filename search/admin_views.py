"""Admin reports for communitymanagers: what residents search for, and what they do not find.

Only communitymanagers and the Beheerder see them (welzijnswerkers and the glossary editors do not).
"Meest gezocht" lists each term per language, with a button to put it on the list of popular searches
(search/populair_admin.py) for those who may (the Beheerder). "Zonder resultaat" advises each reader only what
they may do (a search promotion: the Beheerder; another word for a begrip: the glossary editors), else whom to ask.
The query log is not kept per buurt (the search box searches the whole site), so every
communitymanager sees the same site-wide list; it holds no personal data.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from home.params import whole_number
from redactie.groups import is_beheerder, is_glossary_editor
from redactie.models import RedactieGroep
from woordenlijst.models import WoordenlijstPage

from . import populair, querylog

PERIODS = [(7, _("7 dagen")), (30, _("30 dagen")), (90, _("90 dagen")), (365, _("een jaar"))]


def period(data):
    """The report's period in days from its query string (or the add button's form); 30 unless valid."""
    days = whole_number(data.get("dagen", ""))
    return days if days in dict(PERIODS) else 30


def may_see_reports(user):
    if not user.is_authenticated:
        return False
    return is_beheerder(user) or RedactieGroep.objects.filter(rol="communitymanager", group__user=user).exists()


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


def _report(request, *, without_results, title, explanation, url_name, per_language=False, advice=None):
    if not may_see_reports(request.user):
        raise PermissionDenied
    days = period(request.GET)
    rows = querylog.top_queries(days=days, without_results=without_results, limit=100, per_language=per_language)
    if per_language:
        _mark_popular(rows)
    periods = [
        {"days": d, "label": label, "url": f"{reverse(url_name)}?dagen={d}", "current": d == days}
        for d, label in PERIODS
    ]
    return TemplateResponse(
        request,
        "search/admin/report.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "search",
            "explanation": explanation,
            "advice": advice(request.user) if advice else [],
            "rows": rows,
            "periods": periods,
            "days": days,
            "without_results": without_results,
            "search_url": reverse("search"),
            "per_language": per_language,
            "may_add_popular": per_language and populair.may_add(request.user),
        },
    )


def _mark_popular(rows):
    """Each row gets its language's name and whether it is on the list of popular searches already."""
    names = dict(settings.LANGUAGES)
    listed = populair.on_list()
    for row in rows:
        row["taal_naam"] = names.get(row["taal"], row["taal"])
        row["op_de_lijst"] = (row["zoekterm"], row["taal"]) in listed
        row["kan_op_de_lijst"] = row["taal"] in names


def advice_without_results(user):
    """What this reader can do about a search without results: only what they may do themselves, and otherwise
    whom to ask. Every reader of the report may add pages (a communitymanager in their own buurt)."""
    advice = [{"text": _("Ontbreekt er iets? Voeg een pagina toe.")}]
    if is_glossary_editor(user):
        lijst = WoordenlijstPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default()).first()
        advice.append(
            {
                "text": _("Is het een ander woord voor een begrip? Zet het bij ‘Andere woorden’ van dat begrip."),
                "url": reverse("wagtailadmin_explore", args=[lijst.pk]) if lijst else None,
                "link": _("Naar de Woordenlijst"),
            }
        )
    else:
        advice.append(
            {
                "text": _(
                    "Is het een ander woord voor een begrip? Vraag de Woordenlijst-redactie om het erbij te zetten."
                )
            }
        )
    if user.has_perm("wagtailsearchpromotions.add_searchpromotion"):
        advice.append(
            {
                "text": _(
                    "Moet een zoekwoord naar één pagina leiden? Maak een aanbeveling in het menu Instellingen, "
                    "bij Uitgelichte zoekresultaten."
                ),
                "url": reverse("wagtailsearchpromotions:add"),
                "link": _("Maak een aanbeveling"),
            }
        )
    else:
        advice.append({"text": _("Moet een zoekwoord naar één pagina leiden? Vraag de Beheerder om een aanbeveling.")})
    return advice


def zonder_resultaat(request):
    return _report(
        request,
        without_results=True,
        title=_("Zoekopdrachten zonder resultaat"),
        explanation=_("Hier zoeken bewoners naar, maar ze vinden niets. Wat kun je doen?"),
        advice=advice_without_results,
        url_name="search_report_zonder_resultaat",
    )


def meest_gezocht(request):
    return _report(
        request,
        without_results=False,
        title=_("Meest gezocht"),
        explanation=_(
            "Dit zoeken bewoners het vaakst, per taal. Een goede zoekvraag kun je op de lijst Populaire "
            "zoekvragen zetten. Bewoners zien die lijst als ze niets vinden."
        ),
        url_name="search_report_meest_gezocht",
        per_language=True,
    )
