"""{% kaart_instellingen as kaart %}: the tile server of the maps, or None (no map); see activiteiten/kaart.py."""

from django import template

from activiteiten.kaart import kaart_instellingen as _kaart_instellingen

register = template.Library()


@register.simple_tag
def kaart_instellingen():
    return _kaart_instellingen()
