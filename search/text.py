"""Text handling for search: normalising, Dutch stemming, compound splitting and word lists.

Everything here works the same on every search backend. It makes up for what SQLite lacks
(no stemming, no compounds) and helps PostgreSQL and Elasticsearch with Dutch compounds too.
"""

import gzip
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

import Stemmer
from django.conf import settings
from django.utils import translation

from activiteiten.sentence_parts import DAY_PARTS, day_name, day_part_name

DATA_DIR = Path(__file__).resolve().parent / "data"
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_LENGTH = 200

# Snowball's Dutch algorithm as Porter wrote it ("dutch_porter"; Snowball 3 gave the name "dutch" to a newer
# stemmer): the stems the stored vocabulary (search.vocabulary) and the Python ranking hold. PyStemmer's rule:
# an object keeps state while it stems and must not be used by two threads at once, so each thread has its own.
_stemmers = threading.local()


def _snowball(word):
    stemmer = getattr(_stemmers, "dutch", None)
    if stemmer is None:
        stemmer = _stemmers.dutch = Stemmer.Stemmer("dutch_porter")
    return stemmer.stemWord(word)


# A diminutive in the plural loses its s before stemming, so that it has the stem of the singular:
# Snowball Dutch keeps an s after an e ("klusjes" stays klusjes, "klusje" becomes klusj), and a resident who
# asks for "klusjes" did not find the page that offers help with "een klusje". One rule for both rankings:
# stem() below applies it, and the engine's analyzers apply the same pattern (analysis.DIMINUTIVE_FILTER).
# On folded words (lower case, no accents); two letters at least before "je" ("jes" alone is no diminutive).
DIMINUTIVE_PLURAL = r"^([a-z]{2,}je)s$"
_diminutive_plural = re.compile(DIMINUTIVE_PLURAL)


def clean_query(raw):
    """Remove control characters and extra spaces; keep at most MAX_QUERY_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def fold(text):
    """Lower case without accents: ‘Café’ → ‘cafe’; the Turkish dotless ı as i (‘yalnızlık’ = ‘yalnizlik’,
    as OpenSearch's asciifolding does), so that a Turkish word typed on a Dutch keyboard is the same word."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().replace("ı", "i")


def words(text):
    """The words of a text, folded. Signs like * ~ : " are dropped."""
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word):
    """A light Dutch stem (Snowball), for matching ‘mantelzorgers’ with ‘mantelzorger’; a diminutive plural
    as its singular, and the stems of data/stamregels.txt where Snowball goes wrong (as the engine does)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _diminutive_plural.sub(r"\1", word)
    return stem_overrides().get(word) or _snowball(word)


@lru_cache(maxsize=1)
def stem_override_rules():
    """The lines of data/stamregels.txt ("huizen => huis"), as the engine's stemmer_override takes them."""
    return tuple(_read_lines("stamregels.txt"))


@lru_cache(maxsize=1)
def stem_overrides():
    """{form: stem} of data/stamregels.txt."""
    found = {}
    for rule in stem_override_rules():
        forms, final = (side.strip() for side in rule.split("=>"))
        found.update((form.strip(), final) for form in forms.split(","))
    return found


@lru_cache(maxsize=1)
def stems_kept_apart():
    """{stem: the longer stems data/stamregels.txt keeps apart from it}. A rule whose stem is longer than
    the one Snowball makes ("ouderen => oudere", where Snowball gives "ouder", the stem of "ouders") says
    that the two are different words; matching a stem by a longer word that starts with it
    (postings.matching_terms, vocabulary._stem_matches) must not join them again: "ouders" (parents) would
    find every page about "ouderen" and "ouderenzorg" (the elderly)."""
    apart = {}
    for form, final in stem_overrides().items():
        usual = _snowball(form)
        if final != usual and final.startswith(usual):
            apart.setdefault(usual, set()).add(final)
    return {usual: tuple(sorted(longer)) for usual, longer in apart.items()}


def _read_lines(name):
    for _number, line in numbered_lines(name):
        yield line


def numbered_lines(name):
    """(line number in the file, text) of each line of search/data/<name> that says something: without its
    comment (from #) and blank lines left out. The number is the one an editor's text editor shows, so an
    error message can name the line to mend."""
    path = DATA_DIR / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.split("#", 1)[0].strip()
            if line:
                yield number, line


@lru_cache(maxsize=1)
def text_stopwords():
    """The words the engine leaves out of every page text and question (data/stopwoorden_tekst.txt)."""
    return frozenset(w for line in _read_lines("stopwoorden_tekst.txt") for w in line.split())


@lru_cache(maxsize=1)
def stopwords():
    return frozenset(fold(w) for line in _read_lines("stopwoorden.txt") for w in line.split())


@lru_cache(maxsize=1)
def place_detail_words():
    """The folded words that ask for a place's address, phone or opening hours (data/plekvragen.txt)."""
    return frozenset(fold(w) for line in _read_lines("plekvragen.txt") for w in line.split())


@lru_cache(maxsize=1)
def base_lexicon():
    """Dutch base words (4–9 letters, derived from Debian's wdutch list) for compound splitting."""
    return frozenset(_read_lines("woorden.txt.gz"))


def listed(side):
    """The folded words of one side of a data-file line, comma-separated: ‘doctor, Doktor ’ → [doctor, doktor]."""
    return [fold(w.strip()) for w in side.split(",") if w.strip()]


def arrow_line(line, arrow="=>"):
    """(folded words left of `arrow`, folded words right of it, whether the line has it) of a line
    `a, b => c, d`. The one reader of that shape for vertaalwoorden.txt, behoeften.txt and (with ">")
    thesaurus.txt, so that the files cannot drift apart in what a comma or a space means."""
    left, found, right = line.partition(arrow)
    return listed(left), listed(right), bool(found)


def inherited_by_translation(by_dutch_word):
    """{word of another language: set(what `by_dutch_word` gives its Dutch words)} for the words of
    data/vertaalwoorden.txt whose Dutch words have something there: "yalnız" (eenzaam) gets what eenzaam
    has, without a line in Turkish. Read from `by_dutch_word` as it is when called (one step: what a
    translated word gets is not passed on)."""
    inherited = {}
    for word, dutch in translations().items():
        found = set().union(*(by_dutch_word.get(d, ()) for d in dutch))
        if found:
            inherited[word] = found
    return inherited


def _thesaurus_lines():
    for line in _read_lines("thesaurus.txt"):
        members, targets, arrow = arrow_line(line, ">")
        yield set(members), arrow, set(targets)


def thesaurus_groups():
    """The equivalence lines of data/thesaurus.txt: [set(folded words)], one per line."""
    return [members for members, arrow, _targets in _thesaurus_lines() if not arrow]


@lru_cache(maxsize=1)
def thesaurus():
    """{folded word: frozenset(words that mean the same)} from data/thesaurus.txt (one group per line),
    and for a word in English, Turkish or Arabic its Dutch search words (data/vertaalwoorden.txt, one way)."""
    groups = {}
    for members, arrow, _targets in _thesaurus_lines():
        if not arrow:
            for member in members:
                groups.setdefault(member, set()).update(members - {member})
    for word, dutch in translations().items():
        groups.setdefault(word, set()).update(dutch - {word})
    return {word: frozenset(related) for word, related in groups.items()}


TRANSLATIONS_FILE = "vertaalwoorden.txt"
ARABIC_ARTICLE = "ال"  # ‘the’, written as part of the word: الطبيب is ‘the doctor’


def _arabic_forms(word):
    """An Arabic word with and without the article (طبيب, الطبيب); other words as they are."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in word):
        return {word}
    bare = word[len(ARABIC_ARTICLE) :] if word.startswith(ARABIC_ARTICLE) and len(word) > 3 else word
    return {bare, ARABIC_ARTICLE + bare}


@lru_cache(maxsize=1)
def translations():
    """{folded word in another language: frozenset(Dutch search words)} from data/vertaalwoorden.txt.

    One line per meaning, `doctor, doktor, طبيب => huisarts, dokter`; single words on the left (a query is
    translated word by word). Raises ValueError naming the line when a line does not follow the format."""
    found = {}
    for number, line in numbered_lines(TRANSLATIONS_FILE):
        others, dutch, arrow = arrow_line(line)
        if not arrow or not others or not dutch or any(" " in w for w in others):
            raise ValueError(
                f"{TRANSLATIONS_FILE}, regel {number} met woorden: verwacht ‘woord, woord => woord, woord’"
            )
        for word in others:
            for form in _arabic_forms(word):
                found.setdefault(form, set()).update(dutch)
    # The weekdays of the other languages find the Dutch day ("salı", "Tuesday" → dinsdag): a page in Dutch
    # says its days in Dutch only (activiteiten/zoekvelden.py). An Arabic day name always has its article
    # (الأحد, Sunday; أحد alone is "someone").
    dutch = _day_names(settings.LANGUAGE_CODE)
    for name, day in weekday_names().items():
        if name not in dutch:
            found.setdefault(name, set()).add(dutch[day])
    # So do the parts of the day ("sabah", "morning" → ochtend), by their names in the catalogues; a
    # name of two words ("öğleden sonra") is asked by its telling word, in data/vertaalwoorden.txt.
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for key in DAY_PARTS:
                name = fold(day_part_name(key))
                if name != key and " " not in name:
                    for form in _arabic_forms(name):
                        found.setdefault(form, set()).add(key)
    return {word: frozenset(dutch) for word, dutch in found.items()}


def _day_names(language):
    with translation.override(language):
        return [fold(day_name(day)) for day in range(7)]


@lru_cache(maxsize=1)
def relative_days():
    """{folded word: (days after today, part of the day or "")} of data/dagwoorden.txt: "vandaag" (0, ""),
    "vanavond" (0, "avond"), "yarın" (1, "")."""
    found = {}
    for line in _read_lines("dagwoorden.txt"):
        names, _is, when = line.partition("=")
        days, _space, part = when.strip().partition(" ")
        for name in names.split():
            found[fold(name)] = (int(days), part.strip())
    return found


@lru_cache(maxsize=1)
def weekday_names():
    """{folded weekday name in one of the site's languages: 0 (Monday) … 6}, longest name first (so that
    "cumartesi", Saturday, is not read as "cuma", Friday). The names are the ones the recurrence sentences
    use (activiteiten.sentence_parts.day_name, in the gettext catalogues), so there is one list of them.
    Kept per process: it changes only with a new release, like the catalogues."""
    names = {}
    for language, _label in settings.LANGUAGES:
        for day, name in enumerate(_day_names(language)):
            names.setdefault(name, day)
    return dict(sorted(names.items(), key=lambda item: (-len(item[0]), item[0])))


QUESTION_FORMS_FILE = "vraagvormen.txt"
GAP = "…"  # the place of the word in a line of vraagvormen.txt
NOT_A_DEFINITION = "niet:"


@lru_cache(maxsize=1)
def question_forms():
    """[(words before the word, words after it, is a definition question)] of data/vraagvormen.txt, folded:
    the "niet:" lines first, then the most words first. Raises ValueError naming a line without one …."""
    forms = []
    for number, line in numbered_lines(QUESTION_FORMS_FILE):
        negative = line.startswith(NOT_A_DEFINITION)
        before, gap, after = line.removeprefix(NOT_A_DEFINITION).partition(GAP)
        if not gap or GAP in after or not words(before + " " + after):
            raise ValueError(
                f"{QUESTION_FORMS_FILE}, regel {number}: verwacht woorden en één {GAP} op de plek van het woord"
            )
        forms.append((tuple(words(before)), tuple(words(after)), not negative))
    return tuple(sorted(forms, key=lambda form: (form[2], -len(form[0]) - len(form[1]))))


@lru_cache(maxsize=1)
def broader():
    """{folded word: frozenset(wider words)} from the one-way lines `a, b > c, d` of data/thesaurus.txt.

    a and b each also find c and d, not the other way round: a need finds what helps with it
    (‘eenzaam > ontmoeten’), a kind of thing finds its general word (‘yoga > bewegen’). A word of another
    language (data/vertaalwoorden.txt) finds what its Dutch words find that way: "yalnız" (eenzaam) finds
    ontmoeten too, without a thesaurus line in Turkish. One step only: a wider word's own wider words are not
    added (the engine's synonym rules do not chain either).
    """
    wider = {}
    for members, arrow, targets in _thesaurus_lines():
        if arrow:
            for member in members:
                wider.setdefault(member, set()).update(targets - {member})
    dutch_wider = {word: set(found) for word, found in wider.items()}
    for word, inherited in inherited_by_translation(dutch_wider).items():
        inherited -= translations()[word] | {word}
        if inherited:
            wider.setdefault(word, set()).update(inherited)
    return {word: frozenset(found) for word, found in wider.items()}


LINKS = ("", "s", "e", "en")
# Three-letter words that may be a part of a compound ("ouderengym", "zwemles"); longer parts come from
# the word lists.
SHORT_WORDS = frozenset({"gym", "dag", "rit", "val", "bus", "les", "wmo", "pgb", "mfc", "zin", "thee", "bed"})


@lru_cache(maxsize=1)
def compound_lexicon():
    """The words a compound in a question is split into: data/woorden.txt.gz and data/kernwoorden.txt,
    the same lists the search engine splits the pages' compounds with (analysis.decompound_words)."""
    return base_lexicon() | {fold(w) for line in _read_lines("kernwoorden.txt") for w in line.split()}


def is_simple(word, lexicon):
    """A known word or the plural of one (‘boodschappen’ ← ‘boodschap’): not a compound to split."""
    if word in lexicon:
        return True
    for ending in ("en", "s", "n", "es"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            if base in lexicon or (len(base) > 2 and base[-1] == base[-2] and base[:-1] in lexicon):
                return True
    return False


def split_compound(word, lexicon, short_words=frozenset(), min_part=3):
    """Split a Dutch compound into two or three known parts, or return None.

    ‘mantelzorgondersteuning’ → ['mantelzorg', 'ondersteuning']; linking -s-/-e- are allowed
    (‘klusjesdienst’ → ['klusjes', 'dienst']). Parts of 3 letters must be in `short_words`.
    """
    if len(word) < 7 or not word.isalpha() or is_simple(word, base_lexicon()):
        return None

    def known(part):
        if len(part) < min_part:
            return False
        if len(part) == 3:
            return part in short_words
        return part in lexicon

    best = None
    for cut in range(len(word) - min_part, min_part - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not known(tail):
            continue
        for link in LINKS:
            if link and not head.endswith(link):
                continue
            stem_head = head[: len(head) - len(link)] if link else head
            if known(stem_head) or (link and known(head)):
                part = stem_head if known(stem_head) else head
                candidate = [part, tail]
                score = min(len(part), len(tail))
                if best is None or score > best[0]:
                    best = (score, candidate)
        if best is None and len(head) >= 7:
            inner = split_compound(head, lexicon, short_words, min_part)
            if inner:
                best = (0, [*inner, tail])
    return best[1] if best else None
