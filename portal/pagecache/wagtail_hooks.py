"""Wagtail pages opt in to the page cache when they are served (see portal/pagecache/__init__.py)."""

from wagtail import hooks

from . import routes
from .middleware import eligible, opt_in


@hooks.register("before_serve_page")
def cache_public_pages(page, request, serve_args, serve_kwargs):
    if not eligible(request):
        return None
    page = getattr(page, "specific", page)
    if page.get_view_restrictions().exists():
        return None  # a page behind a password or a sign-in is never shared
    opt_in(request, routes.shown_by(page))
    return None
