"""The vocabulary for typo correction: the words of the live pages, per language, in the database.

`nearest(word, locale)` gives the known words closest to a word nobody wrote (a typo); `known(word,
locale)` tells whether a page says the word (or a word with the same stem). Publish, unpublish and delete
keep it up to date page by page (signals_vocabulary.py); `manage.py rebuild_search_vocabulary` rebuilds
it (load_demo runs it at the end). Every process reads the same rows: the same typo, the same answer.
"""

from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.utils import timezone
from rapidfuzz import fuzz, process
from wagtail.models import Locale, Page

from .models_vocabulary import WORD_MAX_LENGTH, Zoekwoord, ZoekwoordPagina
from .page_texts import activity_shown, content_words, texts_of
from .postings import PREFIX_MIN_LENGTH, shorter_stems
from .searched import content_type_ids
from .text import broader, stem, stems_kept_apart, thesaurus, translations

TYPO_MIN_LENGTH = 5  # shorter words have too many near neighbours to guess which one was meant
# The words of the pages it holds: every word but the stop words, as the picture knows them, so that at
# scale "gym" or "bus" on an activity is a known word (docindex.DocIndex.activity_count_for). A word this
# short is never proposed as a correction: a typo is corrected from TYPO_MIN_LENGTH letters on, and a
# word of 3 letters is never close enough to one of 5 (fuzz.ratio at most 2·3 / (3 + 5) = 75 < 78).
MIN_WORD_LENGTH = 3
SCORE_CUTOFF = 78  # rapidfuzz fuzz.ratio (0–100) a known word needs to count as the intended word
NEAREST = 3  # corrections proposed per word
# PostgreSQL: pg_trgm's `%` operator (served by the GIN index) finds the candidates, at most
# TRIGRAM_CANDIDATES of the most similar; they are then scored with the same fuzz.ratio and cutoff as on
# SQLite, so that both databases propose the same words. pg_trgm's default threshold (0.3) misses typos
# the cutoff accepts (‘hastane’ ~ ‘kastanje’ share 3 of 14 trigrams: 0.21, fuzz.ratio 80); at this
# threshold the benchmark (benchmarks/typo_vocabulary_agreement.py) finds the same first correction as a
# scan of all words for nearly every typo (figures in search/README.md).
TRIGRAM_THRESHOLD = 0.15
TRIGRAM_CANDIDATES = 50
BATCH_SIZE = 2000  # rows per INSERT in a rebuild: well under SQLite's limit of variables per statement


def words_of(page):
    """The vocabulary words of one specific page, {word: in its title}: its search texts' words of
    MIN_WORD_LENGTH letters or more; none for a page the search does not show (not live, not public, a
    cancelled or past activity)."""
    from activiteiten.models import ActiviteitPage

    if not page.live or not Page.objects.public().filter(pk=page.pk).exists():
        return {}
    if isinstance(page, ActiviteitPage) and not activity_shown(page, timezone.now())[0]:
        return {}
    found = {
        w
        for _weight, text in texts_of(page)
        for w in content_words(text)
        if MIN_WORD_LENGTH <= len(w) <= WORD_MAX_LENGTH
    }
    in_title = set(content_words(page.title))
    return {w: w in in_title for w in found}


def _recount(word_ids):
    """The page counts of these words again, in one UPDATE; a word no page has any more goes.
    (One UPDATE per word: unpublish and publish of a demo activity took 95 queries and 73 ms on
    PostgreSQL; now 20 queries and 26 ms.)"""
    if not word_ids:
        return
    pages = ZoekwoordPagina.objects.filter(zoekwoord_id=OuterRef("pk")).values("zoekwoord_id")
    per_word = pages.annotate(n=Count("pk")).values("n")
    Zoekwoord.objects.filter(pk__in=word_ids).update(aantal_paginas=Coalesce(Subquery(per_word), 0))
    Zoekwoord.objects.filter(pk__in=word_ids, aantal_paginas=0).delete()


@transaction.atomic
def update_page(page):
    """Put the words of one page (as it is now) in the vocabulary of its language: only the counts of
    the words it gained or lost change."""
    page = page.specific
    titled = words_of(page)
    new = set(titled)
    had = dict(ZoekwoordPagina.objects.filter(page_id=page.pk).values_list("zoekwoord__woord", "zoekwoord_id"))
    gone = [pk for word, pk in had.items() if word not in new]
    ZoekwoordPagina.objects.filter(page_id=page.pk, zoekwoord_id__in=gone).delete()
    added = sorted(new - set(had))
    existing = dict(Zoekwoord.objects.filter(locale_id=page.locale_id, woord__in=added).values_list("woord", "pk"))
    Zoekwoord.objects.bulk_create(
        [Zoekwoord(woord=w, stam=stem(w), locale_id=page.locale_id) for w in added if w not in existing]
    )
    ids = dict(Zoekwoord.objects.filter(locale_id=page.locale_id, woord__in=added).values_list("woord", "pk"))
    ZoekwoordPagina.objects.bulk_create(
        [ZoekwoordPagina(page_id=page.pk, zoekwoord_id=ids[w], in_titel=titled[w]) for w in added]
    )
    # A word the page keeps may have moved into or out of its title.
    kept = ZoekwoordPagina.objects.filter(page_id=page.pk).exclude(zoekwoord_id__in=ids.values())
    title_ids = [pk for word, pk in had.items() if titled.get(word)]
    kept.filter(zoekwoord_id__in=title_ids, in_titel=False).update(in_titel=True)
    kept.exclude(zoekwoord_id__in=title_ids).filter(in_titel=True).update(in_titel=False)
    _recount([*gone, *ids.values()])


def forget_page(page_id):
    """An unpublished or deleted page: its words lose it."""
    with transaction.atomic():
        ids = list(ZoekwoordPagina.objects.filter(page_id=page_id).values_list("zoekwoord_id", flat=True))
        ZoekwoordPagina.objects.filter(page_id=page_id).delete()
        _recount(ids)


def rebuild():
    """The whole vocabulary again from the live pages, in a few bulk writes: (words, pages)."""
    from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
    from woordenlijst.models import BegripPage

    pages_of = {}  # (word, locale id) → [(id of a page that has it, in its title)]
    pages = 0
    for model in (BuurtPage, VoorzieningPage, ActiviteitPage, BegripPage):
        for page in model.objects.live().public().iterator():
            pages += 1
            for word, in_title in words_of(page).items():
                pages_of.setdefault((word, page.locale_id), []).append((page.pk, in_title))
    with transaction.atomic():
        ZoekwoordPagina.objects.all().delete()
        Zoekwoord.objects.all().delete()
        Zoekwoord.objects.bulk_create(
            [
                Zoekwoord(woord=word, stam=stem(word), locale_id=locale_id, aantal_paginas=len(found))
                for (word, locale_id), found in sorted(pages_of.items())
            ],
            batch_size=BATCH_SIZE,
        )
        word_ids = {
            (w, locale_id): pk for pk, w, locale_id in Zoekwoord.objects.values_list("pk", "woord", "locale_id")
        }
        ZoekwoordPagina.objects.bulk_create(
            [
                ZoekwoordPagina(zoekwoord_id=word_ids[key], page_id=page_id, in_titel=in_title)
                for key, found in pages_of.items()
                for page_id, in_title in found
            ],
            batch_size=BATCH_SIZE,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics, or the planner guesses from an empty table
            cursor.execute(f"ANALYZE {Zoekwoord._meta.db_table}, {ZoekwoordPagina._meta.db_table}")
    return len(pages_of), pages


def _locales(locale):
    """A language's pages plus the Dutch pages it shows where there is no translation yet (as the site does)."""
    return {locale.pk, Locale.get_default().pk}


def _stem_matches(term, via="", shortened=True):
    """The words with this stem, matched as the ranking matches a stem (postings.matching_terms): the stem
    itself, its shorter stem (not with `shortened=False`), and a longer stem that starts with it. `via` is
    the path from the model asked to Zoekwoord ("zoekwoord__" from ZoekwoordPagina)."""
    match = Q(**{f"{via}stam": term})
    if shortened:
        match |= Q(**{f"{via}stam__in": shorter_stems(term)})
    if len(term) >= PREFIX_MIN_LENGTH:
        longer = Q(**{f"{via}stam__startswith": term})
        for apart in stems_kept_apart().get(term, ()):  # as postings.matching_terms: "ouder" ≠ "oudere"
            longer &= ~Q(**{f"{via}stam__startswith": apart})
        match |= longer
    return match


def known(word, locale):
    """A page of this language says the word, or a word with its stem, a longer word starting with that
    stem, or its shorter stem — the same matching as the ranking's (_stem_matches)."""
    match = Q(woord=word) | _stem_matches(stem(word))
    return Zoekwoord.objects.filter(match, locale_id__in=_locales(locale)).exists()


def known_unshortened(word, locale):
    """`known` without the shorter stem: a page says the word, a word with its stem or a longer word
    that starts with that stem (query_understanding._read_as_typo, at scale)."""
    match = Q(woord=word) | _stem_matches(stem(word), shortened=False)
    return Zoekwoord.objects.filter(match, locale_id__in=_locales(locale)).exists()


def activities_with(term, locale, compounds=()):
    """About how many activities a reader of `locale` finds by this stem, matched as the ranking matches a
    stem (_stem_matches), plus the activities with one of `compounds`, words that hold the stem as a part
    ("koffieochtend" for "ochtend"; the caller splits them: words_containing). An activity counts once,
    also when its Dutch page and its translation both have the word (one translation_key). At scale the
    picture asks this instead of reading every activity (docindex.DocIndex.activity_count_for)."""
    match = _stem_matches(term, via="zoekwoord__") | Q(zoekwoord__woord__in=compounds)
    rows = ZoekwoordPagina.objects.filter(
        match, zoekwoord__locale_id__in=_locales(locale), page__content_type__in=content_type_ids(["activiteit"])
    )
    return rows.values("page__translation_key").distinct().count()


def title_words(locale):
    """The words of the titles of the language's pages (and of the Dutch pages it shows): the compound
    lexicon's words of the activities at scale (docindex), read from the title rows (their own index)
    instead of from every activity's title."""
    rows = ZoekwoordPagina.objects.filter(in_titel=True, zoekwoord__locale_id__in=_locales(locale))
    return set(rows.values_list("zoekwoord__woord", flat=True).distinct())


def words_containing(fragment, locale, min_length):
    """The words of the language's pages (and the Dutch pages it shows) of `min_length` letters or more
    that contain `fragment`: the candidates for a compound with it as a part. PostgreSQL finds them
    through the trigram index of migration 0004 (LIKE '%…%')."""
    rows = Zoekwoord.objects.filter(locale_id__in=_locales(locale), woord__contains=fragment)
    rows = rows.annotate(length=Length("woord")).filter(length__gte=min_length)
    return sorted(set(rows.values_list("woord", flat=True)))


def has_word(word, locale):
    """A page of this language (or a Dutch page it shows) has this very word."""
    return Zoekwoord.objects.filter(woord=word, locale_id__in=_locales(locale)).exists()


def _length_range(word):
    """fuzz.ratio = 2·matches / (len a + len b) can only reach SCORE_CUTOFF for lengths in this range
    (matches ≤ the shorter length): a filter that loses no word the cutoff would keep."""
    share = SCORE_CUTOFF / 100
    return int(len(word) * share / (2 - share)), int(len(word) * (2 - share) / share) + 1


def _candidates(word, locale):
    rows = Zoekwoord.objects.filter(locale_id__in=_locales(locale))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        rows = rows.filter(woord__trigram_similar=word).annotate(similarity=TrigramSimilarity("woord", word))
        with transaction.atomic(), connection.cursor() as cursor:
            # For this transaction only: the `%` operator's threshold.
            cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(TRIGRAM_THRESHOLD)])
            found = list(rows.order_by("-similarity", "woord").values_list("woord", flat=True)[:TRIGRAM_CANDIDATES])
        return sorted(set(found))
    shortest, longest = _length_range(word)
    rows = rows.annotate(length=Length("woord")).filter(length__gte=shortest, length__lte=longest)
    return sorted(set(rows.values_list("woord", flat=True)))


@lru_cache(maxsize=1)
def understood_words():
    """The words the search asks as other words, whether or not a page says them: the words of data/thesaurus.txt
    (a word there is asked as its group: "gymnastiek" finds the gym classes, and no page says "gymnastiek") and
    of vertaalwoorden.txt ("eczane" finds the pharmacies); single words of TYPO_MIN_LENGTH letters or more. They
    are typo candidates too (`nearest`): "gymnastek" was a word no page has, with no correction, so the question
    got nothing on both rankings. Both rankings ask a correction as the word with its synonyms (the engine's
    analyzer; query_understanding._word_clause). Kept per process: the files change only with a release, so
    every process has the same set."""
    listed = {*thesaurus(), *broader(), *translations()}
    return frozenset(w for w in listed if len(w) >= TYPO_MIN_LENGTH and w.isalpha())


def nearest(word, locale, limit=NEAREST):
    """The known words closest to `word`: [(word, similarity 0–1)], most similar first (ties: alphabetical).
    Known: on a page of the language (the vocabulary in the database) or understood (`understood_words`)."""
    shortest, longest = _length_range(word)
    listed = {w for w in understood_words() if shortest <= len(w) <= longest}
    candidates = sorted(set(_candidates(word, locale)) | listed)
    hits = process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF, limit=limit)
    return [(hit, score / 100) for hit, score, _i in hits]


def corrections(word, locale, unmatched=False):
    """The known words a resident may have meant by `word`, a word no page of the language has (a typo):
    [(word, similarity 0–1)], most similar first. None for a word the pages have, a short word, a word
    with other signs than letters, a word of the bilingual word list (‘doktor’ is Turkish, not
    ‘dokter’ mistyped) or another word the search understands (`understood_words`: "vergeet" is asked with its
    synonyms, not as a typo of "vergeten"). The one typo rule of both rankings (query_understanding, engine_rank).

    "The pages have it" is the Python ranking's matching (`known`: also a longer word that starts with its
    stem). `unmatched`: the engine has already said that no page matches the word, so only the very word
    counts (`has_word`): "koffe" (stem "koff", the start of "koffie") is no word of the engine's, and its
    nearest word is koffie."""
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha() or word in translations() or word in understood_words():
        return []
    if has_word(word, locale) if unmatched else known(word, locale):
        return []
    return nearest(word, locale)
