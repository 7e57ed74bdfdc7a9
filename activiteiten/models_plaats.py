"""Inline rows of places and activities: accessibility answers and a place's own closing periods."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .recurrence_form import DateInput
from .toegankelijkheid import ToegankelijkheidItem


class PlekToegankelijkheid(ToegankelijkheidItem):
    page = ParentalKey("activiteiten.VoorzieningPage", on_delete=models.CASCADE, related_name="toegankelijkheid_items")


class ActiviteitToegankelijkheid(ToegankelijkheidItem):
    """Only where the activity differs from its place (for example: the activity is upstairs)."""

    page = ParentalKey("activiteiten.ActiviteitPage", on_delete=models.CASCADE, related_name="toegankelijkheid_items")


class Sluitingsperiode(Orderable):
    """Days a place is closed besides the public holidays, such as a summer closure."""

    page = ParentalKey("activiteiten.VoorzieningPage", on_delete=models.CASCADE, related_name="sluitingsperiodes")
    van = models.DateField(_("dicht vanaf"), help_text=_("De eerste dag dat het dicht is."))
    tot_en_met = models.DateField(_("tot en met"), help_text=_("De laatste dag dat het dicht is."))
    reden = models.CharField(_("reden"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: zomersluiting."))

    panels = [
        FieldRowPanel(
            [FieldPanel("van", widget=DateInput()), FieldPanel("tot_en_met", widget=DateInput()), FieldPanel("reden")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("sluitingsperiode")
        verbose_name_plural = _("sluitingsperiodes")

    def clean(self):
        if self.van and self.tot_en_met and self.tot_en_met < self.van:
            raise ValidationError({"tot_en_met": _("De laatste dag moet op of na de eerste dag liggen.")})
