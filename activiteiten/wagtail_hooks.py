"""Admin hooks of the activiteiten app: the live preview of the recurrence form, and telling editors when an
activity's place is not live (place_notices.py)."""

from django.urls import path
from wagtail import hooks

from .place_notices import warn_editor, warn_unpublisher
from .recurrence_preview import herhaling_voorbeeld


@hooks.register("register_admin_urls")
def urls():
    return [path("activiteiten/herhaling-voorbeeld/", herhaling_voorbeeld, name="activiteiten_herhaling_voorbeeld")]


@hooks.register("before_edit_page")
def warn_on_open(request, page):
    if request.method == "GET":  # a save is warned about after it (below), once
        warn_editor(request, page)


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def warn_on_save(request, page):
    warn_editor(request, page)


@hooks.register("after_unpublish_page")
def warn_on_unpublish(request, page):
    warn_unpublisher(request, page)
