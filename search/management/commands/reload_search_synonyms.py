"""python manage.py reload_search_synonyms: put the glossary synonyms into the search engine now."""

from django.core.management.base import BaseCommand

from search import analysis
from search.synonyms import engine_backends, refresh_synonyms


class Command(BaseCommand):
    help = "Zet de andere woorden en afkortingen uit de woordenlijst opnieuw in de zoekmachine."

    def add_arguments(self, parser):
        parser.add_argument("--show", action="store_true", help="toon de regels")

    def handle(self, show=False, **options):
        if not engine_backends():
            self.stdout.write("Geen zoekmachine ingesteld (OPENSEARCH_URL): niets te doen.")
            return
        rules = analysis.synonym_rules()
        if show:
            for rule in rules:
                self.stdout.write(rule)
        for name, indexes in refresh_synonyms().items():
            if indexes:
                self.stdout.write(f"{name}: {len(rules)} regels gezet in {', '.join(indexes)}")
            else:
                self.stdout.write(f"{name}: de regels waren al actueel ({len(rules)} regels)")
