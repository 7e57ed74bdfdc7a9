"""Measure the search on judged queries: python manage.py evaluate_search FILE [--baseline] [--details].

A question with a `lang` field ("en", "tr", "ar", "nl") is asked in the portal of that language, as a
resident who reads that language would ask it (/tr/zoeken/); the others in the language of --lang.
When the file has questions in more than one language, the measures are also given per language.
`--by kind` gives them per `kind` of question as well (search/eval/heldout_wave2.jsonl: en, tr, need, buurt, te-doen,
plek, zorg, typo, samenstelling, onzin), one line per kind. The ids of answerable questions that got no answer, and
of unanswerable ones that got one, are always listed.
"""

import logging
import re
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import backends, engine
from search.evaluation import MODEL_TYPES, Scores, read_queries


def baseline_ranking(query):
    """Plain Wagtail search, as a site without this app would do it."""
    if not query.strip():
        return []
    ranked = []
    for page in Page.objects.live().search(query)[:50]:
        key = (MODEL_TYPES.get(page.content_type.model, page.content_type.model), page.slug)
        if key not in ranked:
            ranked.append(key)
    return ranked


class FailoverCounter(logging.Handler):
    """Counts the times the search engine failed during the run (search/backends.py logs each one). Searches
    in the RETRY_AFTER seconds after a failure are answered by the database backend, so the figures would
    silently mix two backends; the command says so instead."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.failures = 0

    def emit(self, record):
        if record.getMessage().startswith("Search engine"):
            self.failures += 1


@contextmanager
def counting_failovers():
    counter = FailoverCounter()
    backends.logger.addHandler(counter)
    try:
        yield counter
    finally:
        backends.logger.removeHandler(counter)


class Command(BaseCommand):
    help = "Meet de zoekfunctie met beoordeelde zoekvragen (JSON lines, zoals demo/eval/dev_queries.jsonl)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="bestand met zoekvragen en beoordelingen (JSON lines)")
        parser.add_argument("--baseline", action="store_true", help="meet ook het gewone Wagtail-zoeken")
        parser.add_argument("--details", action="store_true", help="toon per zoekvraag de eerste resultaten")
        parser.add_argument("--lang", default="nl", help="taal van de inhoud (standaard nl)")
        parser.add_argument(
            "--note",
            default="",
            help="alleen zoekvragen waarvan de toelichting dit patroon heeft, bijvoorbeeld 'misspell|compound'",
        )
        parser.add_argument(
            "--by", choices=["kind"], default=None, help="geef de maten ook per soort zoekvraag (het veld ‘kind’)"
        )

    def handle(self, file, baseline=False, details=False, lang="nl", note="", by=None, **options):
        try:
            queries = read_queries(file)
        except OSError as exc:
            raise CommandError(f"Kan {file} niet lezen: {exc}") from exc
        except ValueError as exc:
            raise CommandError(f"{file}, {exc}") from exc
        if note:
            try:
                pattern = re.compile(note, re.IGNORECASE)
            except re.error as exc:
                raise CommandError(f"Het patroon bij --note klopt niet: {exc}") from exc
            queries = [q for q in queries if pattern.search(q.note)]
            if not queries:
                raise CommandError(f"Geen zoekvraag in {file} heeft ‘{note}’ in de toelichting.")
        if by and not any(getattr(q, by) for q in queries):
            raise CommandError(f"Geen zoekvraag in {file} heeft het veld ‘{by}’.")
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        if lang not in locales:
            raise CommandError(f"De taal ‘{lang}’ bestaat niet op deze website.")
        backend = get_search_backend()
        urls = ", ".join(map(str, getattr(backend, "cluster_key", ()))) or "-"
        self.stdout.write(f"zoekmachine: {type(backend).__name__} ({urls})")
        with counting_failovers() as counter:
            self._measure(queries, file, locales, lang, baseline, details, by)
        if counter.failures:
            self.stderr.write(
                f"LET OP: de zoekmachine gaf {counter.failures} keer geen (tijdig) antwoord. De zoekvragen daarna "
                "kregen een tijd antwoord van de database: deze cijfers zijn niet die van de zoekmachine alleen. "
                "Een koude zoekmachine heeft soms meer tijd nodig (SEARCH_TIMEOUT)."
            )

    def _measure(self, queries, file, locales, lang, baseline, details, by):
        ours, plain = Scores(), Scores()
        per_lang = {}  # language of the question → (ours, baseline)
        per_group = {}  # value of the --by field → (ours, baseline)
        started = time.perf_counter()
        for q in queries:
            locale = locales.get(q.lang) or locales[lang]
            outcome = engine.search(q.query, locale=locale, buurt=q.buurt or "", limit=10)
            ranked = [(r.doc.type, r.doc.slug) for r in outcome.results]
            offer = engine.asked_without_unfound(outcome)
            if offer:
                offered = engine.shown(offer[1].index, offer[1].results[:10])
                ours.add_offer(q, [(r.doc.type, r.doc.slug) for r in offered])
            base_ranked = baseline_ranking(q.query) if baseline else None
            ndcg = ours.add(q, ranked)
            base_ndcg = plain.add(q, base_ranked) if baseline else None
            group = per_lang.setdefault(q.lang or lang, (Scores(), Scores()))
            group[0].add(q, ranked)
            if baseline:
                group[1].add(q, base_ranked)
            if by:
                by_group = per_group.setdefault(getattr(q, by) or "-", (Scores(), Scores()))
                by_group[0].add(q, ranked)
                if baseline:
                    by_group[1].add(q, base_ranked)
            if details:
                self._details(q, ranked, ndcg, base_ndcg)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{len(queries)} zoekvragen uit {file} ({ours.answerable} met antwoord)")
        self._table(ours.summary(), plain.summary() if baseline else None)
        if len(per_lang) > 1:
            for code, (own, base) in sorted(per_lang.items()):
                self.stdout.write(f"\ntaal {code}: {own.answerable + own.unanswerable} zoekvragen")
                self._table(own.summary(), base.summary() if baseline else None)
        if by:
            self._group_lines(by, per_group, baseline)
        if ours.empty_ids:
            self.stdout.write(f"geen antwoord, wel verwacht: {' '.join(ours.empty_ids)}")
        if ours.offered or ours.offered_nonsense:
            self.stdout.write(
                f"lege antwoorden met een aanbod zonder de onbekende woorden: {ours.offered} van "
                f"{ours.empty_answerable}, {ours.offered_useful} met een goede pagina in de eerste 10; "
                f"bij vragen zonder antwoord: {ours.offered_nonsense} van {ours.unanswerable}"
            )
        if ours.answered_nonsense_ids:
            self.stdout.write(f"antwoord, geen verwacht: {' '.join(ours.answered_nonsense_ids)}")
        self.stdout.write(f"tijd: {elapsed:.1f} s")

    def _group_lines(self, by, groups, baseline):
        """One line per group: questions, nDCG@10, MRR@10, empty answers to answerable questions, quiet on nonsense."""
        header = f"\nper {by:14} {'vragen':>6} {'nDCG@10':>8} {'MRR@10':>7} {'leeg':>7} {'stil':>7}"
        self.stdout.write(header + (f" {'baseline nDCG@10':>17}" if baseline else ""))
        for name, (own, base) in sorted(groups.items()):
            measures = own.summary()
            empty = f"{own.empty_answerable}/{own.answerable}" if own.answerable else "-"
            quiet = f"{own.quiet_unanswerable}/{own.unanswerable}" if own.unanswerable else "-"
            ndcg, mrr = (f"{measures['nDCG@10']:.3f}", f"{measures['MRR@10']:.3f}") if own.answerable else ("-", "-")
            line = f"{name:18} {own.answerable + own.unanswerable:6} {ndcg:>8} {mrr:>7} {empty:>7} {quiet:>7}"
            if baseline:
                line += f" {base.summary()['nDCG@10']:17.3f}" if base.answerable else f" {'-':>17}"
            self.stdout.write(line)

    def _details(self, q, ranked, ndcg, base_ndcg):
        score = "geen antwoord verwacht" if ndcg is None else f"nDCG@10 {ndcg:.2f}"
        if base_ndcg is not None:
            score += f" (baseline {base_ndcg:.2f})"
        buurt = f" [buurt {q.buurt}]" if q.buurt else ""
        self.stdout.write(f"\n{q.id} ‘{q.query}’{buurt}: {score}")
        for i, key in enumerate(ranked[:10], start=1):
            self.stdout.write(f"  {i:2}. [{q.grades.get(key, 0)}] {key[0]}:{key[1]}")
        missing = [k for k, g in sorted(q.grades.items(), key=lambda kg: -kg[1]) if g >= 2 and k not in ranked[:10]]
        for key in missing:
            self.stdout.write(f"   mist [{q.grades[key]}] {key[0]}:{key[1]}")

    def _table(self, ours, plain):
        header = f"{'maat':28} {'zoeken':>8}" + (f" {'baseline':>9}" if plain else "")
        self.stdout.write(header)
        for name, value in ours.items():
            line = f"{name:28} {value:8.3f}"
            if plain:
                line += f" {plain[name]:9.3f}"
            self.stdout.write(line)
        if plain and plain["nDCG@10"]:
            self.stdout.write(f"nDCG@10 t.o.v. baseline: {ours['nDCG@10'] / plain['nDCG@10']:.2f}×")
