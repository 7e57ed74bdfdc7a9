"""Editors add postcodes (with their centre point and street) in the admin: Snippets → Postcodes."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Postcode


class PostcodeViewSet(SnippetViewSet):
    model = Postcode
    icon = "site"
    list_display = ["label", "straat", "plaats"]
    search_fields = ["postcode", "straat", "plaats"]
    ordering = ["postcode"]


register_snippet(PostcodeViewSet)
