"""Admin wiring of the activities: the live preview of the recurrence form."""

from django.urls import path
from wagtail import hooks

from .recurrence_preview import herhaling_voorbeeld


@hooks.register("register_admin_urls")
def urls():
    return [path("activiteiten/herhaling-voorbeeld/", herhaling_voorbeeld, name="activiteiten_herhaling_voorbeeld")]
