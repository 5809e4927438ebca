from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Taking part: notifications and their delivery preferences, must-read notices.

    Comments, proposals and consultations are sibling apps under participation/ that
    notify people through `participation.notify.notify`.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from wagtail.signals import page_published

        from groups.follows import digest_section_register
        from participation.inbox import digest_section
        from participation.publication import on_page_published

        # Followed content and news addressed to an audience, on first publication.
        page_published.connect(on_page_published, dispatch_uid="participation_first_published")
        # The digest email includes the notifications each person wants there.
        digest_section_register(digest_section)
