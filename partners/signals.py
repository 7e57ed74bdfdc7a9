"""A new export version (exports.invalidate) whenever published content changes: publish, unpublish, move, delete
of any page. Cheap (one cache write), so no page type is singled out: a buurt's name is in every service."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move


def content_changed(sender, **kwargs):
    from .exports import invalidate

    # After the transaction, so that a request in another process cannot rebuild from the old rows.
    transaction.on_commit(invalidate)


def connect():
    page_published.connect(content_changed, dispatch_uid="partners_exports_published")
    page_unpublished.connect(content_changed, dispatch_uid="partners_exports_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="partners_exports_moved")
    # post_delete is sent per model class: connect it for every page type (Page subclasses included).
    post_delete.connect(content_changed, sender=Page, dispatch_uid="partners_exports_deleted_page")
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"partners_exports_deleted_{model._meta.label}"
            )
