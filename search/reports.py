"""Admin reports of what people search for: the most searched queries and the queries that found
nothing, over a period (the last 30 days unless chosen), with Wagtail's CSV/XLSX export. Anyone
types the queries: `SafeSpreadsheetExportMixin` neutralises every cell of both formats."""

import datetime

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from home.spreadsheets import SafeSpreadsheetExportMixin
from search.analytics import query_totals
from search.models import SearchQueryDay

DEFAULT_DAYS = 30
REPORT_PERMISSION = "search.view_searchqueryday"


class SearchQueryFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)

    class Meta:
        model = SearchQueryDay
        fields = []


class QueryReportView(SafeSpreadsheetExportMixin, ReportView):
    """Rows are aggregates over the period, so the period is applied before grouping."""

    model = SearchQueryDay
    permission_required = "view"  # search.view_searchqueryday: the editors' group has it
    filterset_class = SearchQueryFilterSet
    header_icon = "search"
    paginate_by = 50
    list_export = ["query", "total_searches", "total_zero_results"]
    export_headings = {
        "query": _("Query"),
        "total_searches": _("Searches"),
        "total_zero_results": _("Searches without result"),
    }
    columns = [
        Column("query", label=_("Query")),
        NumberColumn("total_searches", label=_("Searches")),
        NumberColumn("total_zero_results", label=_("Searches without result")),
    ]
    filename_prefix = ""

    @cached_property
    def period(self) -> tuple[datetime.date, datetime.date]:
        today = timezone.localdate()
        since = until = None
        if self.filters and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("date")
            if chosen:
                since, until = chosen.start, chosen.stop
        until = until or today
        since = since or until - datetime.timedelta(days=DEFAULT_DAYS - 1)
        return since, until

    def get_page_subtitle(self):
        since, until = self.period
        return _("From %(since)s to %(until)s") % {
            "since": f"{since:%d/%m/%Y}",
            "until": f"{until:%d/%m/%Y}",
        }

    def filter_queryset(self, queryset):
        return queryset  # the period is applied in get_queryset, before aggregation

    def get_queryset(self):
        return query_totals(*self.period)

    def get_filename(self):
        since, until = self.period
        return f"{self.filename_prefix}-{since:%Y-%m-%d}-{until:%Y-%m-%d}"


class TopQueriesView(QueryReportView):
    page_title = _("Most searched queries")
    index_url_name = "search_top_queries"
    index_results_url_name = "search_top_queries_results"
    filename_prefix = "recherches-frequentes"

    def get_queryset(self):
        return super().get_queryset().order_by("-total_searches", "query")


class ZeroResultQueriesView(QueryReportView):
    page_title = _("Searches without result")
    header_icon = "warning"
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
    filename_prefix = "recherches-sans-resultat"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(total_zero_results__gt=0)
            .order_by("-total_zero_results", "query")
        )
