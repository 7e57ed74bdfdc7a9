"""Keep the occurrence table in step with the pages: publish, unpublish, delete, move."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from .occurrences import refresh_page


def _activiteit(instance):
    from .models import ActiviteitPage

    specific = getattr(instance, "specific", instance)
    return specific if isinstance(specific, ActiviteitPage) else None


def on_publish_or_unpublish(sender, instance, **kwargs):
    page = _activiteit(instance)
    if page is not None:
        # After the transaction, so that the aliases and inline rows are saved too.
        transaction.on_commit(lambda: refresh_page(page))


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


def connect():
    from .models import ActiviteitPage

    page_published.connect(on_publish_or_unpublish, dispatch_uid="activiteiten_occ_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="activiteiten_occ_unpublished")
    post_delete.connect(on_delete, sender=ActiviteitPage, dispatch_uid="activiteiten_occ_deleted")
    post_page_move.connect(on_move, dispatch_uid="activiteiten_occ_moved")
