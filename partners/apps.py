from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Open data voor partners")

    def ready(self):
        from . import signals

        signals.connect()
