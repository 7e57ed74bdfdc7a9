"""python manage.py replay_search_queue: write the changes that waited for the search engine.

Safe to run at any time and as often as you like (for example every 5 minutes from cron): with an
empty queue it does nothing. It stops with exit code 1 while the engine cannot be reached, or when
a change could not be written; the changes then stay in the queue.
"""

from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backends_with_name

from search import pending


def engine_backends():
    return [(name, b) for name, b in get_search_backends_with_name(with_auto_update=True) if hasattr(b, "is_outage")]


def plural(count, one, many):
    return f"{count} {one if count == 1 else many}"


class Command(BaseCommand):
    help = "Zet wijzigingen die op de zoekmachine wachtten alsnog in de zoekmachine."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", dest="show", help="toon de wachtende wijzigingen, verander niets"
        )

    def handle(self, show=False, **options):
        rows = pending.waiting()
        count = rows.count()
        if show:
            for row in rows:
                self.stdout.write(f"wacht: {row.content_type.name} {row.object_id}, {row.get_action_display()}")
        backends = engine_backends()
        if not backends:
            if count:
                self.stdout.write(
                    f"Geen zoekmachine ingesteld (OPENSEARCH_URL). "
                    f"{plural(count, 'wijziging wacht', 'wijzigingen wachten')}; ze blijven bewaard."
                )
            else:
                self.stdout.write("Geen zoekmachine ingesteld (OPENSEARCH_URL): niets te doen.")
            return
        if not count:
            self.stdout.write("Er wachten geen wijzigingen. De zoekmachine is bij.")
            return
        if show:
            self.stdout.write(f"{plural(count, 'wijziging wacht', 'wijzigingen wachten')}.")
            return

        result = pending.replay([backend for _name, backend in backends])
        for label in result.indexed:
            self.stdout.write(f"bijgewerkt: {label}")
        for label in result.removed:
            self.stdout.write(f"weggehaald: {label}")
        for index in result.synonyms:
            self.stdout.write(f"andere woorden uit de woordenlijst opnieuw gezet in {index}")
        self.stdout.write(
            f"Klaar: {len(result.indexed)} bijgewerkt en {len(result.removed)} weggehaald in de zoekmachine."
        )
        if result.unreachable:
            raise CommandError(
                f"De zoekmachine is niet bereikbaar ({result.unreachable}). "
                f"{plural(result.remaining, 'wijziging wacht', 'wijzigingen wachten')} nog. "
                "Probeer het later opnieuw."
            )
        if result.failed:
            for label, error in result.failed:
                self.stderr.write(f"mislukt: {label}: {error}")
            raise CommandError(
                f"{plural(len(result.failed), 'wijziging kon', 'wijzigingen konden')} niet in de zoekmachine. "
                "Ze blijven wachten. Lees de fout hierboven."
            )
