import uuid

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from legal.barriers import report_barrier
from legal.forms import BarrierReportForm


def barrier_report(request):
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            report, created = report_barrier(
                reporter=request.user,
                page_url=data["page_url"],
                description=data["description"],
                assistive_technology=data["assistive_technology"],
                token=data["submission_token"],
            )
            if created:
                messages.success(
                    request,
                    _("Thank you: your report has been sent to the editorial team."),
                )
            else:
                messages.info(request, _("This report had already been sent: nothing changed."))
            return redirect("legal:barrier_report_sent")
    else:
        initial_page = request.GET.get("page", "")[:500]
        form = BarrierReportForm(
            initial={"submission_token": uuid.uuid4(), "page_url": initial_page}
        )
    return render(request, "legal/barrier_report.html", {"form": form})


def barrier_report_sent(request):
    return render(request, "legal/barrier_report_sent.html")
