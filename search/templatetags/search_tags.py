from django import template

from home import contact_links
from search.page_types import TYPE_LABELS, TYPE_PLURALS

register = template.Library()

LABELS = TYPE_LABELS
PLURALS = TYPE_PLURALS


@register.filter
def type_label(value):
    return LABELS.get(value, value)


@register.filter
def type_plural(value):
    return PLURALS.get(value, value)


@register.filter
def tel_href(value):
    return contact_links.tel_href(value)  # one rule for tel: links, see home/contact_links.py
