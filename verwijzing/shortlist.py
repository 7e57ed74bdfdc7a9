"""The shortlist of a professional: page ids in their session, nothing else (nothing about the resident)."""

from wagtail.models import Page

SESSION_KEY = "verwijskaart"
# One card holds at most this many items: more do not fit on an A4 in large print.
MAX_ITEMS = 8
CARD_TYPES = ("activiteiten.activiteitpage", "activiteiten.voorzieningpage")


def ids(request):
    return list(request.session.get(SESSION_KEY, []))


def card_page(page_id):
    """The live activity or place with this id, or None."""
    page = Page.objects.live().public().filter(pk=page_id).select_related("content_type").first()
    if page is None or f"{page.content_type.app_label}.{page.content_type.model}" not in CARD_TYPES:
        return None
    return page.specific


def add(request, page_id):
    """Add the page; False when the card is full."""
    current = ids(request)
    if page_id in current:
        return True
    if len(current) >= MAX_ITEMS:
        return False
    request.session[SESSION_KEY] = [*current, page_id]
    return True


def remove(request, page_id):
    request.session[SESSION_KEY] = [pk for pk in ids(request) if pk != page_id]


def pages(request):
    """The shortlist's pages that are still live, in the order they were added."""
    found = [card_page(pk) for pk in ids(request)]
    return [page for page in found if page is not None]
