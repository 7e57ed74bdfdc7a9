from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerfeedsConfig(AppConfig):
    name = "partnerfeeds"
    verbose_name = _("Agenda's van partners")
    default_auto_field = "django.db.models.BigAutoField"
