"""The query log: how often residents searched for what, per day, and how often they found nothing.

Wagtail's own Query/QueryDailyHits (search promotions) count searches too, but not the ones without a
result; the reports "Zoekopdrachten zonder resultaat" and "Meest gezocht" need both.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ZoekDag(models.Model):
    zoekterm = models.CharField(_("zoekterm"), max_length=255)
    taal = models.CharField(_("taal"), max_length=10, default="nl")
    datum = models.DateField(_("datum"))
    aantal = models.PositiveIntegerField(_("aantal keer gezocht"), default=0)
    zonder_resultaat = models.PositiveIntegerField(_("aantal keer zonder resultaat"), default=0)

    class Meta:
        verbose_name = _("zoekopdracht per dag")
        verbose_name_plural = _("zoekopdrachten per dag")
        constraints = [models.UniqueConstraint(fields=["zoekterm", "taal", "datum"], name="zoekdag_uniek")]
        indexes = [models.Index(fields=["datum"])]

    def __str__(self):
        return f"{self.zoekterm} ({self.datum}: {self.aantal})"

    @classmethod
    def record(cls, query, language, found):
        """Count one search. `query` is the cleaned text; it is stored in lower case."""
        zoekterm = " ".join(query.lower().split())[:255]
        if not zoekterm:
            return
        row, _created = cls.objects.get_or_create(zoekterm=zoekterm, taal=language[:10], datum=timezone.localdate())
        cls.objects.filter(pk=row.pk).update(
            aantal=F("aantal") + 1, zonder_resultaat=F("zonder_resultaat") + (0 if found else 1)
        )
