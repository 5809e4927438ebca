"""« J'ai lu » for readers; the reach report, its CSV and the one reminder for editors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.spreadsheets import csv_response
from participation.notices import selectors, services
from participation.notices.models import MustRead

REPORT_PERMISSION = "participation_notices.change_mustread"


@require_POST
def acknowledge(request, notice_id):
    """Only a notice addressed to the user, on a page they may view; anything else is
    answered as if it did not exist."""
    notice = get_object_or_404(
        MustRead.objects.addressed_to(request.user)
        .on_pages_visible_to(request.user)
        .select_related("page"),
        pk=notice_id,
    )
    _acknowledgement, created = services.must_read_acknowledge(notice, request.user)
    if created:
        messages.success(request, _("Thank you: your reading is recorded."))
    else:
        messages.info(request, _("Your reading was already recorded."))
    return redirect(notice.page.url or "/")


def _notice_for_editor(request, notice_id) -> MustRead:
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(MustRead.objects.select_related("page", "created_by"), pk=notice_id)


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y à H:i")


def reach_report(request, notice_id):
    notice = _notice_for_editor(request, notice_id)
    figures = selectors.reach(notice)
    if request.GET.get("export") == "csv":
        return csv_response(
            _csv_rows(figures),
            filename=f"lecture-a-lire-{notice.pk}-{timezone.localdate():%Y-%m-%d}.csv",
        )
    return render(
        request,
        "participation_notices/admin/reach_report.html",
        {
            "notice": notice,
            "reach": figures,
            "overdue": notice.is_overdue(),
            "audience": notice.describe(),
            "reminder_sent_at": notice.reminder_sent_at and _date(notice.reminder_sent_at),
            "page_title": _("Reach of “%(title)s”") % {"title": notice.page.title},
            "header_icon": "view",
        },
    )


def _csv_rows(figures):
    yield [_("Structure"), _("Targeted"), _("Read"), _("Not yet"), _("Percentage read")]
    for row in [*figures.rows, figures.total]:
        yield [row.structure, row.targeted, row.read, row.not_yet, row.percentage]
    yield [_("Targeted people who cannot view the page"), figures.cannot_view, "", "", ""]


def reminder(request, notice_id):
    """GET: how many people the reminder will reach, and the button; POST: send it, once."""
    notice = _notice_for_editor(request, notice_id)
    report_url = reverse("participation_notices_reach", args=[notice.pk])
    if request.method == "POST":
        try:
            sent = services.must_read_remind(notice, actor=request.user)
        except services.ReminderAlreadySent as already:
            messages.warning(request, _already_sent_message(already.sent_at))
        else:
            messages.success(
                request,
                _("Reminder sent to %(count)s person(s) who have not read yet.")
                % {"count": len(sent)},
            )
        return redirect(report_url)
    return render(
        request,
        "participation_notices/admin/reminder_confirm.html",
        {
            "notice": notice,
            "count": selectors.not_read_count(notice),
            "already_sent": notice.reminder_sent_at
            and _already_sent_message(notice.reminder_sent_at),
            "report_url": report_url,
            "page_title": _("Send a reminder"),
            "header_icon": "mail",
        },
    )


def _already_sent_message(sent_at) -> str:
    return _("The reminder was already sent on %(date)s: only one reminder per notice.") % {
        "date": _date(sent_at)
    }
