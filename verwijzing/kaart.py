"""What a referral card says about each item, in the resident's language, with a QR code to its page."""

from dataclasses import dataclass

import segno
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Locale

from activiteiten.occurrences import exceptions, next_occurrences
from activiteiten.recurrence import AMSTERDAM
from activiteiten.rrule_text import clock, describe
from activiteiten.toegankelijkheid import ONBEKEND, answers_for
from activiteiten.wording import capfirst, date_text

# Size of one QR module in the SVG: 4 units a module gives a code of about 3 cm on the card (the SVG is
# scaled by the stylesheet); error correction M still reads a slightly creased paper card.
QR_SCALE = 4
QR_ERROR = "m"


@dataclass
class Item:
    wat: str
    samenvatting: str
    wanneer: list
    waar: str
    kosten: str
    telefoon: str
    toegankelijkheid: str
    url: str
    qr_svg: str
    lang: str = ""  # set when the item is not in the card's language (no translation): marks its own texts
    dir: str = "ltr"


def in_language(page, locale):
    """The page's live translation in `locale`, or the page itself when there is none."""
    translation = page.get_translation_or_none(locale)
    return translation.specific if translation is not None and translation.live else page


def qr_svg(url):
    """The QR code as inline SVG (segno); the URL it encodes is the one shown under it."""
    return mark_safe(segno.make(url, error=QR_ERROR).svg_inline(scale=QR_SCALE, title=url, omitsize=True))


def toegankelijkheid(page):
    """Accessibility in words: the structured answers (activiteiten/toegankelijkheid.py; an activity's own answers
    over its place's), then the editor's free text. "Weten we niet" is left out: a card lists what is known."""
    answers = answers_for(page)
    parts = []
    for answer in answers:
        if answer.antwoord == ONBEKEND:
            continue
        text = f"{answer.item.label}: {answer.antwoord_label()}"
        parts.append(f"{text} ({answer.toelichting})" if answer.toelichting else text)
    if page.toegankelijkheid:
        parts.append(page.toegankelijkheid)
    return ". ".join(str(part) for part in parts)


def _wanneer_activiteit(page):
    moment = timezone.now()
    vrij, _afgelast = exceptions(page)
    today = moment.astimezone(AMSTERDAM).date()
    lines = []
    if page.status == "afgelast":
        return [_("Gaat niet meer door.")]
    sentence = describe(
        page.herhaling, page.start, page.eind, exdates=vrij, today=today, feestdagen=page.niet_op_feestdagen
    )
    if sentence:
        lines.append(sentence)
    upcoming = [o for o in next_occurrences(page, limit=6, after=moment) if not o.afgelast]
    if upcoming and page.herhaling:
        start = upcoming[0].start.astimezone(AMSTERDAM)
        lines.append(
            _("De volgende keer: %(dag)s om %(tijd)s uur.")
            % {"dag": date_text(start, weekday=True), "tijd": clock(start)}
        )
    return lines


def _wanneer_voorziening(page):
    return [f"{capfirst(str(dag))}: {', '.join(tijden)}" for dag, tijden in page.openingstijden_per_dag() if tijden]


def item(page, request):
    from activiteiten.models import ActiviteitPage

    url = page.get_full_url(request)
    if isinstance(page, ActiviteitPage):
        plek = page.live_voorziening
        waar = page.place_name()
        if plek is not None and plek.adres:
            waar = f"{waar}, {plek.adres}, {plek.plaats}".rstrip(", ")
        telefoon = plek.telefoon if plek is not None else ""
        return Item(
            wat=page.title,
            samenvatting=page.samenvatting,
            wanneer=_wanneer_activiteit(page),
            waar=waar,
            kosten=page.kosten,
            telefoon=" · ".join(t for t in (page.aanmelden, telefoon) if t),
            toegankelijkheid=toegankelijkheid(page),
            url=url,
            qr_svg=qr_svg(url),
        )
    waar = ", ".join(p for p in (page.adres, f"{page.postcode} {page.plaats}".strip()) if p)
    return Item(
        wat=page.title,
        samenvatting=page.search_description or strip_tags(page.omschrijving)[:200],
        wanneer=_wanneer_voorziening(page),
        waar=waar,
        kosten="",
        telefoon=page.telefoon,
        toegankelijkheid=toegankelijkheid(page),
        url=url,
        qr_svg=qr_svg(url),
    )


def _marked(card_item, page, language):
    """A page without a translation (or an alias: not translated yet) keeps its own language: its texts get
    their own lang and direction."""
    code = (page.alias_of.locale if page.alias_of_id else page.locale).language_code
    if code != language:
        card_item.lang = code
        card_item.dir = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return card_item


def items(pages, language, request):
    """Card items in `language` (call inside translation.override(language))."""
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    shown = [in_language(page, locale) for page in pages]
    return [_marked(item(page, request), page, language) for page in shown]
