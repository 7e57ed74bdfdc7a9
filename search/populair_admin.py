"""Admin: the list of popular searches as a snippet, and "Op de lijst zetten" in the report "Meest gezocht".

Who may edit the list: the Beheerder (all rights, redactie/groups.py), as for every site-wide snippet (postcodes,
partner feeds, search promotions). A communitymanager edits one buurt and has no site-wide snippets: they see the
report, without the button. The Woordenlijst-redactie does not see the report (the query log is for
communitymanagers and the Beheerder only, tests/test_trust_admin_scope.py), so the list is not theirs either.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.actions.create import CreateAction
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import PopulaireZoekvraag


class PopulaireZoekvraagViewSet(SnippetViewSet):
    model = PopulaireZoekvraag
    icon = "search"
    menu_label = gettext_lazy("Populaire zoekvragen")
    list_display = ["zoekvraag", "locale"]
    list_filter = ["locale"]
    search_fields = ["zoekvraag"]


@require_POST
def toevoegen(request):
    """Put one term of the report on the list of its language. The report's button posts here (with CSRF);
    CreateAction checks the "add" permission (refused without it), validates, places the term last and logs
    it like the snippet editor."""
    zoekvraag = request.POST.get("zoekvraag", "")
    taal = request.POST.get("taal", "")
    back = f"{reverse('search_report_meest_gezocht')}?dagen={admin_views.period(request.POST)}"
    locale = Locale.objects.filter(language_code=taal).first()
    instance = PopulaireZoekvraag(zoekvraag=zoekvraag, locale=locale)
    if locale is None:
        # Checked here first: CreateAction's validation would name a field that is not on this page.
        CreateAction(instance, user=request.user).check()
        messages.error(request, _("Deze taal staat niet op de website: ‘%(taal)s’.") % {"taal": taal[:10]})
        return redirect(back)
    try:
        CreateAction(instance, user=request.user).execute()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(
        request,
        _("‘%(zoekvraag)s’ staat nu op de lijst Populaire zoekvragen (%(taal)s).")
        % {"zoekvraag": instance.zoekvraag, "taal": locale.get_display_name()},
    )
    return redirect(back)
