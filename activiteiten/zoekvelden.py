"""What an activity's search document says besides its own texts: where, in which buurt, on which days.

A resident asks "koffie in De Oase" or "wat is er op dinsdag in Presikhaaf"; the activity's own texts seldom
name its place, its buurt or its weekday. `ActiviteitZoekvelden` gives ActiviteitPage these as search fields
(every backend: the database backend puts them in the body, OpenSearch in fields of their own):

- the name of its live place, in the activity's own language copy when the place has one (boost like the
  summary), and the place's address and town;
- the name of its buurt (the parent page) and the buurt's gemeente;
- the weekdays it takes place on, as words in the page's language ("dinsdag", "Tuesday", "salı", "الثلاثاء"),
  from recurrence.weekdays and sentence_parts.day_name; and the same days as numbers (0 is Monday) in a
  FilterField, so that an engine query can filter or boost on them;
- the part of the day it starts in (ochtend, middag, avond; the hours of sentence_parts.DAY_PARTS);
- until when the search shows it (the end of its series, or never again once cancelled for good), so that the
  engine itself leaves out what is over.

Not the next date: it changes every week without a publish, so an index would give yesterday's answer.

Freshness: a place or buurt that is renamed (or gets another address, gemeente, or goes on- or offline) makes
its activities be indexed again (`renew_after_save`, connected in signals.py), only when one of those values
changed. For `update_index` the place and buurt come with the activities in one query (`get_indexed_objects`).
"""

from datetime import UTC, datetime

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.models import Page
from wagtail.search import index

from home.translation_state import locale_language

from .recurrence import series_end, to_local_naive, weekdays
from .sentence_parts import DAY_PARTS, day_name, day_part_name

# Boost of the place's name: that of the other secondary fields (samenvatting, categorie).
SECONDARY_BOOST = 2
# "Until" of an activity cancelled for good: a moment long past (the engine's range filter needs a date).
NOT_SHOWN = datetime(2000, 1, 1, tzinfo=UTC)
# What the activities' documents show of a place and of a buurt: a change to one of these re-indexes them.
PLEK_VELDEN = ("title", "adres", "plaats", "live")
BUURT_VELDEN = ("title", "gemeente", "live")
# Annotations that get_indexed_objects adds, so that update_index needs no query per activity.
BUURT_NAAM, BUURT_GEMEENTE, PLEK_VERTAALD = "_zoek_buurt_naam", "_zoek_buurt_gemeente", "_zoek_plek_vertaald"


class MixinField:
    """A search field whose value comes from a mixin (ActiviteitZoekvelden, zoekvelden_plek.VoorzieningZoekvelden).
    It belongs to the model that mixes it in: OpenSearch names a field after the model that defines it, and
    modelsearch would take the mixin, which is no model."""

    def get_definition_model(self, cls):
        mro = cls.__mro__
        mixin = next(base for base in mro if self.field_name in base.__dict__)
        return next(base for base in mro if mixin in base.__bases__)


class ZoekSearchField(MixinField, index.SearchField):
    pass


class ZoekFilterField(MixinField, index.FilterField):
    pass


class ActiviteitZoekvelden:
    """Search fields of ActiviteitPage for its place, buurt, weekdays and part of the day."""

    zoek_velden = [
        ZoekSearchField("zoek_plek_naam", boost=SECONDARY_BOOST),
        ZoekSearchField("zoek_plek_adres"),
        ZoekSearchField("zoek_buurt"),
        ZoekSearchField("zoek_weekdagen"),
        ZoekSearchField("zoek_dagdeel"),
        ZoekFilterField("zoek_weekdagnummers", type="PositiveSmallIntegerField"),
        ZoekFilterField("zoek_getoond_tot", type="DateTimeField"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        """All activities with their place, and their buurt's name and gemeente and the name of the place's
        copy in their language as annotations: one query for update_index instead of three per activity."""
        from .models import BuurtPage

        parent = BuurtPage.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
        translated_place = Page.objects.filter(
            translation_key=OuterRef("voorziening__translation_key"), locale_id=OuterRef("locale_id"), live=True
        )
        return (
            super()
            .get_indexed_objects()
            .select_related("voorziening")
            .annotate(
                **{
                    BUURT_NAAM: Subquery(parent.values("title")[:1]),
                    BUURT_GEMEENTE: Subquery(parent.values("gemeente")[:1]),
                    PLEK_VERTAALD: Subquery(translated_place.values("title")[:1]),
                }
            )
        )

    def _language(self):
        return locale_language(self.locale_id)

    def zoek_plek_naam(self):
        """The live place's name in this page's language ("" without a live place)."""
        place = self.live_voorziening
        if place is None:
            return ""
        if place.locale_id == self.locale_id:
            return place.title
        if PLEK_VERTAALD in self.__dict__:
            return getattr(self, PLEK_VERTAALD) or place.title
        copy = place.get_translation_or_none(self.locale_id)
        return copy.title if copy is not None and copy.live else place.title

    def zoek_plek_adres(self):
        place = self.live_voorziening  # the address is the same in every language: no translation to look up
        return f"{place.adres} {place.plaats}".strip() if place is not None else ""

    def zoek_buurt(self):
        if BUURT_NAAM in self.__dict__:
            naam, gemeente = getattr(self, BUURT_NAAM), getattr(self, BUURT_GEMEENTE)
        else:
            buurt = self.get_parent().specific
            naam, gemeente = buurt.title, getattr(buurt, "gemeente", "")
        return " ".join(part for part in (naam, gemeente) if part)

    def zoek_getoond_tot(self):
        """Until when the search shows this activity: the end of its last time (recurrence.series_end), None
        while the series goes on. One cancelled for good is shown no more (NOT_SHOWN). The engine leaves out
        what is over at the moment of each search (engine_query.SHOWN_UNTIL_FIELD), so that its best pages
        and its counts are of activities a resident can still go to; the time that passes needs no
        new index, only a change of the activity itself does (a publish indexes it again)."""
        if self.status == "afgelast":
            return NOT_SHOWN
        return series_end(self.start, self.eind, self.herhaling) if self.start else None

    def zoek_weekdagnummers(self):
        return sorted(weekdays(self.herhaling, self.start)) if self.start else []

    def zoek_weekdagen(self):
        with translation.override(self._language()):
            return " ".join(day_name(day) for day in self.zoek_weekdagnummers())

    def zoek_dagdeel(self):
        if not self.start:
            return ""
        hour = to_local_naive(self.start).hour
        with translation.override(self._language()):
            return " ".join(day_part_name(key) for key, (start, end) in DAY_PARTS.items() if start <= hour < end)


def _watched(instance):
    from .models import BuurtPage, VoorzieningPage

    if isinstance(instance, VoorzieningPage):
        return PLEK_VELDEN
    if isinstance(instance, BuurtPage):
        return BUURT_VELDEN
    return ()


# The instance attribute where remember_stored keeps the stored values, per tuple of fields: the place's
# fields for its activities' documents and an activity's fields for its place's document are kept apart.
_STORED = "_zoek_opgeslagen"


def remember_stored(instance, fields, update_fields=None):
    """Keep on the instance the values of `fields` as they are stored, before this save, for
    `stored_and_now` after it. Nothing for a new page, or for a save of other fields only."""
    if instance.pk is None or (update_fields is not None and not set(fields) & set(update_fields)):
        return
    stored = type(instance).objects.filter(pk=instance.pk).values_list(*fields).first()
    instance.__dict__.setdefault(_STORED, {})[fields] = stored


def values_now(instance, fields):
    """The values of `fields` on the instance, as a tuple to compare with what remember_stored kept."""
    return tuple(getattr(instance, name) for name in fields)


def stored_and_now(instance, fields):
    """(the values of `fields` before this save or None, the values now) and forget the first."""
    before = instance.__dict__.get(_STORED, {}).pop(fields, None)
    return before, values_now(instance, fields)


def remember_before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """Keep what the activities' documents show of a place or buurt as it is stored, before this save."""
    fields = _watched(instance)
    if not raw and fields:
        remember_stored(instance, fields, update_fields)


def renew_after_save(sender, instance, **kwargs):
    """Index the activities again when the save changed the name, address, gemeente or being online."""
    fields = _watched(instance)
    if not fields:
        return
    before, now = stored_and_now(instance, fields)
    if before is None or now == before:
        return
    transaction.on_commit(lambda: reindex_activities_of(instance))


def reindex_activities_of(page):
    """Index again the activities whose document shows this place or buurt."""
    from .models import ActiviteitPage, VoorzieningPage

    if isinstance(page, VoorzieningPage):
        # Its own activities, and in its locale the copies of activities that point at the Dutch place.
        where = Q(voorziening_id=page.pk) | Q(
            voorziening__translation_key=page.translation_key, locale_id=page.locale_id
        )
        activities = ActiviteitPage.get_indexed_objects().filter(where)
    else:
        activities = ActiviteitPage.get_indexed_objects().child_of(page)
    for activity in activities.iterator():
        index.insert_or_update_object(activity)
