"""The query log: how often residents searched for what, per day, and how often they found nothing.

Wagtail's own Query/QueryDailyHits (search promotions) count searches too, but not the ones without a
result; the reports "Zoekopdrachten zonder resultaat" and "Meest gezocht" need both.
"""

from django.db import models
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


class PendingIndexChange(models.Model):
    """A change that could not be written to the search engine (cluster down or too slow).

    One row per indexed object (root model + primary key): a newer change replaces the older one.
    search/pending.py replays the rows when the engine answers again; the database is the truth at
    that moment (an object that still exists is indexed as it is now, one that is gone is removed).
    """

    INDEX = "index"
    DELETE = "delete"
    ACTIONS = [(INDEX, _("bijwerken in de zoekmachine")), (DELETE, _("weghalen uit de zoekmachine"))]

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("soort inhoud")
    )
    object_id = models.CharField(_("nummer"), max_length=64)
    action = models.CharField(_("actie"), max_length=10, choices=ACTIONS)
    queued_at = models.DateTimeField(_("bewaard op"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("mislukte pogingen"), default=0)
    error = models.CharField(_("laatste fout"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("wachtende wijziging voor de zoekmachine")
        verbose_name_plural = _("wachtende wijzigingen voor de zoekmachine")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="pendingindexchange_uniek")]
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.content_type.model} {self.object_id}"
