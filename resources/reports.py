"""Admin reports of the library: resources past their review date, and "Visibilité des
ressources" (usage figures over a chosen period, with a chart and a CSV export)."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.views.reports import PageReportView

from groups.models import Structure, Thematic
from home.params import clean_parameters
from home.permission_policies import pages_listable_in_admin
from home.spreadsheets import SafeSpreadsheetExportMixin, csv_response
from resources.charts import daily_bar_chart
from resources.models import DocumentDownloadDay, ResourcePage, ResourceViewDay

REPORT_PERMISSION = "resources.view_resourceviewday"
PERIODS = [7, 30, 90, 365]
NEVER_VIEWED_DAYS = 90


class ReviewOverdueView(SafeSpreadsheetExportMixin, PageReportView):
    page_title = gettext_lazy("Resources past their review date")
    header_icon = "date"
    index_url_name = "resources_review_overdue"
    index_results_url_name = "resources_review_overdue_results"
    list_export = [*PageReportView.list_export, "review_date", "content_owner"]
    export_headings = {
        **PageReportView.export_headings,
        "review_date": gettext_lazy("review date"),
        "content_owner": gettext_lazy("content owner"),
    }

    def get_filename(self):
        return f"ressources-a-reviser-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        # Only resources the user may be shown: a group's private resources stay private.
        self.queryset = (
            pages_listable_in_admin(ResourcePage.objects.all(), self.request.user)
            .filter(review_date__lt=timezone.localdate())
            .select_related("content_owner")
            .order_by("review_date")
        )
        return super().get_queryset()


class VisibilityParametersForm(forms.Form):
    jours = forms.TypedChoiceField(
        label=gettext_lazy("Period"),
        required=False,
        coerce=int,
        empty_value=30,
        choices=[(days, days) for days in PERIODS],
    )


def visibility_figures(*, days: int, today: datetime.date | None = None) -> dict:
    """Every figure of the report over the last `days` days (today included)."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days - 1)
    views = ResourceViewDay.objects.filter(day__gte=since, day__lte=today)
    downloads = DocumentDownloadDay.objects.filter(day__gte=since, day__lte=today)
    most_viewed = (
        views.values("resource_id", "resource__title")
        .annotate(total=Sum("views"))
        .order_by("-total", "resource__title")[:10]
    )
    most_downloaded = (
        downloads.values("document_id", "document__title")
        .annotate(total=Sum("downloads"))
        .order_by("-total", "document__title")[:10]
    )
    viewed_recently = ResourceViewDay.objects.filter(
        day__gt=today - datetime.timedelta(days=NEVER_VIEWED_DAYS)
    ).values("resource_id")
    never_viewed = (
        ResourcePage.objects.live()
        .exclude(pk__in=viewed_recently)
        .order_by("publication_date", "title")
        .values("pk", "title", "publication_date")
    )
    view_filter = Q(resources__view_days__day__gte=since, resources__view_days__day__lte=today)
    per_thematic = (
        Thematic.objects.annotate(total=Sum("resources__view_days__views", filter=view_filter))
        .filter(total__gt=0)
        .order_by("-total", "name")
        .values("name", "total")
    )
    structure_filter = Q(
        produced_resources__view_days__day__gte=since,
        produced_resources__view_days__day__lte=today,
    )
    per_structure = (
        Structure.objects.annotate(
            total=Sum("produced_resources__view_days__views", filter=structure_filter),
            resources=Count("produced_resources", distinct=True),
        )
        .filter(total__gt=0)
        .order_by("-total", "name")
        .values("name", "total", "resources")
    )
    daily_views = dict(views.values_list("day").annotate(total=Sum("views")))
    daily_downloads = dict(downloads.values_list("day").annotate(total=Sum("downloads")))
    series = [
        (
            since + datetime.timedelta(days=offset),
            daily_views.get(since + datetime.timedelta(days=offset), 0),
            daily_downloads.get(since + datetime.timedelta(days=offset), 0),
        )
        for offset in range(days)
    ]
    return {
        "days": days,
        "since": since,
        "today": today,
        "total_views": sum(row[1] for row in series),
        "total_downloads": sum(row[2] for row in series),
        "most_viewed": list(most_viewed),
        "most_downloaded": list(most_downloaded),
        "never_viewed": list(never_viewed[:100]),
        "never_viewed_count": never_viewed.count(),
        "per_thematic": list(per_thematic),
        "per_structure": list(per_structure),
        "series": series,
    }


def _csv_rows(figures: dict):
    yield [_("Section"), _("Name"), _("Views"), _("Downloads")]
    for row in figures["most_viewed"]:
        yield [_("Most viewed"), row["resource__title"], row["total"], ""]
    for row in figures["most_downloaded"]:
        yield [_("Most downloaded"), row["document__title"], "", row["total"]]
    for row in figures["per_thematic"]:
        yield [_("Thematic"), row["name"], row["total"], ""]
    for row in figures["per_structure"]:
        yield [_("Producing structure"), row["name"], row["total"], ""]
    for row in figures["never_viewed"]:
        yield [_("Never viewed in 90 days"), row["title"], 0, ""]
    for day, views, downloads in figures["series"]:
        yield [_("Day"), day, views, downloads]


def visibility_report(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    params = clean_parameters(VisibilityParametersForm(request.GET))
    figures = visibility_figures(days=params["jours"])
    if request.GET.get("export") == "csv":
        filename = f"visibilite-ressources-{figures['today']:%Y-%m-%d}.csv"
        return csv_response(_csv_rows(figures), filename=filename)
    return render(
        request,
        "resources/admin/visibility_report.html",
        {
            **figures,
            "periods": PERIODS,
            "chart": daily_bar_chart(figures["series"]),
            "header_icon": "view",
            "page_title": _("Resource visibility"),
        },
    )
