from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WoordenlijstConfig(AppConfig):
    name = "woordenlijst"
    verbose_name = _("Woordenlijst")
