"""Purge cached pages when a page is published, unpublished, moved or deleted (tags: routes.changed)."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import routes, tags


def on_publish_or_unpublish(sender, instance, **kwargs):
    tags.bump(routes.changed(instance))


def on_move(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    parents = [p for p in (parent_page_before, parent_page_after) if p is not None]
    tags.bump(routes.changed(instance, parents))


def on_delete(sender, instance, **kwargs):
    # Sent once for every table of a page (wagtailcore_page and the page type's own); the specific one
    # knows the page type. A deleted page's ancestors are still there, so its buurt is found.
    if isinstance(instance, Page) and type(instance) is not Page:
        tags.bump(routes.changed(instance))


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_move, dispatch_uid="pagecache_moved")
    post_delete.connect(on_delete, dispatch_uid="pagecache_deleted")
