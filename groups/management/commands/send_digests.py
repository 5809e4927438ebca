from django.core.management.base import BaseCommand

from groups.follows import digests_send
from groups.models import Profile


class Command(BaseCommand):
    help = "Email each user what is new in the thematics and groups they follow (for cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[Profile.DigestFrequency.DAILY, Profile.DigestFrequency.WEEKLY],
            default=Profile.DigestFrequency.WEEKLY,
            help="Send to the users who chose this frequency (run daily ones every day).",
        )

    def handle(self, *args, frequency, **options):
        sent = digests_send(frequency=frequency)
        self.stdout.write(self.style.SUCCESS(f"{sent} lettre(s) envoyée(s)."))
