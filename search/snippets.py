"""The piece of text under a search result, with the asked words marked (search/engine.py's Result.snippet).

Only presentation: which pages are found, and in which order, is search/engine.py's.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import fold, stem

SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
TOKEN_RE = re.compile(r"([^\W_]+)", re.UNICODE)
# The engine's marks around a matched word (engine_request.rank_body): characters of Unicode's private use
# area, which no page's text holds, so that `marked` can escape the text and then mark the words.
MARK_START, MARK_END = "\ue000", "\ue001"
SENTENCE_ENDS = ".!?…)\"'’”"  # a piece that ends on one of these ends where its sentence ends


def _word_matches(word, terms):
    s = stem(fold(word))
    if len(s) < 3:
        return False
    for term in terms:
        if s == term or (len(term) >= 4 and (s.startswith(term) or (len(s) >= 4 and term.startswith(s)))):
            return True
    return False


def highlight(text, terms, max_words=30):
    """A short, escaped piece of `text` around the first match, matches wrapped in <mark>."""
    sentences = [s for s in SENTENCE_RE.split(text.strip()) if s]
    if not sentences:
        return ""
    scored = [(sum(_word_matches(w, terms) for w in TOKEN_RE.findall(s)), -i, s) for i, s in enumerate(sentences)]
    best_index = -max(scored)[1] if terms else 0
    tokens = sentences[best_index].split()
    for following in sentences[best_index + 1 :]:
        if len(tokens) >= 18:
            break
        tokens += following.split()
    if len(tokens) > max_words:
        first = next((i for i, t in enumerate(tokens) if _word_matches(t, terms)), 0)
        start = max(0, min(first - 5, len(tokens) - max_words))
        tokens = (["…"] if start else []) + tokens[start : start + max_words] + ["…"]
    out = []
    for part in TOKEN_RE.split(" ".join(tokens)):
        if part and TOKEN_RE.fullmatch(part) and _word_matches(part, terms):
            out.append(f"<mark>{escape(part)}</mark>")
        else:
            out.append(escape(part))
    return mark_safe("".join(out))  # noqa: S308 — every piece is escaped above


def marked(fragment):
    """The engine's highlight (engine_request.ranked_ids) as safe HTML: the text escaped, the words the
    engine matched in <mark>, and "…" where the piece starts or ends inside a sentence."""
    text = " ".join(fragment.split())
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    plain = text.replace(MARK_START, "").replace(MARK_END, "")
    if plain and plain[0].islower():  # Arabic has no capitals: only a cased script tells
        html = f"… {html}"
    if plain and plain[-1] not in SENTENCE_ENDS:
        html = f"{html} …"
    return mark_safe(html)  # noqa: S308 — the text is escaped above; the marks are the only tags


def snippet(doc, terms):
    """The piece of a found page's summary or text shown under its title (the summary when both match)."""
    for text in (doc.summary, doc.body):
        if text and any(_word_matches(w, terms) for w in TOKEN_RE.findall(text)):
            return highlight(text, terms)
    return highlight(doc.summary or doc.body, terms)
