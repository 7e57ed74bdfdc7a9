"""An in-memory picture of the searchable pages of one locale, for query understanding and ranking.

The search backend (database or Elasticsearch) finds candidates; this index knows the words of every
page (stems and compound parts), the glossary (terms, abbreviations, other words), the place names and
the weekdays of activities. It is built from the live pages and rebuilt when pages change (a cheap
fingerprint query per search, and a signal on publish in this process).
"""

import itertools
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, PageViewRestriction, Site

from activiteiten.recurrence import to_local_naive, weekdays
from home.translation_state import text_language
from postcodes.nabij import centre_of

from . import vocabulary
from .docindex_lookups import COMPOUND_MIN_LENGTH, Lookups
from .page_texts import (
    activiteit_texts,
    activity_shown,
    begrip_texts,
    buurt_texts,
    shown_texts,
    voorziening_texts,
)
from .page_texts import content_words as _content_words
from .postings import Postings
from .searched import in_language
from .text import SHORT_WORDS, base_lexicon, fold, split_compound, stem, stopwords, words

PART = 0.85  # a compound part counts a little less than the whole word
GENERIC_PLACE_WORDS = frozenset(
    "noord zuid oost west zuidoost zuidwest noordoost noordwest centrum midden lage land hoge oude nieuwe "
    "dorp wijk kern buurt complex".split()
)
_generations = itertools.count(1)
TYPE_ORDER = {"begrip": 0, "activiteit": 1, "voorziening": 2, "buurt": 3}


@dataclass
class Doc:
    id: int
    type: str
    slug: str
    title: str
    url: str
    summary: str
    body: str
    buurt_id: int | None = None
    buurt_slug: str = ""
    buurt_title: str = ""
    terms: dict = field(default_factory=dict)
    title_words: frozenset = frozenset()
    title_head: str = ""  # the stem of the first content word of the title: what the page is about
    weekdays: frozenset = frozenset()
    start_hour: int | None = None
    ends_at: datetime | None = None  # last moment of the last occurrence; None = goes on
    telefoon: str = ""
    voorziening_id: int | None = None  # where an activity takes place
    soort: str = ""
    categorie: str = ""  # an activity's kind (ActiviteitPage.categorie): what helps with a need (ranking.OTHER_KIND)
    path: str = ""  # a buurt's tree path: at scale a search in one buurt asks the backend for pages under it
    flat: str | None = None
    lang: str = ""  # the language of its texts: Dutch for an untranslated copy (home/translation_state.py)

    def is_over(self, now):
        return self.ends_at is not None and self.ends_at < now

    def words_in_order(self):
        """All its words in order, folded, with a space on both sides (for phrase matches; made once)."""
        if self.flat is None:
            self.flat = f" {' '.join(words(f'{self.title} {self.summary} {self.body}'))} "
        return self.flat


@dataclass
class Concept:
    """A glossary term with the ways residents may say it."""

    doc_id: int
    title: str
    afkorting: str
    uitleg: str
    url: str
    phrases: list  # [(kind, tuple of folded content words)]
    title_words: tuple
    synonym_groups: list  # [tuple of folded content words]
    related: tuple = ()  # doc ids of the terms linked under ‘zie ook’ (both directions)
    lang: str = ""  # the language of title and uitleg


def _weekdays(page):
    """The weekdays of an activity (activiteiten.recurrence.weekdays) and the hour it starts."""
    return weekdays(page.herhaling, page.start), to_local_naive(page.start).hour


def memory_max_activities():
    """Up to this many live activities the picture holds every page; above it, only the other pages,
    and a search takes its activities from the search backend (setting; see docs/search-scale.md)."""
    return getattr(settings, "SEARCH_MEMORY_MAX_ACTIVITIES", 5000)


class DocIndex(Lookups, Postings):
    def __init__(self, locale):
        super().__init__()
        self.generation = next(_generations)  # a new number for every build: cache keys use it
        self.locale = locale
        self.docs = {}
        self.concepts = []
        self.places = {}  # folded place words → set of buurt ids
        self.buurten = {}  # buurt id → Doc
        # For places.kind_stand_ins: buurt id → its folded gemeente, buurt id → the soorten of its places, place
        # id → its (lat, lon), buurt id → the centre of its places (postcodes.nabij.centre_of).
        self.gemeenten = {}
        self.soorten = {}
        self.points = {}
        self.centres = {}
        self.by_path = {}  # buurt page path → Doc
        self.activity_count = 0  # at scale: the live activities, which the picture does not hold
        self.at_scale = False
        self._activity_counts = {}
        self.candidate_docs = {}  # at scale: page id → Doc (or None) of activities searches found
        # Read once per picture for every page's address (_doc); a changed site reaches the next picture.
        self._site_root_paths = Site.get_site_root_paths()
        self._build()
        for doc in self.docs.values():
            self.post(doc)
        self.n = max(len(self.docs) + self.activity_count, 1)
        self.sorted_terms = sorted(self.postings)

    # -- building ---------------------------------------------------------------------------------
    def _terms_of(self, word):
        """The stem of a word and the stems of its compound parts (worked out once per word)."""
        found = self._word_terms.get(word)
        if found is None:
            parts = split_compound(word, self.lexicon, self.short_words) if len(word) >= COMPOUND_MIN_LENGTH else None
            found = (stem(word), tuple(stem(part) for part in parts or ()))
            self._word_terms[word] = found
        return found

    def _add_text(self, doc, text, weight):
        for word in _content_words(text):
            term, parts = self._terms_of(word)
            self._put(doc, term, weight)
            for part in parts:
                self._put(doc, part, weight * PART)

    def _add_texts(self, doc, texts):
        for weight, text in texts:
            self._add_text(doc, text, weight)

    @staticmethod
    def _put(doc, term, weight):
        if doc.terms.get(term, 0) < weight:
            doc.terms[term] = weight

    def live(self, model, related=(), prefetch=()):
        """Live pages of this locale, plus the default-language page where there is no live
        translation: the page the site shows at that address (searched.in_language, the rule the
        engine's filter uses too). A list of querysets, to list, count or read values from."""
        base = model.objects.live().public().select_related(*related).prefetch_related(*prefetch)
        return [in_language(base, self.locale)]

    def _pages(self, model, related=(), prefetch=()):
        return [page for queryset in self.live(model, related, prefetch) for page in queryset]

    def _build(self):
        from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
        from woordenlijst.models import BegripPage

        self._word_terms = {}
        live_activities = sum(queryset.count() for queryset in self.live(ActiviteitPage))
        self.at_scale = live_activities > memory_max_activities()
        buurten = self._pages(BuurtPage)
        voorzieningen = self._pages(VoorzieningPage, prefetch=["openingstijden"])
        activiteiten = [] if self.at_scale else self._pages(ActiviteitPage, related=["voorziening"])
        begrippen = self._pages(BegripPage)
        # At scale no activity is read: how many have a word comes from the vocabulary in the database
        # (activity_count_for), and the words of their titles, which belong to the compound lexicon at every
        # size (without them compound questions lost at scale: docs/search-scale.md), from its title rows.
        self.activity_count = live_activities if self.at_scale else 0
        corpus_words = set()
        for page in [*buurten, *voorzieningen, *activiteiten, *begrippen]:
            corpus_words.update(words(page.title))
        if self.at_scale:
            corpus_words.update(vocabulary.title_words(self.locale))
        self.short_words = SHORT_WORDS | {w for w in corpus_words if len(w) == 3}
        self.lexicon = base_lexicon() | {w for w in corpus_words if len(w) >= 4}

        for page in buurten:
            doc = self._doc(page, "buurt", *shown_texts(page))
            doc.buurt_id, doc.buurt_slug, doc.buurt_title = page.id, page.slug, page.title
            self._add_texts(doc, buurt_texts(page))
            doc.path = page.path
            self.by_path[page.path] = doc
            self.buurten[page.id] = doc
            self.gemeenten[page.id] = fold(page.gemeente)
            # The name without what the brackets add ("De Pas (Elst)" → "de pas": places.named_places reads
            # two words, the first may be a stop word).
            own_name = fold(page.title.split("(", 1)[0]).strip()
            for key in {fold(page.title), own_name, fold(page.gemeente), *words(page.title), *words(page.gemeente)}:
                if len(key) >= 4 and key not in GENERIC_PLACE_WORDS and key not in stopwords():
                    self.places.setdefault(key, set()).add(page.id)
            self.places.setdefault(" ".join(_content_words(page.title)), set()).add(page.id)
            for area in page.postcode_list():  # "6825" names this buurt (search/places.py)
                self.places.setdefault(area, set()).add(page.id)

        points_of = {}  # buurt id → the (lat, lon) of its places
        for page in voorzieningen:
            summary, body = shown_texts(page)
            doc = self._doc(page, "voorziening", summary, body)
            doc.telefoon, doc.soort = page.telefoon, page.soort
            buurt = self._attach(doc, page)
            if buurt:
                self.soorten.setdefault(buurt.id, set()).add(page.soort)
            if page.latitude is not None and page.longitude is not None:
                self.points[doc.id] = (float(page.latitude), float(page.longitude))
                if buurt:
                    points_of.setdefault(buurt.id, []).append(self.points[doc.id])
            self._add_texts(doc, voorziening_texts(page, body))
            for day in {o.dag for o in page.openingstijden.all()}:
                doc.weekdays |= {day}
            if buurt and page.plaats:
                for key in {fold(page.plaats), *words(page.plaats)}:
                    if len(key) >= 4 and key not in GENERIC_PLACE_WORDS:
                        self.places.setdefault(key, set()).add(buurt.id)

        self.centres = {buurt_id: centre_of(points) for buurt_id, points in points_of.items()}

        now = timezone.now()
        for page in activiteiten:
            doc = self.activity_doc(page, now)
            if doc is not None:
                self.docs[doc.id] = doc

        for page in begrippen:
            doc = self._doc(page, "begrip", *shown_texts(page))
            self._add_texts(doc, begrip_texts(page))
            self.concepts.append(self._concept(page, doc))
        self._link_related(begrippen)

    def _attach(self, doc, page):
        buurt = self.by_path.get(page.path[: -Page.steplen])
        if buurt:
            doc.buurt_id, doc.buurt_slug, doc.buurt_title = buurt.id, buurt.slug, buurt.title
        return buurt

    def activity_doc(self, page, now):
        """The engine's document for one activity, or None when it is cancelled for good or over."""
        shown, ends_at = activity_shown(page, now)
        if not shown:
            return None
        summary, body = shown_texts(page)
        doc = self._doc(page, "activiteit", summary, body, keep=False)
        self._attach(doc, page)
        place = page.live_voorziening  # a draft or unpublished place never shows in search
        doc.voorziening_id = place.pk if place is not None else None
        doc.weekdays, doc.start_hour = _weekdays(page)
        doc.ends_at, doc.categorie = ends_at, page.categorie
        self._add_texts(doc, activiteit_texts(page, body, place))
        return doc

    def _doc(self, page, kind, summary, body, keep=True):
        # Without a request Wagtail reads the sites' root paths from the cache for every page it gives an
        # address (with the database cache of `make run`, 0.2 s of a 0.6 s picture of 347 pages); it keeps
        # them on the page when they are there already (Page._get_site_root_paths).
        page._wagtail_cached_site_root_paths = self._site_root_paths
        doc = Doc(
            id=page.id,
            type=kind,
            slug=page.slug,
            title=page.title,
            url=page.get_url() or page.url_path,
            summary=strip_tags(summary or ""),
            body=body or "",
            title_words=frozenset(stem(w) for w in words(page.title)),
            title_head=next((stem(w) for w in _content_words(page.title)), ""),
            lang=text_language(page),
        )
        if keep:
            self.docs[page.id] = doc
        return doc

    def _concept(self, page, doc):
        phrases = [("term", tuple(_content_words(page.title)))]
        if page.afkorting:
            phrases.append(("afkorting", tuple(words(page.afkorting))))
        synonyms = [tuple(_content_words(s)) for s in page.synoniem_list()]
        phrases += [("synoniem", s) for s in synonyms]
        return Concept(
            doc_id=page.id,
            title=page.title,
            afkorting=page.afkorting,
            uitleg=page.uitleg,
            url=doc.url,
            phrases=[(kind, words_) for kind, words_ in phrases if words_],
            title_words=tuple(_content_words(page.title)),
            synonym_groups=[s for s in synonyms if s and len(s) <= 2],
            lang=doc.lang,
        )

    def _link_related(self, begrippen):
        """The editors' ‘zie ook’ links between glossary terms, both ways, as on the term's page."""
        from woordenlijst.models import BegripZieOok

        by_key = {page.translation_key: page.id for page in begrippen}
        related = {}
        pairs = BegripZieOok.objects.values_list("page__translation_key", "doel__translation_key").distinct()
        for a, b in pairs:
            if a in by_key and b in by_key and a != b:
                related.setdefault(by_key[a], set()).add(by_key[b])
                related.setdefault(by_key[b], set()).add(by_key[a])
        for concept in self.concepts:
            concept.related = tuple(sorted(related.get(concept.doc_id, ())))


_lock = threading.Lock()
# {locale pk: (fingerprint, DocIndex)}: one picture per process; other processes' publishes reach it
# through the shared stamp read on every search (get_index).
_indexes = {}


def _fingerprint(locale):
    """What changes when the picture must: the live pages, the last publish and revision, the view
    restrictions (a page behind one is no longer public: set or lifted without a publish) and the date."""
    agg = Page.objects.filter(locale__in={locale.pk, Locale.get_default().pk}).aggregate(
        n=Count("id", filter=Q(live=True)), p=Max("last_published_at"), r=Max("latest_revision_id")
    )
    restricted = PageViewRestriction.objects.aggregate(n=Count("id"), last=Max("id"))
    return (agg["n"], agg["p"], agg["r"], restricted["n"], restricted["last"], timezone.localdate())


_checked = {}
_stamps = {}


def _check_seconds():
    """How long another process may serve the old picture after a change (setting; 0 in tests)."""
    return getattr(settings, "SEARCH_INDEX_CHECK_SECONDS", 2.0)


def _shared_stamp():
    """The shared cache's "something was published" token (portal/pagecache/tags.py): every publish,
    unpublish, move or delete in ANY process changes it, so this process rebuilds its picture on the next
    search instead of after SEARCH_INDEX_CHECK_SECONDS. None while the cache cannot be reached: then the
    periodic database check below is all there is."""
    from portal.pagecache.tags import any_bump

    return any_bump()


def get_index(locale):
    # This process's picture (`_indexes`) learns of changes made by other processes through the shared
    # stamp (checked on every search) and, as a safety net, the database fingerprint every few seconds.
    entry = _indexes.get(locale.pk)
    now = time.monotonic()
    stamp = _shared_stamp()
    fresh = now - _checked.get(locale.pk, 0) < _check_seconds()
    if entry and fresh and stamp == _stamps.get(locale.pk):
        return entry[1]
    key = _fingerprint(locale)
    _checked[locale.pk] = now
    _stamps[locale.pk] = stamp
    if entry and entry[0] == key:
        return entry[1]
    if entry is None:
        _lock.acquire()
    elif not _lock.acquire(blocking=False):
        return entry[1]  # another thread builds the new picture: answer with the one before meanwhile
    try:
        entry = _indexes.get(locale.pk)
        if entry and entry[0] == key:
            return entry[1]
        index = DocIndex(locale)
        _indexes[locale.pk] = (key, index)
        return index
    finally:
        _lock.release()


def clear(**kwargs):
    _indexes.clear()
    _checked.clear()
    _stamps.clear()
