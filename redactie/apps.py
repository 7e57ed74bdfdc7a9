from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactieConfig(AppConfig):
    name = "redactie"
    verbose_name = _("Redactie: rechten, meldingen en schrijfhulp")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
