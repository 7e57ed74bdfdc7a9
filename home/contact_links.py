"""Phone numbers and e-mail addresses in text become ``tel:`` and ``mailto:`` links.

Plain text is escaped first and then linked. HTML (rich text, already marked up by the glossary) is parsed
with an HTML parser and only its text nodes are changed, never text inside an existing link, a button or
code. Phone numbers are found with `phonenumbers` (Google's libphonenumber), read as Dutch numbers.
"""

import re

import phonenumbers
from bs4 import BeautifulSoup, NavigableString
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, mark_safe

REGION = "NL"  # a number without +31 is read as a Dutch number
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE)
# "01-01-2027 10 uur" reads as a Rotterdam number (010 …); a date is never a phone number.
DATE_LIKE = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
# Texts without four digits in a row (with separators) or an @ hold nothing to link: skip the parsing.
MAYBE_CONTACT = re.compile(r"@|\d[\s().-]*\d[\s().-]*\d[\s().-]*\d")
SKIP_TAGS = {"a", "button", "code", "kbd", "label", "option", "pre", "samp", "script", "select", "style", "textarea"}


def tel_href(value):
    """The number for a ``tel:`` link: +31885550123 for '088-5550123'; the digits if it is no known number."""
    text = str(value or "")
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return "".join(ch for ch in text if ch.isdigit() or ch == "+")


def _found(text):
    """[(start, end, href)] of the e-mail addresses and phone numbers in `text`, left to right."""
    spans = [(m.start(), m.end(), "mailto:" + m.group(0)) for m in EMAIL.finditer(text)]
    for match in phonenumbers.PhoneNumberMatcher(text, REGION, leniency=phonenumbers.Leniency.VALID):
        if DATE_LIKE.match(match.raw_string):
            continue
        if any(start < match.end and match.start < end for start, end, _href in spans):
            continue  # digits inside an e-mail address
        href = "tel:" + phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        spans.append((match.start, match.end, href))
    return sorted(spans)


def _pieces(text):
    """Split `text` into plain strings and (label, href) pairs."""
    pieces, last = [], 0
    for start, end, href in _found(text):
        pieces.append(text[last:start])
        pieces.append((text[start:end], href))
        last = end
    pieces.append(text[last:])
    return [piece for piece in pieces if piece != ""]


def link_plain(text):
    """Escaped plain text with its phone numbers and e-mail addresses linked."""
    return "".join(
        escape(piece) if isinstance(piece, str) else format_html('<a href="{}">{}</a>', piece[1], piece[0])
        for piece in _pieces(text)
    )


def link_html(html):
    """Trusted HTML with the phone numbers and e-mail addresses in its text linked (not inside links)."""
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or any(parent.name in SKIP_TAGS for parent in node.parents):
            continue
        pieces = _pieces(str(node))
        if len(pieces) == 1 and isinstance(pieces[0], str):
            continue
        for piece in pieces:
            if isinstance(piece, str):
                node.insert_before(NavigableString(piece))
            else:
                link = soup.new_tag("a", href=piece[1])
                link.string = piece[0]
                node.insert_before(link)
        node.extract()
    return str(soup)


def contact_links(value):
    """Template-ready: plain text is escaped and linked; safe HTML is linked in its text nodes only."""
    if value is None or value == "":
        return ""
    text = str(value)
    if isinstance(value, SafeData):
        if not MAYBE_CONTACT.search(text):
            return value
        return mark_safe(link_html(text))  # noqa: S308  (re-serialised by the HTML parser from trusted HTML)
    if not MAYBE_CONTACT.search(text):
        return escape(text)
    return mark_safe(link_plain(text))  # noqa: S308  (every piece escaped by escape/format_html)
