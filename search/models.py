"""The query log (how often residents searched for what, per day, and how often they found nothing), the
changes waiting for the search engine, and the popular searches editors keep.

Wagtail's own Query/QueryDailyHits (search promotions) count searches too, but not the ones without a
result; the reports "Zoekopdrachten zonder resultaat" and "Meest gezocht" need both.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable


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


class PopulaireZoekvraag(Orderable):
    """A search that editors put on the public list "Waar anderen naar zoeken" (search/populair.py).

    Editors keep this list by hand, per language; the query log only suggests terms in the report
    "Meest gezocht". Residents' own searches never show on a public page: anyone could plant words there.
    A plain locale field, not TranslatableMixin: residents of each language search for their own things
    (the query log is per language too), so each language has its own list. And wagtail-localize's
    "Vertaal" would publish a copy in the Dutch words at once (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE),
    so a Turkish page would show Dutch terms until someone translated them.
    """

    zoekvraag = models.CharField(
        _("zoekvraag"),
        max_length=100,  # a few words: residents search with one to three
        help_text=_(
            "Schrijf de zoekvraag zoals bewoners hem zien, zonder typefouten. "
            "Bewoners klikken erop en zoeken dan op deze woorden. Bijvoorbeeld: koffie of huisarts."
        ),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("taal"),
        on_delete=models.PROTECT,  # a language with a list is not removed by accident
        related_name="+",
        help_text=_("Bewoners zien de zoekvraag alleen op de pagina's in deze taal."),
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("populaire zoekvraag")
        verbose_name_plural = _("populaire zoekvragen")
        constraints = [
            models.UniqueConstraint(
                Lower("zoekvraag"),
                "locale",
                name="populairezoekvraag_een_keer_per_taal",
                violation_error_message=_("Deze zoekvraag staat al op de lijst voor deze taal."),
            )
        ]

    def __str__(self):
        return self.zoekvraag

    def clean(self):
        super().clean()
        self.zoekvraag = " ".join(self.zoekvraag.split())
        if not self.zoekvraag:
            raise ValidationError({"zoekvraag": _("Vul een zoekvraag in.")})


from .models_vocabulary import Zoekwoord, ZoekwoordPagina  # noqa: E402, F401  (the app's models live here)
