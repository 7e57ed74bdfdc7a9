"""{{ text|contact_links }}: phone numbers and e-mail addresses as tel: and mailto: links (see home/contact_links)."""

from django import template

from home import contact_links as links

register = template.Library()


@register.filter(is_safe=True)
def contact_links(value):
    return links.contact_links(value)


@register.filter
def tel_href(value):
    """For href="tel:{{ number|tel_href }}": +31885550123 for '088-5550123'."""
    return links.tel_href(value)
