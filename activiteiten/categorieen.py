"""The kinds of activity (ActiviteitPage.categorie): the agenda's filter, the search's "what helps".

A module of its own, without models, so that the search can read the keys (search/page_types.py:
helping_categories) without importing the page models.
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
