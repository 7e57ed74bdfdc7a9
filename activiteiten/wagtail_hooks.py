"""Admin hooks of the activiteiten app: tell editors when an activity's place is not live (place_notices.py)."""

from wagtail import hooks

from .place_notices import warn_editor, warn_unpublisher


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
