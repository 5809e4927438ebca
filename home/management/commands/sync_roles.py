from django.core.management.base import BaseCommand

from home.roles import editors_group_sync


class Command(BaseCommand):
    help = "Create or complete the site-wide groups and their permissions (safe to rerun)."

    def handle(self, *args, **options):
        group = editors_group_sync()
        self.stdout.write(self.style.SUCCESS(f"Groupe « {group.name} » à jour."))
