from django.core.management.base import BaseCommand

from participation.consultations.services import announce_due


class Command(BaseCommand):
    help = (
        "Notify the voters of every consultation that has opened since the last run "
        "(each consultation is announced once; run it every few minutes from cron)."
    )

    def handle(self, *args, **options):
        count = announce_due()
        self.stdout.write(f"{count} notification(s) de consultation envoyée(s).")
