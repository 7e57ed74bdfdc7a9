"""Codes in one text column of the occurrence table: ",tr,ar," (talen), ",drempelvrij,lift," (toegankelijk),
",ouderen,iedereen," (doelgroepen). One way to write them, one way to read them, one filter.

A filter looks for ",tr," with its commas: with a comma on both sides no code is found inside another
("ar" is not found in ",tamar,"), and the database needs no list type (SQLite and PostgreSQL alike).
"""

from django.db.models import Q

SEPARATOR = ","


def format_tags(codes):
    """ ",tr,ar," for ["tr", "ar"] (in the order given); "" when there are none."""
    codes = list(codes)
    return f"{SEPARATOR}{SEPARATOR.join(codes)}{SEPARATOR}" if codes else ""


def read_tags(tags):
    """["tr", "ar"] from ",tr,ar," ([] from "" or None)."""
    return [code for code in (tags or "").split(SEPARATOR) if code]


def tag_lookup(column, code):
    """The filter on `column` that keeps the rows whose tags hold `code`."""
    return Q(**{f"{column}__contains": format_tags([code])})
