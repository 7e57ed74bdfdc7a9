"""python manage.py meldingen_van_persoon E-MAIL [--formaat json|csv] [--uitvoer FILE] [--verwijder --zeker]

For a resident's data request (inzageverzoek or verwijderverzoek, AVG/GDPR): every report whose
contact field holds this e-mail address, or whose text mentions it, is written out (JSON or CSV, to
the screen or a file). With --verwijder --zeker those reports are deleted afterwards; without
--zeker nothing is deleted and the command says what it would delete. Only people with access to
the server can run it: the Beheerder.
"""

import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db.models import Q

from redactie.models import Melding

FIELDS = ["id", "ontvangen_op", "pagina_titel", "bericht", "contact", "afgehandeld", "afgehandeld_op"]


def reports_of(email):
    return Melding.objects.filter(Q(contact__icontains=email) | Q(bericht__icontains=email)).order_by("ontvangen_op")


def as_rows(reports):
    return [
        {name: (value.isoformat() if hasattr(value, "isoformat") else value) for name, value in row.items()}
        for row in reports.values(*FIELDS)
    ]


class Command(BaseCommand):
    help = "Geef (en verwijder desgewenst) alle meldingen van één persoon, gezocht op e-mailadres."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--formaat", choices=["json", "csv"], default="json")
        parser.add_argument("--uitvoer", help="schrijf naar dit bestand in plaats van naar het scherm")
        parser.add_argument("--verwijder", action="store_true", help="verwijder de meldingen na het uitvoeren")
        parser.add_argument("--zeker", action="store_true", help="bevestig het verwijderen")

    def handle(self, email, formaat="json", uitvoer=None, verwijder=False, zeker=False, **options):
        email = email.strip()
        try:
            validate_email(email)
        except Exception as exc:
            raise CommandError(f"‘{email}’ is geen e-mailadres.") from exc
        reports = reports_of(email)
        rows = as_rows(reports)
        text = self.render(rows, formaat)
        if uitvoer:
            with open(uitvoer, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            self.stderr.write(f"{len(rows)} meldingen geschreven naar {uitvoer}.")
        else:
            self.stdout.write(text)
        if not verwijder:
            return
        if not zeker:
            self.stderr.write(f"{len(rows)} meldingen zouden worden verwijderd. Voeg --zeker toe om ze te verwijderen.")
            return
        deleted, _ = reports.delete()
        self.stderr.write(f"{deleted} meldingen van {email} verwijderd.")

    def render(self, rows, formaat):
        if formaat == "json":
            return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        from io import StringIO

        buffer = StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
