from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerwijzingConfig(AppConfig):
    name = "verwijzing"
    verbose_name = _("Verwijskaart")
    default_auto_field = "django.db.models.BigAutoField"
