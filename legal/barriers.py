"""Barrier reports: stored first, then emailed to the editors once the row is committed."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from home.roles import EDITORS_GROUP_NAME
from legal.models import BarrierReport

logger = logging.getLogger(__name__)


def editors_emails() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP_NAME, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def report_barrier(*, reporter, page_url, description, assistive_technology, token):
    """The report for this form token: created (and announced) once, found again on a second
    submission. Returns (report, created)."""
    existing = BarrierReport.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = BarrierReport.objects.create(
                submission_token=token,
                reporter=reporter if reporter.is_authenticated else None,
                page_url=page_url,
                description=description,
                assistive_technology=assistive_technology,
            )
    except IntegrityError:
        # The same form, submitted twice at the same moment: the other request stored it.
        return BarrierReport.objects.get(submission_token=token), False
    transaction.on_commit(lambda: notify_editors(report.pk))
    return report, True


def notify_editors(report_pk: int) -> None:
    report = BarrierReport.objects.select_related("reporter").get(pk=report_pk)
    recipients = editors_emails()
    if not recipients:
        logger.warning("accessibility report %s: no editor has an email address", report.pk)
        return
    reporter = report.reporter
    name = (reporter.get_full_name() or reporter.get_username()) if reporter else "?"
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "legal_barrierreport:edit", args=[report.pk]
    )
    body = "\n\n".join(
        [
            _("%(name)s reported an accessibility problem.") % {"name": name},
            _("Page: %(page)s") % {"page": report.page_url},
            report.description,
            _("Browser and assistive technology: %(tech)s")
            % {"tech": report.assistive_technology or "—"},
            _("Follow it up in the administration: %(url)s") % {"url": admin_url},
        ]
    )
    try:
        send_mail(
            _("Trame: accessibility problem reported"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except OSError:
        # The report is stored and listed in the admin: a mail server down loses nothing.
        logger.exception("accessibility report %s: could not email the editors", report.pk)
