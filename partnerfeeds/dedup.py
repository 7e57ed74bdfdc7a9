"""Is a new partner event the same as an activity the buurt already has (from an editor or another feed)?

The same buurt, the same first time and a similar title, and — when both name a place — a similar place.
Then the event is not added but shown to the editor on the feeds' status page (see admin_views.py).
"""

from rapidfuzz import fuzz, utils

# rapidfuzz token_set_ratio (0–100): "Koffieochtend" and "Koffie-ochtend in de bieb" score above this,
# "Koffieochtend" and "Yoga" far below. Word order and extra words do not count against a match.
TITLE_SIMILARITY = 80
# The place is often written differently ("Bibliotheek Presikhaaf" / "Bieb Presikhaaf, zaal 2").
PLACE_SIMILARITY = 60


def _similar(a, b, threshold):
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= threshold


def find_duplicate(feed, event):
    """The activity page in the feed's buurt that this event doubles, or None."""
    from activiteiten.models import ActiviteitPage

    candidates = (
        ActiviteitPage.objects.child_of(feed.buurt)
        .filter(start=event.start)
        .exclude(partner_events__feed=feed)
        .select_related("voorziening")
    )
    for page in candidates:
        if not _similar(page.title, event.titel, TITLE_SIMILARITY):
            continue
        place = page.place_name() or ""
        if place and event.locatie and not _similar(place, event.locatie, PLACE_SIMILARITY):
            continue
        return page
    return None
