"""Pages every reader may see, asked in the same query as the pages themselves.

Wagtail's `PageQuerySet.public()` first reads every view restriction of the site (one query), then excludes
the pages under them. On a buurt page that was one of its 16 SQL queries (benchmarks/agenda_README.md: target
≤ 15). `public_pages` asks the same in the page query itself: a page is left out when a restricted page is
the page itself or one of its ancestors (its tree path starts with that page's path), as `public()` does.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_pages(queryset):
    """`queryset` without the pages under a view restriction (a password, a login or a group), as
    `queryset.public()`, in one query."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.filter(~Exists(restricted))
