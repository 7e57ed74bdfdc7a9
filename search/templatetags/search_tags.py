from django import template
from django.utils.translation import gettext_lazy as _

from home import contact_links

register = template.Library()

LABELS = {
    "activiteit": _("Activiteit"),
    "voorziening": _("Voorziening"),
    "begrip": _("Woordenlijst"),
    "buurt": _("Buurt"),
}
PLURALS = {
    "": _("Alles"),
    "activiteit": _("Activiteiten"),
    "voorziening": _("Voorzieningen"),
    "begrip": _("Woordenlijst"),
    "buurt": _("Buurten"),
}


@register.filter
def type_label(value):
    return LABELS.get(value, value)


@register.filter
def type_plural(value):
    return PLURALS.get(value, value)


@register.filter
def tel_href(value):
    return contact_links.tel_href(value)  # one rule for tel: links, see home/contact_links.py
