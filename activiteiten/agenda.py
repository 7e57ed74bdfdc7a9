"""The agenda: site-wide (/agenda/) and on each BuurtPage, read from the occurrence table.

Filters are plain GET parameters (shareable links, no JavaScript):
``categorie``, ``dag`` (ma … zo, more than one allowed), ``voor`` (doelgroep), ``gratis=ja``,
``toegankelijk`` (accessibility items, more than one allowed; ``ja`` from older links means drempelvrij), ``taal`` (a spoken language, an ISO 639 code of activiteiten/talen.py),
``buurt`` (site-wide only, a buurt slug), ``periode`` (vandaag, deze-week,
volgende-week, later) and ``pagina``. A wrong value gives a Dutch message, never an error page.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from home import params

from .codetags import tag_lookup
from .doelgroepen import IEDEREEN, doelgroep_choices
from .occurrences import PAGE_HORIZON_DAYS, compute, exceptions, listing
from .openingstijden import DAG_CHOICES, DAGEN
from .recurrence import AMSTERDAM
from .rrule_text import describe
from .talen import BY_CODE as TALEN_BY_CODE
from .talen import keuzes as taal_keuzes
from .talen import lookup as taal_lookup
from .toegankelijkheid import ITEM_CHOICES, parse_toegankelijk

PER_PAGE = 40
CANCELLED_SHOWN = 20  # an activity page tells the cancelled dates among this many coming times
# The buurt page starts with a short list (about two phone screens); "Meer activiteiten" pages on.
BUURT_PER_PAGE = 10
PERIODES = [
    ("vandaag", gettext_lazy("Vandaag")),
    ("deze-week", gettext_lazy("Deze week")),
    ("volgende-week", gettext_lazy("Volgende week")),
    ("later", gettext_lazy("Later")),
]


def now():
    """The current moment (a function, so that tests can set the clock)."""
    return timezone.now()


def local_midnight(day):
    return datetime.combine(day, time(0), tzinfo=AMSTERDAM)


def boundaries(moment):
    """Start of tomorrow, of next week (Monday) and of the week after, as aware local midnights."""
    today = moment.astimezone(AMSTERDAM).date()
    monday_next = today + timedelta(days=7 - today.weekday())
    return {
        "vandaag": local_midnight(today),
        "morgen": local_midnight(today + timedelta(days=1)),
        "volgende-week": local_midnight(monday_next),
        "later": local_midnight(monday_next + timedelta(days=7)),
    }


@dataclass
class Filters:
    categorie: str = ""
    dagen: list = field(default_factory=list)
    voor: str = ""
    gratis: bool = False
    toegankelijk: list = field(default_factory=list)
    taal: str = ""
    buurt: str = ""
    periode: str = ""
    pagina: int = 1
    errors: list = field(default_factory=list)

    @property
    def active(self):
        return bool(
            self.categorie
            or self.dagen
            or self.voor
            or self.gratis
            or self.toegankelijk
            or self.taal
            or self.buurt
            or self.periode
        )

    def params(self, **changes):
        values = {
            "categorie": self.categorie,
            "dag": [DAGEN[d] for d in self.dagen],
            "voor": self.voor,
            "gratis": "ja" if self.gratis else "",
            "toegankelijk": self.toegankelijk,
            "taal": self.taal,
            "buurt": self.buurt,
            "periode": self.periode,
            "pagina": self.pagina if self.pagina > 1 else "",
        }
        values.update(changes)
        return "?" + urlencode({k: v for k, v in values.items() if v}, doseq=True)

    def feed_params(self):
        """The query a calendar feed carries: the same filters, without the period and page (a feed always
        runs ahead). Empty without filters."""
        query = self.params(periode="", pagina="")
        return query if query != "?" else ""


def parse_filters(get, buurt_slugs=None):
    """Read the GET parameters. Wrong values are left out, with a message that says what was wrong."""
    from .models import ActiviteitPage

    f = Filters()
    categorieen = dict(ActiviteitPage.CATEGORIEEN)
    value = get.get("categorie", "").strip()
    if value in categorieen:
        f.categorie = value
    elif value:
        f.errors.append(
            _("De categorie ‘%(value)s’ kennen we niet. Kies een categorie uit de lijst.") % {"value": value}
        )
    for value in get.getlist("dag"):
        value = value.strip().lower()[:2]
        if value in DAGEN:
            f.dagen.append(DAGEN.index(value))
        elif value:
            f.errors.append(_("‘%(value)s’ is geen dag. Kies ma, di, wo, do, vr, za of zo.") % {"value": value})
    f.dagen = sorted(set(f.dagen))
    value = get.get("voor", "").strip()
    if value in dict(doelgroep_choices()):
        f.voor = value
    elif value:
        f.errors.append(_("De groep ‘%(value)s’ kennen we niet. Kies uit de lijst bij ‘Voor wie’.") % {"value": value})
    f.gratis = get.get("gratis", "") in ("ja", "1", "on")
    f.toegankelijk, errors = parse_toegankelijk(get, "toegankelijk")
    f.errors.extend(errors)
    value = get.get("taal", "").strip()
    # A code from the list; a Dutch name ("Turks") in a hand-typed link works too.
    taal = TALEN_BY_CODE.get(value.lower()) or taal_lookup(value)
    if taal is not None:
        f.taal = taal.code
    elif value:
        f.errors.append(
            _("De taal ‘%(value)s’ kennen we niet. Kies een taal uit de lijst bij ‘Taal’.")
            % {"value": params.shown(value)}
        )
    value = get.get("buurt", "").strip()
    if buurt_slugs is not None and value:
        if value in buurt_slugs:
            f.buurt = value
        else:
            f.errors.append(_("De buurt ‘%(value)s’ kennen we niet. Kies een buurt uit de lijst.") % {"value": value})
    value = get.get("periode", "").strip()
    if value in dict(PERIODES):
        f.periode = value
    elif value:
        f.errors.append(
            _("‘%(value)s’ kennen we niet als periode. Kies vandaag, deze week, volgende week of later.")
            % {"value": value}
        )
    pagina = params.page_number(get, "pagina")
    f.pagina = pagina.value
    if pagina.error:
        f.errors.append(pagina.error)
    return f


def apply_filters(qs, f, moment, buurt_ids=None):
    if f.categorie:
        qs = qs.filter(categorie=f.categorie)
    if f.dagen:
        qs = qs.filter(weekdag__in=f.dagen)
    if f.voor:
        qs = qs.filter(tag_lookup("doelgroepen", f.voor) | tag_lookup("doelgroepen", IEDEREEN))
    if f.gratis:
        qs = qs.filter(gratis=True)
    for code in f.toegankelijk:
        qs = qs.filter(tag_lookup("toegankelijk", code))
    if f.taal:
        qs = qs.filter(tag_lookup("talen", f.taal))
    if buurt_ids is not None:
        qs = qs.filter(buurt_id__in=buurt_ids)
    if f.periode:
        b = boundaries(moment)
        if f.periode == "vandaag":
            qs = qs.filter(start__lt=b["morgen"])
        elif f.periode == "deze-week":
            qs = qs.filter(start__gte=b["morgen"], start__lt=b["volgende-week"])
        elif f.periode == "volgende-week":
            qs = qs.filter(start__gte=b["volgende-week"], start__lt=b["later"])
        else:
            qs = qs.filter(start__gte=b["later"])
    return qs


def sections(occurrences, moment):
    """[(key, heading, [occurrence, …])] in the order Vandaag, Deze week, Volgende week, Later."""
    b = boundaries(moment)
    groups = {key: [] for key, _label in PERIODES}
    for occ in occurrences:
        if occ.start < b["morgen"]:
            groups["vandaag"].append(occ)
        elif occ.start < b["volgende-week"]:
            groups["deze-week"].append(occ)
        elif occ.start < b["later"]:
            groups["volgende-week"].append(occ)
        else:
            groups["later"].append(occ)
    return [(key, label, groups[key]) for key, label in PERIODES if groups[key]]


def agenda_context(request, locale, buurt=None, buurten=None, per_page=PER_PAGE):
    """Everything the agenda templates need. `buurten` (site-wide) is the list for the buurt filter."""
    moment = now()
    slugs = {b.slug: b.pk for b in buurten} if buurten is not None else None
    f = parse_filters(request.GET, slugs)
    buurt_ids = [buurt.pk] if buurt is not None else ([slugs[f.buurt]] if f.buurt else None)

    def refine(qs):
        if buurt is not None:
            qs = qs.select_related(None).select_related("page", "page__voorziening")  # the buurt is known
        return apply_filters(qs, f, moment, buurt_ids)

    offset = (f.pagina - 1) * per_page
    rows = listing(locale, moment, refine, offset, per_page + 1)
    has_next = len(rows) > per_page
    rows = rows[:per_page]
    return {
        "agenda_sections": sections(rows, moment),
        "agenda_filters": f,
        "agenda_next_url": f.params(pagina=f.pagina + 1) if has_next else "",
        "agenda_prev_url": f.params(pagina=f.pagina - 1 if f.pagina > 2 else "") if f.pagina > 1 else "",
        "agenda_periode_links": [(key, label, f.params(periode=key, pagina="")) for key, label in PERIODES],
        "agenda_alle_url": f.params(periode="", pagina=""),
        "categorie_choices": _categorie_choices(),
        "dag_choices": [(DAGEN[i], label) for i, label in DAG_CHOICES],
        "doelgroep_choices": doelgroep_choices(),
        "toegankelijk_choices": ITEM_CHOICES,
        "taal_choices": taal_keuzes(),
        "buurt_choices": [(b.slug, b.title) for b in buurten] if buurten is not None else None,
        "buurt_options": _options(buurten, f.buurt) if buurten is not None else "",
        "agenda_buurt": buurt,
        "agenda_now": moment,
    }


def _options(buurten, selected):
    """The <option>s of the buurt filter, built in Python: a site can have hundreds of buurten."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((b.slug, mark_safe(" selected") if b.slug == selected else "", b.title) for b in buurten),
    )


def _categorie_choices():
    from .models import ActiviteitPage

    return ActiviteitPage.CATEGORIEEN


def buurt_agenda_context(request, buurt):
    context = agenda_context(request, buurt.locale_id, buurt=buurt, per_page=BUURT_PER_PAGE)
    context["agenda"] = [occ for _key, _label, occs in context["agenda_sections"] for occ in occs]
    context["ical_url"] = reverse("agenda_ical_buurt", args=[buurt.slug]) + context["agenda_filters"].feed_params()
    context["weekoverzicht_url"] = reverse("weekoverzicht", args=[buurt.slug])
    return context


def site_agenda(request):
    from .models import BuurtPage

    locale = Locale.get_active()
    buurten = list(
        BuurtPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("title")
        .values_list("pk", "slug", "title", named=True)  # hundreds of buurten: rows, not page objects
    )
    context = agenda_context(request, locale, buurten=buurten)
    context["ical_url"] = reverse("agenda_ical_site") + context["agenda_filters"].feed_params()
    return render(request, "activiteiten/agenda_page.html", context)


def activiteit_context(request, page):
    """What an activity page shows about time: next dates, the B1 sentence, status, calendar links."""
    from .jsonld import event_json_ld

    moment = now()
    upcoming = compute(page, moment, moment + timedelta(days=PAGE_HORIZON_DAYS))
    vrij, _afgelast = exceptions(page)
    today = moment.astimezone(AMSTERDAM).date()
    sentence = describe(
        page.herhaling, page.start, page.eind, exdates=vrij, today=today, feestdagen=page.niet_op_feestdagen
    )
    afgelast_geheel = page.status == "afgelast"
    return {
        "occurrences": upcoming[:6],
        "herhaling_tekst": sentence,
        "is_voorbij": not upcoming,
        "afgelast_geheel": afgelast_geheel,
        # "De volgende keer" is the next time it takes place, never a cancelled one.
        "volgende_keer": None if afgelast_geheel else next((o for o in upcoming if not o.afgelast), None),
        # Cancelled dates of the coming CANCELLED_SHOWN times, told once at the top of the page.
        "afgelast_komend": [] if afgelast_geheel else [o for o in upcoming[:CANCELLED_SHOWN] if o.afgelast],
        "uitzonderingen_komend": sorted((d, r) for d, r in vrij.items() if d >= today),
        "ical_url": reverse("agenda_ical_activiteit", args=[page.pk]),
        "categorie_ical_url": reverse("agenda_ical_categorie", args=[page.categorie]),
        "json_ld": event_json_ld(page, upcoming, request),
    }
