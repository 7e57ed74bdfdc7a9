"""python manage.py opschonen_meldingen: remove residents' contact details from old handled reports.

A report keeps the resident's phone number or e-mail address for MELDING_RETENTION_DAYS days (365
unless set) after it was handled; then this command empties it. The report itself (page, text,
dates) stays for the communitymanager's overview. Open reports are never touched. Reports handled
before the handling date was recorded count from the day they came in.

Run it daily from cron (docs/trust.md), for example:
    15 3 * * *  cd /srv/portal && .venv/bin/python manage.py opschonen_meldingen
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from redactie.models import Melding


def expired(now=None):
    """Handled reports whose contact details are past the retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.MELDING_RETENTION_DAYS)
    handled_long_ago = Q(afgehandeld_op__lt=cutoff) | Q(afgehandeld_op__isnull=True, ontvangen_op__lt=cutoff)
    return Melding.objects.filter(handled_long_ago, afgehandeld=True).exclude(contact="")


class Command(BaseCommand):
    help = "Haal contactgegevens weg uit meldingen die langer dan de bewaartermijn afgehandeld zijn."

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true", help="tel alleen, verander niets")

    def handle(self, proef=False, **options):
        rows = expired()
        count = rows.count()
        days = settings.MELDING_RETENTION_DAYS
        if proef:
            self.stdout.write(
                f"{count} meldingen zijn langer dan {days} dagen afgehandeld en hebben nog contactgegevens."
            )
            return
        rows.update(contact="")
        self.stdout.write(f"Contactgegevens weggehaald uit {count} meldingen (afgehandeld, ouder dan {days} dagen).")
