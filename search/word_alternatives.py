"""The stems the Python ranking also asks for one word (query_understanding): its everyday synonyms and translations
(data/thesaurus.txt, data/vertaalwoorden.txt: `related`), its wider words (the one-way lines: `wider`), both as one
part of an alternative (`options`). The engine asks the same words through its analyzers (search/analysis.py)."""

from .text import broader, stem, stopwords, thesaurus


def related(word):
    """Stems of everyday synonyms and English words for `word` (single words only)."""
    stop = stopwords()
    found = []
    for other in sorted(thesaurus().get(word, ())):
        if " " in other or other in stop:
            continue
        term = stem(other)
        if len(term) >= 3 and term not in stop and term not in found:
            found.append(term)
    return tuple(found)


def wider(word):
    """Stems of the wider words for `word` (one-way lines of the thesaurus): weaker than a synonym."""
    own = {stem(word), *related(word)}
    return tuple(sorted({stem(w) for w in broader().get(word, ()) if " " not in w} - own))


def options(word, wide=False):
    found = (stem(word), *(t for t in related(word) if t != stem(word)))
    return (*found, *wider(word)) if wide else found


def single(words_):
    return tuple((stem(w),) for w in words_)
