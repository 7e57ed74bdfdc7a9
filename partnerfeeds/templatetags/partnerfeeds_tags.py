from django import template

from partnerfeeds.models import PartnerEvent

register = template.Library()


@register.simple_tag
def partner_bron(page):
    """The partner whose calendar this activity (or the page it was translated from) came from, or ''."""
    link = PartnerEvent.objects.filter(page__translation_key=page.translation_key).only("bron").first()
    return link.bron if link else ""
