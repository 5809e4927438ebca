from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from search.check import index_check

SHOWN_KEYS = 50


class Command(BaseCommand):
    help = (
        "Compare the search index with the site: entries missing, stale, or that should not "
        "be there. Exits with status 1 when they differ; --repair reindexes exactly those."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", help="Reindex the entries found drifting."
        )

    def handle(self, *args, repair=False, **options):
        with translation.override(settings.LANGUAGE_CODE):
            drifts = index_check(repair=repair)
            for drift in drifts:
                self._report(drift)
            drifting = [drift for drift in drifts if drift]
            if not drifting:
                return
            if not repair:
                raise CommandError(
                    _("The search index differs from the site: run search_check --repair."),
                    returncode=1,
                )
            if not all(drift.repaired for drift in drifting):
                raise CommandError(
                    _("The repair did not bring the index in line with the site."), returncode=1
                )
            self.stdout.write(_("Drifting entries reindexed: the index matches the site."))

    def _report(self, drift):
        self.stdout.write(
            _(
                "Index %(engine)s: %(indexed)d entries held, %(expected)d expected; "
                "%(missing)d missing, %(stale)d stale, %(extra)d that should not be there."
            )
            % {
                "engine": drift.engine,
                "indexed": drift.indexed,
                "expected": drift.expected,
                "missing": len(drift.missing),
                "stale": len(drift.stale),
                "extra": len(drift.extra),
            }
        )
        for label, keys in (
            (_("missing"), drift.missing),
            (_("stale"), drift.stale),
            (_("should not be there"), drift.extra),
        ):
            for key in keys[:SHOWN_KEYS]:
                self.stdout.write(f"  {label} : {key}")
            if len(keys) > SHOWN_KEYS:
                self.stdout.write(f"  {label} : … (+{len(keys) - SHOWN_KEYS})")
