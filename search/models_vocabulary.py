"""The words of the live pages, per language, for typo correction (search/vocabulary.py).

Kept in the database so that every process corrects a typo to the same word, without a picture of all
pages in memory. ZoekwoordPagina holds which page has which word, so that a publish or unpublish of one
page changes only the counts of that page's words.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

WORD_MAX_LENGTH = 100  # longer "words" are pasted codes or links, never a typo target


class Zoekwoord(models.Model):
    woord = models.CharField(_("woord"), max_length=WORD_MAX_LENGTH)
    stam = models.CharField(_("stam"), max_length=WORD_MAX_LENGTH, db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, verbose_name=_("taal"))
    aantal_paginas = models.PositiveIntegerField(_("aantal pagina's"), default=0)

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")
        constraints = [models.UniqueConstraint(fields=["woord", "locale"], name="zoekwoord_uniek")]

    def __str__(self):
        return f"{self.woord} ({self.aantal_paginas})"


class ZoekwoordPagina(models.Model):
    zoekwoord = models.ForeignKey(Zoekwoord, on_delete=models.CASCADE, related_name="paginas")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # The word is in the page's title. The titles' words make up the compound lexicon (text.split_compound:
    # "stoelyoga" is split because an activity is called "Yoga ..."); at scale the picture takes them from
    # here instead of reading every activity's title (vocabulary.title_words).
    in_titel = models.BooleanField(_("in de titel"), default=False)

    class Meta:
        verbose_name = _("zoekwoord op een pagina")
        verbose_name_plural = _("zoekwoorden op pagina's")
        constraints = [models.UniqueConstraint(fields=["page", "zoekwoord"], name="zoekwoordpagina_uniek")]
        # Only the title rows, about one in ten: vocabulary.title_words reads them with every new picture.
        indexes = [models.Index(fields=["zoekwoord"], condition=models.Q(in_titel=True), name="zoekwoordpagina_titel")]

    def __str__(self):
        return f"{self.zoekwoord.woord} → {self.page_id}"
