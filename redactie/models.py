"""Editorial data: the groups made per buurt, and the "Klopt er iets niet?" reports of residents."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class RedactieGroep(models.Model):
    """Links a Wagtail group to its role (and buurt), so that renaming a buurt renames its groups."""

    ROLLEN = [
        ("beheerder", _("beheerder")),
        ("communitymanager", _("communitymanager")),
        ("welzijnswerker", _("welzijnswerker")),
        ("woordenlijst", _("woordenlijst-redactie")),
    ]

    group = models.OneToOneField(
        Group,
        verbose_name=_("groep"),
        on_delete=models.CASCADE,
        related_name="redactie",
        help_text=_("De groep in het beheer. Zet mensen in deze groep om ze deze rechten te geven."),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=ROLLEN, help_text=_("Wat deze groep mag doen."))
    buurt = models.ForeignKey(
        Page,
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("De buurt waar deze groep bij hoort. Leeg voor groepen van de hele website."),
    )

    class Meta:
        verbose_name = _("redactiegroep")
        verbose_name_plural = _("redactiegroepen")
        constraints = [models.UniqueConstraint(fields=["rol", "buurt"], name="redactie_een_groep_per_rol_en_buurt")]

    def __str__(self):
        return self.group.name


class Melding(models.Model):
    """A resident's report that something on a page is not right ("Klopt er iets niet?")."""

    page = models.ForeignKey(
        Page,
        verbose_name=_("pagina"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De pagina waar de melding over gaat."),
    )
    buurt = models.ForeignKey(
        Page,
        verbose_name=_("buurt"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De buurt van die pagina. De communitymanager van deze buurt ziet de melding."),
    )
    pagina_titel = models.CharField(
        _("titel van de pagina"), max_length=255, help_text=_("De titel op het moment van de melding.")
    )
    bericht = models.TextField(_("bericht"), help_text=_("Wat er volgens de bewoner niet klopt."))
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Telefoon of e-mail van de bewoner. Mag leeg zijn."),
    )
    ontvangen_op = models.DateTimeField(
        _("ontvangen op"), auto_now_add=True, help_text=_("Wanneer de melding binnenkwam.")
    )
    afgehandeld = models.BooleanField(
        _("afgehandeld"), default=False, help_text=_("Zet een vinkje als je de melding hebt opgelost.")
    )
    afgehandeld_op = models.DateTimeField(
        _("afgehandeld op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de melding op afgehandeld is gezet. Daarna gaan de contactgegevens na een tijd weg."),
    )

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["afgehandeld", "-ontvangen_op"]

    def __str__(self):
        return f"{self.pagina_titel}: {self.bericht[:40]}"

    def zet_afgehandeld(self, afgehandeld):
        """Mark handled (or open again); the retention period counts from the moment it was handled."""
        self.afgehandeld = afgehandeld
        self.afgehandeld_op = timezone.now() if afgehandeld else None
        self.save(update_fields=["afgehandeld", "afgehandeld_op"])
