"""The abstract page of everything that lives under a buurt (places and activities), and the rich text features
of their descriptions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage

from .talen import MAX_LENGTH as TALEN_MAX_LENGTH
from .talen import getoond, validate_talen, zoekwoorden
from .toegankelijkheid import answers_for

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class BuurtItemPage(BasePage):
    """Shared fields of the pages that live under a buurt."""

    omschrijving = RichTextField(
        _("omschrijving"),
        features=RICH_FEATURES,
        help_text=_("Vertel in korte zinnen wat het is en voor wie. Leg moeilijke woorden uit."),
    )
    toegankelijkheid = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: drempelvrij, lift, invalidentoilet, ringleiding."),
    )

    gecontroleerd_op = models.DateField(
        _("gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("De dag waarop iemand heeft gecontroleerd dat alles op deze pagina nog klopt."),
    )
    # The codes of activiteiten/talen.py, comma-separated ("tr,ar"); the editor ticks boxes.
    talen = models.CharField(
        _("hier spreken ze ook"),
        max_length=TALEN_MAX_LENGTH,
        blank=True,
        default="",
        validators=[validate_talen],
        help_text=_("Vink de talen aan die je hier naast Nederlands kunt spreken. Geen? Laat alles leeg."),
    )

    parent_page_types = ["activiteiten.BuurtPage"]
    subpage_types = []
    # The same in every language version: a translator translates words, not which languages are spoken.
    override_translatable_fields = [SynchronizedField("talen", overridable=False)]

    class Meta:
        abstract = True

    def gesproken_talen(self):
        """The spoken languages as the page shows them, in the reader's language (talen.getoond)."""
        return getoond(self.talen)

    def talen_zoekwoorden(self):
        """The names of the spoken languages in nl, en, tr and ar: what search finds the page by."""
        return zoekwoorden(self.talen)

    def toegankelijkheid_lijst(self):
        """The accessibility answers the page shows (toegankelijkheid.answers_for)."""
        return answers_for(self)
