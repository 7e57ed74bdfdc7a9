from django.core.management.base import BaseCommand

from redactie.groups import setup_all


class Command(BaseCommand):
    help = (
        "Maakt de groepen Beheerder, Woordenlijst-redactie en per buurt Communitymanager en Welzijnswerker, "
        "met hun rechten en de goedkeuringsworkflow. Je kunt dit vaker doen: er komt niets dubbel."
    )

    def handle(self, **options):
        count = setup_all()
        self.stdout.write(self.style.SUCCESS(f"Groepen klaar voor {count} buurten."))
