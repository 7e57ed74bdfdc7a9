"""Fetch every partner feed (or one, --feed ID) and import its events. Run by cron, for example hourly."""

from django.core.management.base import BaseCommand

from partnerfeeds.importer import import_feed
from partnerfeeds.models import PartnerFeed


class Command(BaseCommand):
    help = "Haal de iCal-agenda's van partners op en zet de activiteiten in hun buurt."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, help="Alleen de agenda met dit nummer (id).")

    def handle(self, *args, feed=None, **options):
        feeds = PartnerFeed.objects.select_related("buurt").order_by("pk")
        if feed is not None:
            feeds = feeds.filter(pk=feed)
        for partner in feeds:
            result = import_feed(partner)
            if result is None:
                self.stderr.write(f"{partner.naam}: {partner.fout}")
            else:
                self.stdout.write(f"{partner.naam}: {result}")
