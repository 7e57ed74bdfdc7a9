"""Glossary markup in reading: the first use of each term or abbreviation in a text links to its BegripPage.

Works on the HTML that the template renders, with an HTML parser (never regexes over raw HTML). Text inside
links, headings and existing markup (abbr, dfn, code …) is left alone. Results are cached under the glossary's
version (VERSION, in the shared cache: see portal/cache.py for how every process learns of a change); publishing,
unpublishing or deleting a BegripPage bumps it (see redactie/signals.py).
"""

import hashlib
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _

from portal.cache import bump_version, kept_until_bumped
from portal.pagecache import tags as pagecache_tags

# The glossary's version in the shared cache; also the page cache's WOORDENLIJST tag (portal/pagecache/tags.py).
VERSION = "woordenlijst:markup"
SKIP_TAGS = {"a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style",
             "button", "label", "textarea", "select", "option", "sup", "sub", "time"}  # fmt: skip
CACHE_SECONDS = 60 * 60 * 24


@dataclass(frozen=True)
class Entry:
    pk: int
    term: str
    afkorting: str
    uitleg: str
    url: str


def invalidate():
    bump_version(VERSION)


def entries_for(locale):
    """All live glossary entries of a locale, cached until the glossary changes."""

    def build():
        from .models import BegripPage

        begrippen = BegripPage.objects.live().public().filter(locale=locale).order_by("path")
        return [Entry(b.pk, b.title, b.afkorting, b.uitleg, b.get_url() or b.url_path) for b in begrippen]

    return kept_until_bumped(VERSION, f"woordenlijst:entries:{locale.pk}", build, CACHE_SECONDS)


class Matcher:
    """Finds glossary terms and abbreviations in plain text.

    Terms match without regard to case ("Mantelzorg", "mantelzorg"). Abbreviations match as written or in
    capitals ("Wmo", "WMO"), never in lower case ("wmo") — so "ZIN" (zorg in natura) never matches "zin".
    Both match whole words only; longer forms win ("sociaal wijkteam" before "wijkteam").
    """

    def __init__(self, entries):
        self.forms = {}
        for entry in entries:
            for form, is_abbr in ((entry.term, False), (entry.afkorting, True)):
                form = " ".join((form or "").split())
                if form:
                    self.forms.setdefault(form.casefold(), []).append((form, is_abbr, entry))
        alternatives = sorted(self.forms, key=len, reverse=True)
        if alternatives:
            body = "|".join(r"\s+".join(re.escape(part) for part in form.split(" ")) for form in alternatives)
            self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        else:
            self.pattern = None

    def _accept(self, found):
        normal = " ".join(found.split())
        for form, is_abbr, entry in self.forms.get(normal.casefold(), []):
            if not is_abbr or normal in (form, form.upper()):
                return entry, is_abbr
        return None, False

    def finditer(self, text):
        """Yield (start, end, entry, is_abbreviation) for every accepted match, left to right."""
        if self.pattern is None:
            return
        pos = 0
        while True:
            match = self.pattern.search(text, pos)
            if match is None:
                return
            entry, is_abbr = self._accept(match.group(0))
            if entry is None:
                pos = match.start() + 1
                continue
            yield match.start(), match.end(), entry, is_abbr
            pos = match.end()

    def find_all(self, text):
        """[(entry, form found)] once per entry, in order of first use."""
        seen, found = set(), []
        for start, end, entry, _is_abbr in self.finditer(text):
            if entry.pk not in seen:
                seen.add(entry.pk)
                found.append((entry, text[start:end]))
        return found


def matcher_for(locale):
    return Matcher(entries_for(locale))


def _skipped(node):
    return any(parent.name in SKIP_TAGS for parent in node.parents)


def _term_nodes(soup, text, entry, is_abbr, tip_id):
    wrapper = soup.new_tag("span", attrs={"class": "term"})
    link = soup.new_tag("a", href=entry.url, attrs={"class": "term__link", "aria-describedby": tip_id})
    if is_abbr:
        inner = soup.new_tag("abbr", title=entry.term)
    else:
        inner = soup.new_tag("dfn")
    inner.string = text
    link.append(inner)
    wrapper.append(link)
    tip = soup.new_tag("span", id=tip_id, role="tooltip", attrs={"class": "term__tip"})
    label = f"{entry.term} ({entry.afkorting})" if entry.afkorting else entry.term
    strong = soup.new_tag("strong")
    strong.string = label + ":"
    tip.append(strong)
    tip.append(" " + entry.uitleg)
    # On a touch screen the first tap shows this explanation; this link goes on to the begrip page. It is
    # left out of the tab order: keyboard users reach the same page with the term's own link.
    more = soup.new_tag("a", href=entry.url, tabindex="-1", attrs={"class": "term__more"})
    more.string = _("Meer uitleg")
    tip.append(" ")
    tip.append(more)
    wrapper.append(tip)
    return wrapper


def mark_up(html, matcher, prefix="uitleg"):
    """Return (html, used entries). `html` is trusted HTML (the rendered rich text); `matcher` a Matcher."""
    soup = BeautifulSoup(html, "html.parser")
    used = []
    seen = set()
    for node in list(soup.find_all(string=True)):
        if not isinstance(node, NavigableString) or type(node) is not NavigableString or _skipped(node):
            continue
        text = str(node)
        pieces, last = [], 0
        for start, end, entry, is_abbr in matcher.finditer(text):
            if entry.pk in seen:
                continue
            seen.add(entry.pk)
            used.append(entry)
            pieces.append(text[last:start])
            pieces.append(_term_nodes(soup, text[start:end], entry, is_abbr, f"{prefix}-{len(used)}"))
            last = end
        if not pieces:
            continue
        pieces.append(text[last:])
        for piece in pieces:
            if piece == "":
                continue
            node.insert_before(piece if not isinstance(piece, str) else NavigableString(piece))
        node.extract()
    return str(soup), used


def notes_html(used):
    """The list of explanations for paper (hidden on screen, where the tooltips do the job)."""
    if not used:
        return ""
    items = "".join(
        f"<li><strong>{conditional_escape(e.term)}"
        + (f" ({conditional_escape(e.afkorting)})" if e.afkorting else "")
        + f":</strong> {conditional_escape(e.uitleg)}</li>"
        for e in used
    )
    title = conditional_escape(_("Uitleg van moeilijke woorden"))
    return f'<div class="term-notes"><p class="term-notes__title">{title}</p><ol>{items}</ol></div>'


def glossary_html(value, page):
    """Template-ready: marked-up text with its print notes, cached per text, page and glossary version."""
    if value is None or value == "":
        return ""
    # A cached page with this text is purged when the glossary changes (portal/pagecache).
    pagecache_tags.note(pagecache_tags.WOORDENLIJST)
    html = str(value) if isinstance(value, SafeData) else linebreaks(str(value), autoescape=True)
    digest = hashlib.sha1(html.encode()).hexdigest()

    def build():
        # page.locale is read only here: on a hit it would cost an uncached page one more query.
        marked, used = mark_up(html, matcher_for(page.locale), prefix=f"uitleg-{page.pk}")
        return f'<div class="glossary-text">{marked}{notes_html(used)}</div>'

    key = f"woordenlijst:markup:{page.locale_id}:{page.pk}:{digest}"
    result = kept_until_bumped(VERSION, key, build, CACHE_SECONDS)
    return mark_safe(result)  # noqa: S308  (built from escaped text by the HTML parser)
