"""What a place's search document says besides its own texts: the activities held there.

A resident asks "waar kan ik schaken" or "sjoelen Presikhaaf": the place where the schaakclub meets is an
answer too, though its own text seldom names every club. `VoorzieningZoekvelden.zoek_activiteiten` gives the
titles of the live activities at the place, in the place's language, as a page_texts.RankingText: only the
engine reads it, as one more way to match an asked word, below the place's own words
(search/engine_query.py, HOST). The database backends do not index it: there the place is found by its own
texts only.

An activity cancelled for good is not listed. One whose series is over still is, until it or the place is
published again or `update_index` runs: the time that passes changes no document (the activity's own
document is left out by the engine at the moment of the search, zoekvelden.zoek_getoond_tot).

Freshness (connected in signals.py): an activity that gets another title or place, goes on- or offline, is
cancelled for good or deleted makes its place(s) be indexed again, the old and the new, in every language,
once per transaction (portal/after_commit.py). Indexing a place costs one query for its activities; at
the scale of benchmarks/ (100,000 activities at some 1,000 places) `update_index` makes one per place.
"""

from wagtail.search import index

from portal.after_commit import once_after_commit
from search.page_texts import RankingText

from .zoekvelden import MixinField, remember_stored, stored_and_now, values_now

# At most this many titles per place: a busy buurthuis with 300 activities would otherwise match every
# asked word (its document would hold the whole agenda).
HOST_TITLES_MAX = 50
# What the place's document shows of an activity: a change to one of these re-indexes the place.
ACTIVITEIT_VELDEN = ("title", "voorziening_id", "live", "status")


class _PlaceRankingText(MixinField, RankingText):
    pass


class VoorzieningZoekvelden:
    """The search field of VoorzieningPage for the activities held there."""

    zoek_velden = [_PlaceRankingText("zoek_activiteiten")]

    def zoek_activiteiten(self):
        """The titles of the live activities at this place in its language, not cancelled for good: the
        activities of its locale that point at it or at one of its copies (a translated activity keeps
        the Dutch place until a copy of the place exists)."""
        from .models import ActiviteitPage

        titles = (
            ActiviteitPage.objects.live()
            .filter(locale_id=self.locale_id, voorziening__translation_key=self.translation_key)
            .exclude(status="afgelast")
            .order_by("path")
            .values_list("title", flat=True)
        )
        return " ".join(titles[:HOST_TITLES_MAX])


def _place_shown(values):
    """The place whose document shows the activity with these ACTIVITEIT_VELDEN values (None: none does)."""
    if values is None:
        return None
    _title, voorziening_id, live, status = values
    return voorziening_id if live and status != "afgelast" else None


def remember_activity_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep what the place's document shows of this activity as it is stored, before this save."""
    if not raw:
        remember_stored(instance, ACTIVITEIT_VELDEN, update_fields)


def renew_places_after_save(sender, instance, created=False, raw=False, **kwargs):
    """Index the place(s) again when the save changed what their documents show of this activity: the place
    it was shown at and the place it is shown at now."""
    before, now = stored_and_now(instance, ACTIVITEIT_VELDEN)
    if raw or (not created and (before is None or before == now)):
        return
    once_after_commit("plek_activiteiten", {_place_shown(before), _place_shown(now)}, reindex_places)


def renew_places_after_delete(sender, instance, **kwargs):
    """A deleted activity leaves the document of the place that showed it (a draft or a cancelled one was
    not shown: nothing to index again)."""
    shown = _place_shown(values_now(instance, ACTIVITEIT_VELDEN))
    if shown is not None:
        once_after_commit("plek_activiteiten", {shown}, reindex_places)


def reindex_places(ids):
    """Index again the places `ids` and their copies in the other languages."""
    from .models import VoorzieningPage

    keys = VoorzieningPage.objects.filter(pk__in=ids).values("translation_key")
    for place in VoorzieningPage.objects.filter(translation_key__in=keys).iterator():
        index.insert_or_update_object(place)
