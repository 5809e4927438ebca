from django.core.management.base import BaseCommand

from groups.services import working_group_sync_all


class Command(BaseCommand):
    help = (
        "Re-sync every working group's Django groups, permissions, collection, workflow and "
        "view restrictions with its memberships and visibility (safe to run at any time)."
    )

    def handle(self, *args, **options):
        count = working_group_sync_all()
        self.stdout.write(self.style.SUCCESS(f"{count} groupe(s) de travail synchronisé(s)."))
