"""Keep the occurrence table in step with the pages: publish, unpublish, delete, move, a view restriction set
or lifted. Note when a publish changed an activity's time or place ("Gewijzigd"); tell editors when a place
their activities use goes offline."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.dateparse import parse_datetime
from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished, post_page_move

from .occurrences import refresh_page
from .zoekvelden import remember_before_save, renew_after_save
from .zoekvelden_plek import remember_activity_before_save, renew_places_after_delete, renew_places_after_save

# The fields of an activity that say when and where it is: a change to one of them is shown as "Gewijzigd".
TIJD_OF_PLEK = ("start", "eind", "herhaling", "voorziening", "locatie")


def _activiteit(instance):
    from .models import ActiviteitPage

    specific = getattr(instance, "specific", instance)
    return specific if isinstance(specific, ActiviteitPage) else None


def on_publish_or_unpublish(sender, instance, **kwargs):
    page = _activiteit(instance)
    if page is not None:
        # After the transaction, so that the aliases and inline rows are saved too.
        transaction.on_commit(lambda: refresh_page(page))


def _as_stored(value):
    """A revision's value as it is stored (JSON; a just-saved revision still holds datetime objects), with a
    date and time read back as a moment, so that 10.00+01:00 and 09.00Z count as the same time."""
    value = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    moment = parse_datetime(value) if isinstance(value, str) and value[:1].isdigit() else None
    return moment if moment is not None else value


def mark_time_or_place_change(sender, instance, revision=None, **kwargs):
    """Compare the published revision with the one that was live before; store the moment when the time
    or the place differs. The first publish is not a change (the activity is "Nieuw" then)."""
    from .agenda import now
    from .models import ActiviteitPage

    page = _activiteit(instance)
    if page is None or revision is None:
        return
    # Wagtail writes this publish's log entry after the signal: the newest one is the previous publish.
    previous = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish", revision__isnull=False)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if previous is None:
        return
    old, new = previous.revision.content, revision.content
    if any(_as_stored(old.get(name)) != _as_stored(new.get(name)) for name in TIJD_OF_PLEK):
        moment = now()
        ActiviteitPage.objects.filter(pk=page.pk).update(tijd_of_plek_gewijzigd_op=moment)
        page.tijd_of_plek_gewijzigd_op = moment


def on_place_unpublished(sender, instance, **kwargs):
    from .models import VoorzieningPage
    from .place_notices import notify_editors

    place = getattr(instance, "specific", instance)
    if isinstance(place, VoorzieningPage):
        transaction.on_commit(lambda: notify_editors(place))


def on_place_published_or_unpublished(sender, instance, **kwargs):
    """The stored times of the activities at a place carry its accessibility answers (the agenda filter reads
    them there): renew them when the place changes or goes offline."""
    from .models import ActiviteitPage, VoorzieningPage

    place = getattr(instance, "specific", instance)
    if isinstance(place, VoorzieningPage):

        def renew():
            for page in ActiviteitPage.objects.live().filter(voorziening_id=place.pk):
                refresh_page(page)

        transaction.on_commit(renew)


def on_delete(sender, instance, **kwargs):
    from .models_occurrence import Occurrence

    # The rows go with the page (CASCADE); this covers deletes that skip the ORM cascade order.
    Occurrence.objects.filter(page_id=instance.pk).delete()


def on_move(sender, instance, **kwargs):
    from .models import ActiviteitPage, BuurtPage

    specific = getattr(instance, "specific", instance)
    pages = [specific] if isinstance(specific, ActiviteitPage) else []
    if isinstance(specific, BuurtPage):
        pages = ActiviteitPage.objects.child_of(specific)
    for page in pages:
        transaction.on_commit(lambda page=page: refresh_page(page))


def on_restriction(sender, instance, **kwargs):
    """A view restriction set or lifted (the admin's privacy setting): the activities of that page and under
    it leave or come back to the agenda, whose stored times hold public activities only (refresh_page).
    A restriction deleted with its page: the page's own delete takes its rows."""
    from wagtail.models import Page

    from .models import ActiviteitPage

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return

    def renew():
        for activity in ActiviteitPage.objects.descendant_of(page, inclusive=True):
            refresh_page(activity)

    transaction.on_commit(renew)


def connect():
    from wagtail.models import PageViewRestriction

    from .models import ActiviteitPage, BuurtPage, VoorzieningPage

    page_published.connect(on_publish_or_unpublish, dispatch_uid="activiteiten_occ_published")
    page_published.connect(mark_time_or_place_change, dispatch_uid="activiteiten_tijd_of_plek")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="activiteiten_occ_unpublished")
    page_unpublished.connect(on_place_unpublished, dispatch_uid="activiteiten_place_unpublished")
    page_published.connect(on_place_published_or_unpublished, dispatch_uid="activiteiten_place_occ_published")
    page_unpublished.connect(on_place_published_or_unpublished, dispatch_uid="activiteiten_place_occ_unpublished")
    post_delete.connect(on_delete, sender=ActiviteitPage, dispatch_uid="activiteiten_occ_deleted")
    post_page_move.connect(on_move, dispatch_uid="activiteiten_occ_moved")
    post_save.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="activiteiten_occ_restriction_saved")
    post_delete.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="activiteiten_occ_restriction_gone")
    # A renamed place or buurt: its activities' search documents show the name (zoekvelden.py).
    for model in (BuurtPage, VoorzieningPage):
        pre_save.connect(remember_before_save, sender=model, dispatch_uid=f"activiteiten_zoek_voor_{model.__name__}")
        post_save.connect(renew_after_save, sender=model, dispatch_uid=f"activiteiten_zoek_na_{model.__name__}")
    # An activity with another title or place, on- or offline, cancelled or deleted: its place's search
    # document lists the activities held there (zoekvelden_plek.py).
    pre_save.connect(remember_activity_before_save, sender=ActiviteitPage, dispatch_uid="activiteiten_plek_zoek_voor")
    post_save.connect(renew_places_after_save, sender=ActiviteitPage, dispatch_uid="activiteiten_plek_zoek_na")
    post_delete.connect(renew_places_after_delete, sender=ActiviteitPage, dispatch_uid="activiteiten_plek_zoek_weg")
