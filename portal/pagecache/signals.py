"""Purge cached pages when a page is published, unpublished, moved or deleted, or gets or loses a view
restriction (tags: routes.changed)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
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


def on_restriction(sender, instance, **kwargs):
    """A view restriction set, changed or lifted (the admin's privacy setting): the page and every page
    under it are for other readers from now on, so the pages that show it are purged as for an unpublish.
    Bumping also changes the "any bump" token, from which every process's search picture learns of it
    (search/docindex.get_index). A restriction deleted with its page: the page's own delete purges."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        tags.bump(routes.changed(page))


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_move, dispatch_uid="pagecache_moved")
    post_delete.connect(on_delete, dispatch_uid="pagecache_deleted")
    post_save.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="pagecache_restriction_saved")
    post_delete.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="pagecache_restriction_deleted")
