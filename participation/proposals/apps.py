from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """Proposals: a professional proposes a resource or a good practice from the site; it
    becomes a draft page that goes through Wagtail's moderation workflow, reviewed by the
    thematic's chefs de file or an editor, and the proposer hears of each step."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation.proposals"
    label = "participation_proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from participation.proposals import signals  # noqa: F401
