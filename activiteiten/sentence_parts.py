"""The parts of the recurrence sentence whose form or order differs by language: day names, lists, ordinals.

Every text here is a gettext message with the context "herhaling", so that a translator can give each part the
form and word order of their language: Turkish "2. çarşamba", Arabic "الأربعاء الثاني" (the Wednesday, the second)
and "الاثنين والأربعاء" (the 'and' joined to the next word). rrule_text.py puts the parts into whole sentences.
"""

from django.utils.translation import pgettext

from .wording import language

# The parts of the day, by their Dutch word, with their hours (from, until; 24-hour clock). An activity is
# found by the part of the day it starts in (activiteiten/zoekvelden.py: day_part_name in the page's
# language), and a day part in a question asks for those hours (search.query_understanding.day_part; its
# names in the other languages reach the search through search.text.translations).
DAY_PARTS = {"ochtend": (6, 12), "middag": (12, 18), "avond": (18, 24)}

# A weekday's place in the month that a sentence can say: the 1st to the 5th, the last and the one before last.
WEEKDAY_POSITIONS = (1, 2, 3, 4, 5, -1, -2)


def day_name(index):
    """0 → 'maandag' ('Monday', 'pazartesi', 'الاثنين'), as it stands inside a sentence."""
    return (
        pgettext("herhaling", "maandag"),
        pgettext("herhaling", "dinsdag"),
        pgettext("herhaling", "woensdag"),
        pgettext("herhaling", "donderdag"),
        pgettext("herhaling", "vrijdag"),
        pgettext("herhaling", "zaterdag"),
        pgettext("herhaling", "zondag"),
    )[index]


def day_part_name(key):
    """The name of a part of the day (a key of DAY_PARTS) in the active language: "ochtend", "sabah", "صباح"."""
    return {
        "ochtend": pgettext("dagdeel", "ochtend"),
        "middag": pgettext("dagdeel", "middag"),
        "avond": pgettext("dagdeel", "avond"),
    }[key]


def join(items):
    """'a', 'a en b', 'a, b en c' ('a ve b'; Arabic 'a وb وc')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    # Translators: what stands between the items of a list, except between the last two ("a, b en c").
    earlier = pgettext("herhaling", ", ").join(items[:-1])
    # Translators: the last two items of a list: "maandag, woensdag en vrijdag", "24 december en 31 december".
    return pgettext("herhaling", "%(eerdere)s en %(laatste)s") % {"eerdere": earlier, "laatste": items[-1]}


def weekday_position(n):
    """2 → '2e' ('2nd', '2.', 'الثاني'); -1 → 'laatste'; -2 → 'voorlaatste'. ValueError for other numbers."""
    words = {
        # Translators: the place of a weekday in the month: "de 1e woensdag van de maand".
        1: pgettext("herhaling", "1e"),
        2: pgettext("herhaling", "2e"),
        3: pgettext("herhaling", "3e"),
        4: pgettext("herhaling", "4e"),
        5: pgettext("herhaling", "5e"),
        -1: pgettext("herhaling", "laatste"),
        -2: pgettext("herhaling", "voorlaatste"),
    }
    if n not in words:
        raise ValueError(n)
    return words[n]


def weekday_in_month(positions, day_index):
    """[2], 2 → '2e woensdag'; [1, 3], 1 → '1e en 3e dinsdag' ('1. ve 3. salı', 'الثلاثاء الأول والثالث')."""
    # Translators: %(nummers)s is one or more places in the month ("2e", "1e en 3e", "laatste"), %(dag)s a weekday.
    return pgettext("herhaling", "%(nummers)s %(dag)s") % {
        "nummers": join(weekday_position(n) for n in positions),
        "dag": day_name(day_index),
    }


def day_of_month(n):
    """22 → '22e' ('22nd', '22.', '22'); -1 → 'laatste dag'."""
    if n == -1:
        # Translators: the last day of the month, in "Elke maand op de laatste dag".
        return pgettext("herhaling", "laatste dag")
    if language() == "en":
        # English ordinals need the last digits: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd.
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    # Translators: a day of the month as in "Elke maand op de 22e". English never uses this message.
    return pgettext("herhaling", "%(dag)se") % {"dag": n}
