from django import template

from woordenlijst.markup import glossary_html

register = template.Library()


@register.filter(name="glossary")
def glossary(value, page):
    """{{ page.omschrijving|richtext|glossary:page }} – first use of each glossary term explained."""
    return glossary_html(value, page)
