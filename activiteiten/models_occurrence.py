"""Stored occurrences of activities: one row per time an activity takes place.

Agendas, the home page's "deze week" and the weekoverzicht read this table with one indexed query
instead of expanding every recurrence rule per request. The rows are rebuilt for one activity when it
is published, unpublished or deleted (see signals.py) and for all activities by the management command
``refresh_occurrences`` (rolling window, run it once a day).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .talen import MAX_LENGTH as TALEN_MAX_LENGTH


class Occurrence(models.Model):
    page = models.ForeignKey(
        "activiteiten.ActiviteitPage", on_delete=models.CASCADE, related_name="occurrence_rows", db_index=False
    )
    buurt = models.ForeignKey(
        "activiteiten.BuurtPage", on_delete=models.CASCADE, related_name="+", null=True, db_index=False
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False)
    voorziening_key = models.UUIDField(null=True, blank=True, db_index=True)
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    datum = models.DateField(_("datum"), help_text=_("De dag van het begin, in Nederlandse tijd."))
    weekdag = models.PositiveSmallIntegerField(_("dag van de week"), help_text=_("0 is maandag, 6 is zondag."))
    categorie = models.CharField(_("categorie"), max_length=30)
    doelgroepen = models.CharField(_("voor wie"), max_length=200, blank=True, help_text=",ouderen,iedereen,")
    gratis = models.BooleanField(_("gratis"), default=False)
    # The accessibility items answered "ja" (the activity's own, else its place's): ",drempelvrij,lift,".
    toegankelijk = models.CharField(_("toegankelijk"), max_length=400, blank=True, help_text=",drempelvrij,lift,")
    afgelast = models.BooleanField(_("afgelast"), default=False)
    reden = models.CharField(_("reden"), max_length=200, blank=True)
    # The spoken languages besides Dutch as ",tr,ar," (activiteiten/talen.py), for the agenda filter "Taal".
    talen = models.CharField(
        _("hier spreken ze ook"), max_length=TALEN_MAX_LENGTH + 2, blank=True, default="", help_text=",tr,ar,"
    )  # + 2: the comma before the first and after the last code
    # Longer than occurrences.SHORT_SPAN (a day trip, a multi-day exhibition): listings find these through
    # their own index once they have begun, instead of walking past every row that already ended.
    lang_lopend = models.BooleanField(_("duurt lang"), default=False)

    class Meta:
        verbose_name = _("keer dat een activiteit is")
        verbose_name_plural = _("keren dat activiteiten zijn")
        ordering = ["start"]
        indexes = [
            # The agendas sort on (start, page): with page in the index the database stops after one page
            # of rows instead of sorting every occurrence that starts at the same time (many at 10.00).
            models.Index(fields=["locale", "start", "page"], name="occ_locale_start"),
            models.Index(fields=["buurt", "start", "page"], name="occ_buurt_start"),
            models.Index(fields=["page", "start"], name="occ_page_start"),
            models.Index(fields=["locale", "categorie", "start", "page"], name="occ_locale_cat_start"),
            models.Index(fields=["locale", "weekdag", "start", "page"], name="occ_locale_day_start"),
            models.Index(
                fields=["locale", "start", "page"], name="occ_locale_lang_lopend", condition=models.Q(lang_lopend=True)
            ),
        ]

    def __str__(self):
        return f"{self.page_id} {self.start:%Y-%m-%d %H:%M}"

    @property
    def activiteit(self):
        return self.page
