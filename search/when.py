"""Words that say when: a weekday, a part of the day, the weekend, in every language of the site.

Both rankings read a question's days with these rules: the Python ranking makes them its weekday clause
(query_understanding.analyse), the engine ranking asks them as words and leaves them out of its summary
clause (engine_rank, engine_query.EngineQuery.when). The names come from one place each: the weekdays and
the parts of the day from the gettext catalogues (the words the activities' pages and search fields use:
activiteiten.sentence_parts), their other forms and the words of other languages from
data/vertaalwoorden.txt, both read by text.translations.
"""

from activiteiten.sentence_parts import DAY_PARTS, day_name, day_part_name

from .text import WORD_RE, fold, relative_days, translations, weekday_names

# The Dutch words for a part of the day, with its hours; a word of another language says one through
# text.translations ("sabah", "afternoon", "الظهر": day_part).
DAYPARTS = {**DAY_PARTS, "morgen": DAY_PARTS["ochtend"]}
WEEKEND = {"weekend", "weekeinde"}  # and their translations (data/vertaalwoorden.txt: "haftasonu")

# What may follow a weekday's name in one word: nothing, a part of the day, and an s or en after either
# ("dinsdags", "Sundays", "zondagmiddagen"). Anything else is another word: "salie" (sage) is no "salı" (Tuesday),
# "cumarine" no "cuma" (Friday).
DAY_WORD_ENDINGS = ("s", "en")
DAYS_IN_WEEK = 7


def weekday_name(word):
    """The weekday name (in one of the site's languages, text.weekday_names) a word is made of, or ""."""
    for name in weekday_names():
        if word.startswith(name):
            rest = word[len(name) :]
            if any(rest.removesuffix(ending) in {"", *DAYPARTS} for ending in ("", *DAY_WORD_ENDINGS)):
                return name
    return ""


def weekday_of(word):
    """The weekday (0 = Monday) a word names, also with a part of the day (‘dinsdags’, ‘zondagmiddag’), or None."""
    name = weekday_name(word)
    return weekday_names()[name] if name else None


def _dutch(word):
    """The word and the Dutch words it stands for (text.translations)."""
    return {word, *translations().get(word, ())}


def day_part(word):
    """The hours (from, until) of the part of the day a word names, in any language of the site, or None."""
    return next((DAYPARTS[dutch] for dutch in sorted(_dutch(word)) if dutch in DAYPARTS), None)


def is_weekend(word):
    return bool(_dutch(word) & WEEKEND)


def says_when(word):
    """Whether a word says when rather than what: a weekday, the weekend, a part of the day. The Python
    ranking turns such words into its weekday clause (analyse); the engine query leaves them out of its
    summary clause (engine_query.EngineQuery.when)."""
    return weekday_of(word) is not None or is_weekend(word) or day_part(word) is not None


def day_words(word):
    """A weekday written together with a day part, as two words (‘zondagmiddag’ → zondag, middag);
    any other word as it is."""
    name = weekday_name(word)
    rest = word[len(name) :]
    return [name, rest] if name and rest in DAYPARTS else [word]


def with_days_named(text, today):
    """The question with each word for a day counted from today (data/dagwoorden.txt) written as that day's
    name in the active language: on a Wednesday "wat is er vandaag te doen" is asked as "wat is er woensdag
    te doen", "vanavond" as "woensdag avond", "yarın" as "perşembe". The weekday rules above then answer it,
    in both rankings. `today` is the caller's local date; the result is the key under which the question's
    analysis and ranking are kept (engine.search), so a new day asks anew in every process."""
    days = relative_days()

    def named(match):
        found = days.get(fold(match.group()))
        if found is None:
            return match.group()
        after, part = found
        name = day_name((today.weekday() + after) % DAYS_IN_WEEK)
        return f"{name} {day_part_name(part)}" if part else name

    return WORD_RE.sub(named, text)
