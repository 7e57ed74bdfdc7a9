"""The kinds of activity (ActiviteitPage.categorie): the agenda's filter, the search's "what helps"; and
the kinds of place (VoorzieningPage.soort): what a place is, the search's "a doctor is a huisarts".

A module of its own, without models, so that the search can read the keys (search/page_types.py:
helping_categories, place_kinds) without importing the page models.
"""

from django.utils.translation import gettext_lazy as _

CATEGORIEEN = [
    ("ontmoeten", _("ontmoeten")),
    ("eten", _("eten")),
    ("bewegen", _("bewegen")),
    ("leren", _("leren")),
    ("hulp-en-advies", _("hulp en advies")),
    ("mantelzorg", _("mantelzorg")),
    ("cultuur", _("cultuur")),
    ("digitaal", _("digitaal")),
    ("gezondheid", _("gezondheid")),
    ("vrijwilligerswerk", _("vrijwilligerswerk")),
]

VOORZIENING_SOORTEN = [
    ("buurthuis", _("buurthuis")),
    ("servicepunt", _("servicepunt")),
    ("ontmoetingsplek", _("ontmoetingsplek")),
    ("mfc", _("multifunctioneel centrum")),
    ("huisarts", _("huisarts")),
    ("apotheek", _("apotheek")),
    ("wijkteam", _("wijkteam")),
    ("bibliotheek", _("bibliotheek")),
    ("zorglocatie", _("zorglocatie")),
    ("seniorenflat", _("seniorenflat")),
    ("sportaccommodatie", _("sportaccommodatie")),
    ("kerk", _("kerk")),
    ("winkel", _("winkel")),
]
