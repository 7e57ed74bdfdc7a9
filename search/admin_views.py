"""Admin reports for communitymanagers: what residents search for, and what they do not find.

Only communitymanagers and the Beheerder see them (welzijnswerkers and the glossary editors do not).
The query log is not kept per buurt (the search box searches the whole site), so every
communitymanager sees the same site-wide list; it holds no personal data.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem

from home.params import whole_number
from redactie.groups import is_beheerder
from redactie.models import RedactieGroep

from . import querylog

PERIODS = [(7, _("7 dagen")), (30, _("30 dagen")), (90, _("90 dagen")), (365, _("een jaar"))]


def _period(request):
    days = whole_number(request.GET.get("dagen", ""))
    return days if days in dict(PERIODS) else 30


def may_see_reports(user):
    if not user.is_authenticated:
        return False
    return is_beheerder(user) or RedactieGroep.objects.filter(rol="communitymanager", group__user=user).exists()


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


def _report(request, *, without_results, title, explanation, url_name):
    if not may_see_reports(request.user):
        raise PermissionDenied
    days = _period(request)
    rows = querylog.top_queries(days=days, without_results=without_results, limit=100)
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
            "rows": rows,
            "periods": periods,
            "days": days,
            "without_results": without_results,
            "search_url": reverse("search"),
        },
    )


def zonder_resultaat(request):
    return _report(
        request,
        without_results=True,
        title=_("Zoekopdrachten zonder resultaat"),
        explanation=_(
            "Hier zoeken bewoners naar, maar ze vinden niets. Voeg een pagina toe, "
            "zet een ander woord bij een begrip, of maak een aanbeveling bij Zoekaanbevelingen."
        ),
        url_name="search_report_zonder_resultaat",
    )


def meest_gezocht(request):
    return _report(
        request,
        without_results=False,
        title=_("Meest gezocht"),
        explanation=_("Dit zoeken bewoners het vaakst."),
        url_name="search_report_meest_gezocht",
    )
