"""Partners' iCal feeds (one per partner and buurt) and the events they brought in."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

# A feed that brought nothing new for this long is probably forgotten by the partner (about six months).
STALE_DAYS = 183


def _default_locale_buurten():
    """Feeds import into the Dutch buurt pages; translators translate the activities from there."""
    return {"locale": Locale.get_default()}


class PartnerFeed(models.Model):
    naam = models.CharField(
        _("naam van de partner"),
        max_length=200,
        help_text=_("Zo staat het bij elke activiteit: ‘Bron: …’. Bijvoorbeeld: Bibliotheek Presikhaaf."),
    )
    url = models.URLField(
        _("adres van de agenda (iCal)"),
        max_length=500,
        help_text=_("Het adres dat de partner geeft voor hun agenda. Het begint met https:// of http://."),
    )
    buurt = models.ForeignKey(
        "activiteiten.BuurtPage",
        verbose_name=_("buurt"),
        on_delete=models.CASCADE,
        related_name="partner_feeds",
        limit_choices_to=_default_locale_buurten,
        help_text=_("In welke buurt komen de activiteiten te staan?"),
    )
    vertrouwd = models.BooleanField(
        _("vertrouwd"),
        default=False,
        help_text=_(
            "Vink aan als nieuwe activiteiten van deze partner meteen op de site mogen. "
            "Zonder vinkje komen ze eerst bij de communitymanager ter goedkeuring."
        ),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    laatst_geprobeerd = models.DateTimeField(_("laatst opgehaald"), null=True, blank=True, editable=False)
    laatst_gelukt = models.DateTimeField(_("laatst gelukt"), null=True, blank=True, editable=False)
    laatst_nieuw = models.DateTimeField(_("laatste nieuwe activiteit"), null=True, blank=True, editable=False)
    fout = models.TextField(_("fout"), blank=True, editable=False)

    class Meta:
        verbose_name = _("agenda van een partner")
        verbose_name_plural = _("agenda's van partners")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def is_stil(self, now=None):
        """True when the feed has brought no new activity for STALE_DAYS."""
        now = now or timezone.now()
        since = self.laatst_nieuw or self.aangemaakt
        return bool(self.laatst_gelukt and since and now - since > timedelta(days=STALE_DAYS))

    def gezondheid(self):
        """One plain sentence about how the feed is doing (the admin's list and status page)."""
        if self.fout:
            return _("Fout: %(fout)s") % {"fout": self.fout}
        if not self.laatst_gelukt:
            return _("Nog niet opgehaald.")
        if self.is_stil():
            return _("Let op: al 6 maanden geen nieuwe activiteiten. Klopt het adres nog?")
        return _("In orde.")

    gezondheid.short_description = _("status")


class PartnerEvent(models.Model):
    """One VEVENT of a feed (keyed by feed and UID) and the activity page made from it."""

    feed = models.ForeignKey(PartnerFeed, on_delete=models.CASCADE, related_name="events")
    uid = models.CharField(max_length=255)
    page = models.ForeignKey(
        "activiteiten.ActiviteitPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="partner_events"
    )
    bron = models.CharField(_("bron"), max_length=200)
    titel = models.CharField(_("titel"), max_length=255)
    start = models.DateTimeField(_("begin"))
    # A fingerprint of what the feed said last time: the page is only rewritten when the feed changed.
    inhoud = models.CharField(max_length=64, blank=True)
    # The revision this import wrote last; a later revision was made by an editor, so the page is theirs.
    revisie_id = models.IntegerField(null=True, blank=True)
    door_redactie_gewijzigd = models.BooleanField(_("door de redactie gewijzigd"), default=False)
    verwijderd = models.BooleanField(_("niet meer in de agenda van de partner"), default=False)
    dubbel_van = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lijkt op"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "uid"], name="partnerevent_feed_uid")]
        verbose_name = _("activiteit van een partner")
        verbose_name_plural = _("activiteiten van partners")

    def __str__(self):
        return self.titel
