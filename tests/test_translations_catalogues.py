"""The message catalogues of the translated interface (en, tr, ar) are complete and keep their placeholders.

Dutch is the source language: its texts live in the code, so it has no catalogue to check. For every other
language of the portal, a message that is empty or fuzzy shows the reader Dutch (gettext falls back to the msgid),
and a msgstr that loses or renames a placeholder such as ``%(naam)s`` crashes the page or shows the wrong value.

Plural messages: a language may write "one" and "two" as words (Arabic "صفحة واحدة", "صفحتان"), so the forms for
those numbers may leave the count out; every form may only use placeholders of the Dutch text, and the last form
(the general plural: "other" in Turkish, 100+ in Arabic) must have all of them.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

pytestmark = pytest.mark.catalogues

# %% is a literal percent sign, not a placeholder.
LITERAL_PERCENT = "%%"
# Python %-format with or without a name (%(naam)s, %s, %d, %.1f), and str.format fields ({}, {naam}, {0}).
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z_]\w*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]|\{[A-Za-z_0-9]*\}")
# Opening and closing HTML tags, with their attributes: a translation must keep the same markup.
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
# Enough lines to see what kind of problem it is without flooding the CI log.
SHOWN_PROBLEMS = 40


def translated_languages():
    """Every language of the portal except the source language: today en, tr and ar."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue_path(language):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def markers(text):
    """The placeholders and HTML tags in one text, as a sorted list (a placeholder used twice counts twice)."""
    text = text.replace(LITERAL_PERCENT, "")
    return sorted(PLACEHOLDER.findall(text) + HTML_TAG.findall(text))


def catalogue_problems(po):
    """One line per problem in a parsed catalogue: untranslated, fuzzy, a wrong number of plural forms, or
    placeholders and tags that differ from the Dutch text."""
    problems = []
    header = NPLURALS.search(po.metadata.get("Plural-Forms", ""))
    nplurals = int(header.group(1)) if header else None
    for entry in po:
        if entry.obsolete:
            continue
        where = f"line {entry.linenum}: {entry.msgid[:60]!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{where}: marked fuzzy")
            continue
        if not entry.translated():
            problems.append(f"{where}: not translated")
            continue
        if not entry.msgid_plural:
            if markers(entry.msgid) != markers(entry.msgstr):
                problems.append(f"{where}: placeholders {markers(entry.msgid)} become {markers(entry.msgstr)}")
            continue
        forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        if nplurals is None or len(forms) != nplurals:
            problems.append(f"{where}: {len(forms)} plural forms, the header says {nplurals}")
            continue
        source = set(markers(entry.msgid)) | set(markers(entry.msgid_plural))
        for index, form in enumerate(forms):
            extra = set(markers(form)) - source
            if extra:
                problems.append(f"{where}: plural form {index} has placeholders not in the Dutch text: {sorted(extra)}")
        missing = source - set(markers(forms[-1]))
        if missing:
            problems.append(f"{where}: the last plural form leaves out {sorted(missing)}")
    return problems


def test_every_translated_language_has_a_catalogue():
    for language in translated_languages():
        assert catalogue_path(language).is_file(), language


@pytest.mark.parametrize("language", translated_languages())
def test_catalogue_is_complete_and_keeps_placeholders(language):
    problems = catalogue_problems(polib.pofile(str(catalogue_path(language))))
    shown = "\n".join(problems[:SHOWN_PROBLEMS])
    assert not problems, f"{language}: {len(problems)} problems, the first {SHOWN_PROBLEMS}:\n{shown}"


ARABIC_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : '
    'n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;\\n"\n\n'
)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('msgid "Zoeken"\nmsgstr ""\n', "not translated"),
        ('#, fuzzy\nmsgid "Zoeken"\nmsgstr "بحث"\n', "marked fuzzy"),
        ('msgid "Terug naar %(buurt)s"\nmsgstr "رجوع"\n', "placeholders ['%(buurt)s'] become []"),
        ('msgid "Terug naar %(buurt)s"\nmsgstr "رجوع إلى %(wijk)s"\n', "become ['%(wijk)s']"),
        ('msgid "Kies <strong>een</strong> dag"\nmsgstr "اختر يوماً"\n', "placeholders ['</strong>', '<strong>']"),
        (
            'msgid "%(n)s pagina"\nmsgid_plural "%(n)s pagina\'s"\nmsgstr[0] "%(n)s صفحة"\nmsgstr[1] "صفحة واحدة"\n',
            "2 plural forms, the header says 6",
        ),
        (
            'msgid "%(n)s pagina"\nmsgid_plural "%(n)s pagina\'s"\n'
            + "".join(f'msgstr[{index}] "صفحة"\n' for index in range(6)),
            "the last plural form leaves out ['%(n)s']",
        ),
    ],
)
def test_checker_reports_each_kind_of_problem(entry, problem):
    """The catalogue test above can fail: each broken entry is reported with what is wrong."""
    problems = catalogue_problems(polib.pofile(ARABIC_HEADER + entry))
    assert len(problems) == 1 and problem in problems[0], problems


def test_checker_accepts_count_written_as_a_word():
    """Arabic writes one and two as words: those plural forms may leave the count out."""
    forms = ["%(n)s صفحة", "صفحة واحدة", "صفحتان", "%(n)s صفحات", "%(n)s صفحة", "%(n)s صفحة"]
    entry = 'msgid "%(n)s pagina"\nmsgid_plural "%(n)s pagina\'s"\n' + "".join(
        f'msgstr[{index}] "{form}"\n' for index, form in enumerate(forms)
    )
    assert catalogue_problems(polib.pofile(ARABIC_HEADER + entry)) == []
