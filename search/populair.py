"""The popular searches on the public pages: only the list editors keep (PopulaireZoekvraag), never the log.

Residents' own searches (the query log, search/querylog.py) only reach the admin report "Meest gezocht",
where an editor may put one on the list with one click (search/populair_admin.py). A term shows only in
its own language; a language without terms shows none (no fallback to another language or to the log).
"""

from wagtail.permissions import policy_registry

from .models import PopulaireZoekvraag

# How many terms a page shows, in the editors' order: a short list an older reader takes in at a glance.
SHOWN = 6


def for_page(locale, leave_out=""):
    """The terms to show in this locale, without the one just searched for (`leave_out`)."""
    left_out = leave_out.lower()
    terms = PopulaireZoekvraag.objects.filter(locale=locale).values_list("zoekvraag", flat=True)
    return [term for term in terms if term.lower() != left_out][:SHOWN]


def on_list():
    """{(lower-case term, language code)} of every term on the list, to mark them in the report."""
    rows = PopulaireZoekvraag.objects.values_list("zoekvraag", "locale__language_code")
    return {(term.lower(), code) for term, code in rows}


def may_add(user):
    return policy_registry.get_by_type(PopulaireZoekvraag).user_has_permission(user, "add")
