"""The routes of a plan page (the plan at a glance, its printable view, its PDF, its exports
and its yearly reviews) and of an action page (its PDF). Kept apart from the models so that
they stay thin. Wagtail serves these routes after its view restrictions (and
home.wagtail_hooks answers 404 to a logged-in reader outside a restriction), so a PDF shows
nothing its page does not."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import path


class CloseYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    assessment = forms.CharField(
        label=_("Assessment of the year"), widget=forms.Textarea(attrs={"rows": 6})
    )


def _can_edit(page, user) -> bool:
    return page.permissions_for_user(user).can_edit()


class PlanRoutesMixin:
    @path("")
    def index(self, request):
        from strategy.charts import indicator_chart
        from strategy.forms import plan_filters
        from strategy.selectors import plan_overview

        filters = plan_filters(request.GET)
        overview = plan_overview(plan=self, user=request.user, filters=filters)
        charts = [(action, i, indicator_chart(i)) for action, i in overview.indicators]
        return self.render(
            request,
            context_overrides={
                "overview": overview,
                "charts": charts,
                "reviews": list(self.reviews.order_by("year")),
                "can_edit": _can_edit(self, request.user),
            },
        )

    @path("imprimer/", name="print")
    def print_view(self, request):
        from strategy.charts import indicator_chart
        from strategy.selectors import plan_overview

        overview = plan_overview(plan=self, user=request.user)
        for _action, indicator in overview.indicators:
            indicator.chart = indicator_chart(indicator)
        return self.render(
            request,
            template="strategy/strategy_plan_print.html",
            context_overrides={"overview": overview},
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from home.pdf import pdf_response
        from strategy.charts import indicator_chart
        from strategy.forms import plan_filters
        from strategy.selectors import plan_overview

        overview = plan_overview(plan=self, user=request.user, filters=plan_filters(request.GET))
        for _action, indicator in overview.indicators:
            indicator.chart = indicator_chart(indicator)
        return pdf_response(
            request,
            "strategy/pdf/plan.html",
            {"page": self, "overview": overview},
            title=self.title,
        )

    def _export(self, request, extension):
        from home.spreadsheets import csv_response
        from strategy.exports import overview_csv_rows, overview_xlsx
        from strategy.forms import plan_filters
        from strategy.selectors import plan_overview

        filters = plan_filters(request.GET)
        overview = plan_overview(plan=self, user=request.user, filters=filters)
        filename = f"{slugify(self.title) or 'projet-associatif'}.{extension}"
        if extension == "csv":
            return csv_response(overview_csv_rows(overview), filename=filename)
        response = HttpResponse(
            overview_xlsx(overview),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("exporter/csv/", name="export_csv")
    def export_csv(self, request):
        return self._export(request, "csv")

    @path("exporter/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        return self._export(request, "xlsx")

    @path("bilans/<year:year>/", name="review")
    def review(self, request, year):
        from strategy.reviews import review_comparison

        review = get_object_or_404(self.reviews, year=year)
        return self.render(
            request,
            template="strategy/yearly_review.html",
            context_overrides={
                "review": review,
                "rows": review_comparison(review=review, user=request.user),
                "reviews": list(self.reviews.order_by("year")),
            },
        )

    @path("bilans/clore/", name="close_year")
    def close_year(self, request):
        from strategy.services import plan_close_year

        if not _can_edit(self, request.user):
            raise PermissionDenied
        form = CloseYearForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                review = plan_close_year(
                    plan=self,
                    year=form.cleaned_data["year"],
                    assessment=form.cleaned_data["assessment"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The year %(year)s is closed.") % {"year": review.year})
                return redirect(self.url + self.reverse_subpage("review", args=[review.year]))
        return self.render(
            request, template="strategy/close_year.html", context_overrides={"form": form}
        )


def _rollup(plan, request, *, with_lines=False):
    """The roll-up of the member plans against this regional plan, or 404 / 403 in French;
    with_lines: every indicator of every structure too (the CSV and the PDF list them)."""
    from django.http import Http404

    from strategy.models.alignment import regional_plans
    from strategy.rollup import may_view_rollup, network_rollup, rollup_filters

    if not regional_plans().filter(pk=plan.pk).exists():
        raise Http404(_("This plan is not the regional plan."))
    if not may_view_rollup(request.user):
        raise PermissionDenied(
            _("The network roll-up is for regional editors and the directors of the structures.")
        )
    return network_rollup(
        plan=plan, user=request.user, filters=rollup_filters(request.GET), with_lines=with_lines
    )


class RollupRoutesMixin:
    """The regional roll-up, under the regional plan: « reseau/ », its CSV and its PDF."""

    @path("reseau/", name="rollup")
    def rollup(self, request):
        from strategy.charts import rollup_chart

        rollup = _rollup(self, request)
        return self.render(
            request,
            template="strategy/network_rollup.html",
            context_overrides={"rollup": rollup, "chart": rollup_chart(rollup.totals)},
        )

    @path("reseau/csv/", name="rollup_csv")
    def rollup_csv(self, request):
        from home.spreadsheets import csv_response
        from strategy.exports import rollup_csv_rows

        rollup = _rollup(self, request, with_lines=True)
        return csv_response(rollup_csv_rows(rollup), filename="projets-associatifs-reseau.csv")

    @path("reseau/pdf/", name="rollup_pdf")
    def rollup_pdf(self, request):
        from home.pdf import pdf_response
        from strategy.charts import rollup_chart

        rollup = _rollup(self, request, with_lines=True)
        return pdf_response(
            request,
            "strategy/pdf/rollup.html",
            {"page": self, "rollup": rollup, "chart": rollup_chart(rollup.totals)},
            title=str(_("Projets associatifs of the network")),
        )


class ActionRoutesMixin:
    @path("pdf/", name="pdf")
    def pdf(self, request):
        from home.pdf import pdf_response

        context = self.get_context(request)
        title = f"{self.number} {self.title}".strip()
        return pdf_response(request, "strategy/pdf/action.html", context, title=title)
