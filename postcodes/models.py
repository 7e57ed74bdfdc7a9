"""Postcodes with their centre point, from data the portal ships (demo/corpus/postcodes.csv) and editors add.

No external geocoder: "Wat is er bij mij in de buurt?" only knows the postcodes in this table and the postcode
areas (4 digits) the buurten list. Which buurt a postcode belongs to is not stored here: the buurt page's
`postcodes` field says so (one place for that rule).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from .parse import parse


class Postcode(index.Indexed, models.Model):
    postcode = models.CharField(
        _("postcode"),
        max_length=7,  # as typed, "6826 HK"; stored without the space (clean())
        unique=True,
        help_text=_("4 cijfers (het hele gebied, zoals 6826) of 4 cijfers en 2 letters (zoals 6826 HK)."),
    )
    straat = models.CharField(
        _("straat"),
        max_length=100,
        blank=True,
        help_text=_("De straat bij deze postcode, zonder huisnummer. Bewoners kunnen ook op de straat zoeken."),
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: Arnhem."))
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        help_text=_("Het midden van de postcode: een getal met een punt, zoals 51.98412."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        help_text=_("Het midden van de postcode: een getal met een punt, zoals 5.94371."),
    )

    panels = [
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("straat"), FieldPanel("plaats")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]
    search_fields = [index.SearchField("postcode"), index.SearchField("straat"), index.AutocompleteField("straat")]

    class Meta:
        ordering = ["postcode"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self):
        return f"{self.label} ({self.straat})" if self.straat else self.label

    @property
    def label(self):
        """ "6826 HK" or "6826", as residents write it."""
        return parse(self.postcode).label or self.postcode

    label.fget.short_description = _("postcode")  # the column heading in the admin's list

    @property
    def area(self):
        return self.postcode[:4]

    def clean(self):
        invoer = parse(self.postcode)
        if invoer.kind != "postcode":
            raise ValidationError({"postcode": invoer.error or _("Geef een postcode als 6826 HK of 6826.")})
        self.postcode = invoer.postcode
        self.straat = " ".join(self.straat.split())
