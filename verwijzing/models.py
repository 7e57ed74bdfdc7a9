"""No tables: the card is made from the session's shortlist and a form, and nothing about the resident is
stored. This model only carries the permission for partner users who do not edit pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verwijskaart(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("maak_verwijskaart", _("Mag verwijskaarten voor bewoners maken"))]

    def __str__(self):
        return str(self._meta.verbose_name)
