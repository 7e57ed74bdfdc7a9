from django import template
from django.conf import settings

from verwijzing.access import may_make_card
from verwijzing.shortlist import SESSION_KEY

register = template.Library()


@register.inclusion_tag("verwijzing/knop_form.html", takes_context=True)
def verwijskaart_knop(context, item_id):
    """The "Op de verwijskaart" button: only for signed-in professionals (pages for others never show it)."""
    request = context.get("request")
    # Without a session cookie nobody is signed in: the session is not even read, so public pages stay the
    # same for every visitor (no "Vary: Cookie", cacheable).
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES or not may_make_card(request.user):
        return {"show": False}
    return {
        "show": True,
        "item_id": item_id,
        "op_kaart": item_id in request.session.get(SESSION_KEY, []),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
