"""manage.py load_postcodes FILE: add or update postcodes from a CSV file like demo/corpus/postcodes.csv."""

import csv
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from postcodes.models import Postcode

COLUMNS = ["postcode", "straat", "plaats", "lat", "lon"]


def read_postcodes(text):
    """[Postcode] (not saved) from the CSV text, or CommandError listing every problem with its line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CommandError(f"Deze kolommen ontbreken in de kopregel: {', '.join(missing)}")
    found, problems = [], []
    for line, row in enumerate(reader, start=2):
        try:
            item = Postcode(
                postcode=(row["postcode"] or "").strip(),
                straat=(row["straat"] or "").strip(),
                plaats=(row["plaats"] or "").strip(),
                latitude=Decimal((row["lat"] or "").strip()),
                longitude=Decimal((row["lon"] or "").strip()),
            )
            item.full_clean(validate_unique=False)
        except (InvalidOperation, ValidationError) as exc:
            detail = "; ".join(exc.messages) if isinstance(exc, ValidationError) else "lat en lon moeten getallen zijn"
            problems.append(f"regel {line}: {detail}")
            continue
        found.append(item)
    if problems:
        raise CommandError("Er is niets opgeslagen.\n" + "\n".join(problems))
    return found


class Command(BaseCommand):
    help = (
        "Voegt postcodes met hun middelpunt toe uit een CSV-bestand (postcode;straat;plaats;lat;lon), of werkt ze bij."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="het CSV-bestand, zoals demo/corpus/postcodes.csv")

    def handle(self, path, **options):
        with open(path, encoding="utf-8-sig") as f:
            items = read_postcodes(f.read())
        with transaction.atomic():
            for item in items:
                Postcode.objects.update_or_create(
                    postcode=item.postcode,
                    defaults={
                        "straat": item.straat,
                        "plaats": item.plaats,
                        "latitude": item.latitude,
                        "longitude": item.longitude,
                    },
                )
        self.stdout.write(f"{len(items)} postcodes geladen.")
