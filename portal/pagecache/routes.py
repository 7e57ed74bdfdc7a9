"""Which views opt in to the page cache, and which tags a page shows or a change touches (one place)."""

from . import tags


def _buurt_slug_tag(kwargs):
    return {tags.buurt(kwargs["slug"])}


# url_name → the tags of what that view shows (from its URL arguments). Views not named here (search,
# melding form, admin, i18n) are never cached.
VIEWS = {
    "agenda": lambda kwargs: {tags.ACTIVITEITEN},
    "agenda_ical_site": lambda kwargs: {tags.ACTIVITEITEN},
    "agenda_ical_categorie": lambda kwargs: {tags.ACTIVITEITEN},
    "agenda_ical_activiteit": lambda kwargs: {tags.page(kwargs["page_id"])},
    "agenda_ical_buurt": _buurt_slug_tag,
    "weekoverzicht": _buurt_slug_tag,
    "weekoverzicht_pdf": _buurt_slug_tag,
}


def _kinds(page):
    from activiteiten.models import ActiviteitPage, BuurtItemPage, BuurtPage, VoorzieningPage
    from home.models import HomePage
    from woordenlijst.models import BegripPage, WoordenlijstPage

    return {
        "home": isinstance(page, HomePage),
        "buurt": isinstance(page, BuurtPage),
        "item": isinstance(page, BuurtItemPage),
        "activiteit": isinstance(page, ActiviteitPage),
        "voorziening": isinstance(page, VoorzieningPage),
        "woordenlijst": isinstance(page, BegripPage | WoordenlijstPage),
    }


def _buurt_of(page, inclusive=False):
    from activiteiten.models import BuurtPage

    buurt = BuurtPage.objects.ancestor_of(page, inclusive=inclusive).only("slug").first()
    return {tags.buurt(buurt.slug)} if buurt is not None else set()


def shown_by(page):
    """The tags of what a Wagtail page shows when it is served (besides what its text notes itself)."""
    kind = _kinds(page)
    shown = {tags.page(page.pk)}
    if kind["home"]:
        shown.add(tags.ACTIVITEITEN)  # "Deze week": activities of every buurt
    if kind["buurt"]:
        shown.add(tags.buurt(page.slug))
    if kind["item"]:
        # The buurt's other activities and places: an activity's place, a place's activities (an
        # activity's place is always in its own buurt, ActiviteitForm).
        shown |= _buurt_of(page)
    if kind["woordenlijst"]:
        shown.add(tags.WOORDENLIJST)
    return shown


def changed(page, parents=()):
    """The tags to purge when `page` is published, unpublished, moved or deleted.

    `parents`: the old and new parent of a move (the page may leave one buurt for another)."""
    page = getattr(page, "specific", page)
    kind = _kinds(page)
    touched = {tags.page(page.pk)}
    if kind["item"]:
        touched |= _buurt_of(page)
        for parent in parents:
            touched |= _buurt_of(parent, inclusive=True)
        if kind["activiteit"]:
            touched.add(tags.ACTIVITEITEN)
            if page.voorziening_id:
                touched.add(tags.page(page.voorziening_id))
        if kind["voorziening"]:
            touched.add(tags.ACTIVITEITEN)  # lists of activities name their place
    elif kind["woordenlijst"]:
        touched.add(tags.WOORDENLIJST)
    else:
        # A buurt, the home page or anything else: its title and place in the tree show on many pages.
        touched.add(tags.SITE)
    return touched
