"""« Mes propositions » and the proposal forms: plain members propose from the site and
never need the admin. A proposal is shown to its proposer only (reviewers see it in the
admin, through the review task)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from participation.proposals.forms import GoodPracticeProposalForm, ResourceProposalForm
from participation.proposals.models import (
    GoodPracticeIndexPage,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from participation.proposals.services import (
    ProposalError,
    good_practice_propose,
    html_to_text,
    proposal_resubmit,
    resource_propose,
)


@login_required
def mine(request):
    from resources.models import ResourceIndexPage

    proposals = list(
        Proposal.objects.of(request.user).select_related("page", "thematic", "reviewed_by")
    )
    return render(
        request,
        "participation_proposals/mine.html",
        {
            "proposals": proposals,
            "statuses": ProposalStatus,
            "can_propose_resource": ResourceIndexPage.objects.exists(),
            "can_propose_good_practice": GoodPracticeIndexPage.objects.exists(),
        },
    )


def _structure_of(user):
    profile = getattr(user, "profile", None)
    return profile.structure if profile else None


def _propose(request, form_class, propose, template_title, **form_kwargs):
    form = form_class(request.POST or None, request.FILES or None, **form_kwargs)
    if request.method == "POST":
        if form.is_valid():
            try:
                proposal, created = propose(form)
            except ProposalError as error:
                form.add_error(None, str(error))
            else:
                if created:
                    messages.success(
                        request,
                        _("Thank you! Your proposal « %(title)s » has been sent for review.")
                        % {"title": proposal.page.title},
                    )
                else:
                    messages.info(request, _("This proposal had already been sent."))
                return redirect("proposals:mine")
        messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "participation_proposals/form.html",
        {"form": form, "form_title": template_title},
        status=400 if form.errors else 200,
    )


@login_required
def propose_resource(request):
    return _propose(
        request,
        ResourceProposalForm,
        lambda form: resource_propose(
            user=request.user,
            data=form.to_data(),
            file=form.cleaned_data["file"],
            token=form.cleaned_data["token"],
        ),
        _("Propose a resource"),
    )


@login_required
def propose_good_practice(request):
    structure = _structure_of(request.user)
    return _propose(
        request,
        GoodPracticeProposalForm,
        lambda form: good_practice_propose(
            user=request.user, data=form.to_data(), token=form.cleaned_data["token"]
        ),
        _("Propose a good practice"),
        initial={"structure": structure.pk if structure else None},
    )


PRACTICE_TEXTS = ("context", "action", "results", "contact")


def _initial(proposal: Proposal) -> dict:
    page = proposal.page.specific.get_latest_revision_as_object()
    initial = {"title": page.title, "summary": page.summary, "thematic": proposal.thematic_id}
    if proposal.kind == ProposalKind.RESOURCE:
        initial.update(
            resource_type=page.resource_type_id,
            audience=page.audience,
            description=html_to_text(page.body),
        )
    else:
        initial.update(
            structure=page.structure_id,
            **{field: getattr(page, field) for field in PRACTICE_TEXTS},
        )
    return initial


@login_required
def edit(request, proposal_id):
    """The proposer's new version, once a reviewer asked for changes."""
    proposal = (
        Proposal.objects.of(request.user).select_related("page").filter(pk=proposal_id).first()
    )
    if proposal is None:
        raise Http404
    if not proposal.can_be_edited:
        messages.info(request, _("This proposal is not waiting for your changes."))
        return redirect("proposals:mine")
    is_resource = proposal.kind == ProposalKind.RESOURCE
    form_class = ResourceProposalForm if is_resource else GoodPracticeProposalForm
    kwargs = {"file_required": False} if is_resource else {}
    form = form_class(
        request.POST or None, request.FILES or None, initial=_initial(proposal), **kwargs
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                proposal_resubmit(
                    proposal=proposal,
                    user=request.user,
                    data=form.to_data(),
                    file=form.cleaned_data.get("file") if is_resource else None,
                )
            except ProposalError as error:
                messages.info(request, str(error))
            else:
                messages.success(request, _("Your changes have been sent for review."))
            return redirect("proposals:mine")
        messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "participation_proposals/form.html",
        {"form": form, "form_title": _("Change my proposal"), "proposal": proposal},
        status=400 if form.errors else 200,
    )
