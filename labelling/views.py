from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from groups.models import Structure, StructureSpacePage
from groups.selectors import user_is_editor
from home.querysets import TramePageQuerySet
from home.visibility import documents_visible_to
from labelling.access import may_answer_assessments, may_view_assessments, user_structure_id
from labelling.forms import SelfAssessmentForm, initial_from
from labelling.models import Level, Referential, SelfAssessment
from labelling.selectors import criteria_of, network_overview, structure_history
from labelling.services import StaleAssessment, save_assessment
from strategy.models import StrategyPlanPage

EVIDENCE_CHOICES_MAX = 300


def overview(request):
    """The ARML's view across the network; anyone else goes to their own structure's."""
    referential = Referential.current()
    if user_is_editor(request.user):
        context = {"referential": referential, "levels": Level}
        if referential:
            context.update(network_overview(referential, request.user))
        return render(request, "labelling/overview.html", context)
    structure_id = user_structure_id(request.user)
    if structure_id is None:
        return render(request, "labelling/no_structure.html", status=200)
    return redirect("labelling:structure", structure_id=structure_id)


def _structure_for(request, structure_id):
    structure = get_object_or_404(Structure, pk=structure_id)
    # Private to the structure: others are told nothing, not even that it answered.
    if not may_view_assessments(request.user, structure):
        raise Http404
    return structure


def structure_detail(request, structure_id):
    structure = _structure_for(request, structure_id)
    referential = Referential.current()
    history = structure_history(structure, referential) if referential else None
    return render(
        request,
        "labelling/structure.html",
        {
            "structure": structure,
            "referential": referential,
            "history": history,
            "this_year": timezone.localdate().year,
            "can_answer": may_answer_assessments(request.user, structure),
        },
    )


def _evidence_choices(structure, user):
    """The structure's own pages (its space, its plan and actions) and documents (its
    space's collections), among those the user may view."""
    space = StructureSpacePage.objects.filter(structure=structure).first()
    roots = [*StrategyPlanPage.objects.filter(structure=structure), *([space] if space else [])]
    own_pages = Page.objects.none()
    for root in roots:
        own_pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = (
        TramePageQuerySet(model=Page)
        .visible_to(user)
        .filter(pk__in=own_pages.values("pk"))
        .order_by("path")[:EVIDENCE_CHOICES_MAX]
    )
    collections = [c for c in (space.collection, space.private_collection) if c] if space else []
    documents = documents_visible_to(
        get_document_model().objects.filter(collection__in=collections), user
    ).order_by("title")[:EVIDENCE_CHOICES_MAX]
    return list(pages), list(documents)


def assessment_edit(request, structure_id):
    """This year's self-assessment: started from last year's answers, saved as often as
    needed until the year ends; past years stay as they were."""
    structure = _structure_for(request, structure_id)
    if not may_answer_assessments(request.user, structure):
        messages.error(
            request,
            _(
                "Only the structure's director, its space's editors and the regional editors "
                "answer its self-assessment."
            ),
        )
        return redirect("labelling:structure", structure_id=structure.pk)
    referential = Referential.current()
    if referential is None:
        raise Http404
    year = timezone.localdate().year
    criteria = criteria_of(referential)
    pages, documents = _evidence_choices(structure, request.user)
    form_kwargs = {"criteria": criteria, "pages": pages, "documents": documents}
    if request.method == "POST":
        form = SelfAssessmentForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                save_assessment(
                    structure=structure,
                    referential=referential,
                    year=year,
                    answers=form.answers(),
                    version=form.cleaned_data["version"],
                    user=request.user,
                )
            except StaleAssessment as stale:
                form.add_error(None, str(stale))
            else:
                messages.success(request, _("The self-assessment has been saved."))
                return redirect("labelling:structure", structure_id=structure.pk)
    else:
        form = SelfAssessmentForm(initial=_initial(structure, referential, year), **form_kwargs)
    return render(
        request,
        "labelling/assessment_form.html",
        {"structure": structure, "referential": referential, "year": year, "form": form},
    )


def _initial(structure, referential, year):
    this_year = SelfAssessment.objects.filter(
        structure=structure, referential=referential, year=year
    ).first()
    if this_year:
        source, version = this_year, this_year.version
    else:
        source = (
            SelfAssessment.objects.filter(structure=structure, referential=referential)
            .order_by("-year")
            .first()
        )
        version = 0
    answers = []
    if source:
        answers = source.answers.prefetch_related("evidence_pages", "evidence_documents")
    return initial_from(answers, version)
