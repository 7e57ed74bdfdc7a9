from django.urls import path
from wagtail import hooks

from . import two_factor_views
from .two_factor import ENROL_URL_NAME, VERIFY_URL_NAME


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("tweestaps/instellen/", two_factor_views.enrol, name=ENROL_URL_NAME),
        path("tweestaps/controle/", two_factor_views.verify, name=VERIFY_URL_NAME),
    ]
