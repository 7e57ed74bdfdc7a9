from django import template

from home import contact_links
from search.page_types import TYPE_LABELS, TYPE_PLURALS

register = template.Library()


@register.filter
def type_label(value):
    return TYPE_LABELS.get(value, value)


@register.filter
def type_plural(value):
    return TYPE_PLURALS.get(value, value)


@register.filter
def tel_href(value):
    return contact_links.tel_href(value)  # one rule for tel: links, see home/contact_links.py
