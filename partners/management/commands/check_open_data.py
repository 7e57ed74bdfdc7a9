"""Check the Open Referral HSDS 3 export of every language against the official schema (partners/hsds3/)."""

from django.core.management.base import BaseCommand, CommandError

from partners import hsds
from partners.exports import languages
from partners.hsds_check import errors

SHOWN = 20  # problems listed per language; the count says how many there are


class Command(BaseCommand):
    help = "Controleer de open-data-export (HSDS 3) van elke taal met het officiële schema."

    def handle(self, *args, **options):
        failed = False
        for language in languages():
            document = hsds.document(language)
            problems = errors(document)
            self.stdout.write(f"{language}: {document['total_items']} services, {len(problems)} fouten")
            for problem in problems[:SHOWN]:
                self.stdout.write(f"  {problem}")
            failed = failed or bool(problems)
        if failed:
            raise CommandError("De HSDS-export klopt niet met het schema.")
