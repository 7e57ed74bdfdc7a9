"""The read API: Wagtail's API v2 at /api/v2/ (pages, images, documents), read-only (GET only).

What is reachable: live pages without a view restriction (Wagtail's own `get_public_pages_queryset`), never
drafts, unpublished or private pages, and never wagtail-localize aliases (a Dutch page copied into another
language tree until it is translated: `?locale=en` gives real English translations only). Images and documents
in collections with a view restriction are left out by Wagtail's own viewsets.

Filters on top of Wagtail's (`type`, `child_of`, `descendant_of`, `locale`, `translation_of`, field values):
`?buurt=<slug>` for the pages of one buurt. Every bad value is a 400 with a message naming the parameter
(`{"message": "..."}`), never a 5xx. The messages are in English, like Wagtail's own API messages: the API
is read by programmers, not residents. Full-text search is not offered here: /api/zoeken/ is the portal's search.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from .api_fields import fields_for

# No listing has anywhere near this many items; a larger offset is a mistake (and too large for the database).
MAX_OFFSET = 1_000_000
# A slug is at most this long in Wagtail (Page.slug max_length).
MAX_SLUG = 255


class Pagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isascii() and offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class CheckedFieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's `?field=value` filter, with each value checked against its field first (a date that is no
    date, a number too large for the column, a choice that does not exist) so the database never sees it."""

    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in names:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if isinstance(field, models.ForeignKey):
                field = field.target_field
            _check(field, name, value)
        return super().filter_queryset(request, queryset, view)


def _check(field, name, value):
    if "\x00" in value:
        raise BadRequestError(f"{name}: null characters are not allowed")
    try:
        python_value = field.to_python(value)
        field.run_validators(python_value)
    except ValidationError as exc:
        raise BadRequestError(f"{name}: {value[:50]!r} is not a valid value ({' '.join(exc.messages)})") from exc
    if field.choices and python_value not in {key for key, _label in field.flatchoices}:
        choices = ", ".join(str(key) for key, _label in field.flatchoices)
        raise BadRequestError(f"{name}: {value[:50]!r} is not one of: {choices}")


class KnownLocaleFilter(BaseFilterBackend):
    """`?locale=en`: one of the portal's languages (Wagtail's own filter answers a 404 for any other)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        known = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if code not in known:
            raise BadRequestError(f"locale: {code[:50]!r} is not one of: {', '.join(known)}")
        return queryset.filter(locale__in=Locale.objects.filter(language_code=code))


class BuurtFilter(BaseFilterBackend):
    """`?buurt=<slug>`: the pages under that buurt (its activiteiten and voorzieningen), in every language
    unless `locale` is given too."""

    def filter_queryset(self, request, queryset, view):
        if "buurt" not in request.GET:
            return queryset
        from activiteiten.models import BuurtPage

        slug = request.GET["buurt"]
        if not slug or len(slug) > MAX_SLUG or "\x00" in slug:
            raise BadRequestError("buurt: give the slug of a buurt, for example ?buurt=presikhaaf")
        buurten = BuurtPage.objects.filter(slug=slug, pk__in=view.get_base_queryset().values("pk"))
        if not buurten.exists():
            raise BadRequestError(f"buurt: there is no published buurt with the slug {slug[:50]!r}")
        condition = models.Q()
        for buurt in buurten:
            condition |= models.Q(path__startswith=buurt.path, depth__gt=buurt.depth)
        return queryset.filter(condition)


class CheckedFind:
    """The `find/` view (`?id=`, `?html_path=`) with its values checked before they reach the database."""

    def find_object(self, queryset, request):
        for name in ("id", "html_path"):
            if "\x00" in request.GET.get(name, ""):
                raise BadRequestError(f"{name}: null characters are not allowed")
        value = request.GET.get("id")
        if value is not None and not (value.isascii() and value.isdigit()):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


class PortalPagesAPIViewSet(CheckedFind, PagesAPIViewSet):
    renderer_classes = [JSONRenderer]  # no browsable HTML API (it needs inline scripts the CSP refuses)
    pagination_class = Pagination
    filter_backends = [
        CheckedFieldsFilter,
        wagtail_filters.ChildOfFilter,
        wagtail_filters.AncestorOfFilter,
        wagtail_filters.DescendantOfFilter,
        wagtail_filters.OrderingFilter,
        wagtail_filters.TranslationOfFilter,
        KnownLocaleFilter,
        BuurtFilter,
    ]
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"search", "search_operator"}) | {"buurt"}

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(getattr(model, "api_fields", ())) + fields_for(model))

    def get_base_queryset(self):
        return super().get_base_queryset().filter(alias_of__isnull=True)


class PortalImagesAPIViewSet(CheckedFind, ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    pagination_class = Pagination
    filter_backends = [CheckedFieldsFilter, wagtail_filters.OrderingFilter]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters - {"search", "search_operator"}


class PortalDocumentsAPIViewSet(CheckedFind, DocumentsAPIViewSet):
    renderer_classes = [JSONRenderer]
    pagination_class = Pagination
    filter_backends = [CheckedFieldsFilter, wagtail_filters.OrderingFilter]
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters - {"search", "search_operator"}


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
