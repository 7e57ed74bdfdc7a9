"""Lists of places (voorzieningen): on a buurt page and site-wide (/voorzieningen/), with two filters.

GET parameters (plain links, no JavaScript): ``nu_open=ja`` (open at this moment) and ``toegang`` (an
accessibility item answered "ja"; more than one allowed) and, site-wide, ``pagina``. A wrong value gives a
message in the reader's language, never an error page. The open-now text of each place is worked out per
request (activiteiten/open_nu.py); ``open_nu.earliest_change`` tells a page cache how long a list holds.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home import params

from . import agenda
from .open_nu import Week, status
from .toegankelijkheid import ITEM_CHOICES, JA, parse_toegankelijk

# Places per page of the site-wide list: a long list on a phone is still easy to scroll.
PER_PAGE = 50
PREFETCH = ("openingstijden", "sluitingsperiodes", "toegankelijkheid_items")
JA_VALUES = ("ja", "1", "on")


@dataclass
class PlekFilters:
    nu_open: bool = False
    toegang: list = field(default_factory=list)
    pagina: int = 1
    errors: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.nu_open or self.toegang)

    def params(self, **changes):
        values = {"nu_open": "ja" if self.nu_open else "", "toegang": self.toegang, "pagina": ""}
        values.update(changes)
        return "?" + urlencode({k: v for k, v in values.items() if v}, doseq=True)


def parse_plek_filters(get):
    f = PlekFilters()
    value = get.get("nu_open", "").strip().lower()
    if value in JA_VALUES:
        f.nu_open = True
    elif value:
        f.errors.append(
            _("‘%(value)s’ kennen we niet bij ‘nu open’. Gebruik het vakje.") % {"value": params.shown(value)}
        )
    f.toegang, errors = parse_toegankelijk(get, "toegang")
    f.errors.extend(errors)
    pagina = params.page_number(get, "pagina")
    f.pagina = pagina.value
    if pagina.error:
        f.errors.append(pagina.error)
    return f


def _has_all(place, codes):
    answered = {row.item for row in place.toegankelijkheid_items.all() if row.antwoord == JA}
    return all(code in answered for code in codes)


def filtered(places, f, now):
    """[(place, Status or None)] of the places that pass the filters, in the given order."""
    result = []
    for place in places:
        if f.toegang and not _has_all(place, f.toegang):
            continue
        state = status(place, now, Week(place))
        if f.nu_open and (state is None or not state.open):
            continue
        result.append((place, state))
    return result


def plekken_context(request, places):
    """The context of the places list (include activiteiten/plekken_lijst.html)."""
    f = parse_plek_filters(request.GET)
    rows = filtered(places, f, agenda.now())  # the agenda's clock, which tests can set
    return {"plekken": rows, "plek_filters": f, "toegankelijk_choices": ITEM_CHOICES}


def plekken_overzicht(request):
    """/voorzieningen/: every live place of the site in the reader's language, with the same filters."""
    from .models import VoorzieningPage

    places = (
        VoorzieningPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .order_by("title")
        .prefetch_related(*PREFETCH)
    )
    context = plekken_context(request, list(places))
    f = context["plek_filters"]
    rows = context["plekken"]
    offset = (f.pagina - 1) * PER_PAGE
    context["plekken"] = rows[offset : offset + PER_PAGE]
    context["plekken_totaal"] = len(rows)
    context["next_url"] = f.params(pagina=f.pagina + 1) if len(rows) > offset + PER_PAGE else ""
    context["prev_url"] = f.params(pagina=f.pagina - 1 if f.pagina > 2 else "") if f.pagina > 1 else ""
    return render(request, "activiteiten/plekken_page.html", context)
