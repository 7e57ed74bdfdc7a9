"""The "Schrijfhulp" panel under the fields of activiteit, voorziening and buurt (updated on every save)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class SchrijfhulpPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Schrijfhulp"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "schrijfhulp"

    class BoundPanel(Panel.BoundPanel):
        template_name = "redactie/admin/schrijfhulp_panel.html"

        def get_context_data(self, parent_context=None):
            from .hints import LONG_SENTENCE_WORDS, hints_for

            context = super().get_context_data(parent_context)
            context["hints"] = hints_for(self.instance)
            context["max_words"] = LONG_SENTENCE_WORDS
            return context
