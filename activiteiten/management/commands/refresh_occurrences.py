import time

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_datetime

from activiteiten.occurrences import WINDOW_DAYS, refresh_all


class Command(BaseCommand):
    help = (
        "Vult de agenda opnieuw: zet voor alle gepubliceerde activiteiten de keren in de tabel, "
        f"voor de komende {WINDOW_DAYS} dagen. Draai dit één keer per dag (bijvoorbeeld met cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="doe alsof het nu dit tijdstip is (ISO 8601, voor tests)")

    def handle(self, now=None, **options):
        moment = None
        if now:
            moment = parse_datetime(now)
            if moment is None or moment.tzinfo is None:
                self.stderr.write(f"‘{now}’ is geen tijdstip met tijdzone, zoals 2026-11-23T08:00+01:00.")
                return
        started = time.perf_counter()
        count = refresh_all(
            now=moment,
            progress=lambda n: self.stdout.write(f"{n} activiteiten gedaan") if options["verbosity"] > 1 else None,
        )
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"{count} keren in de agenda gezet in {seconds:.1f} seconden."))
