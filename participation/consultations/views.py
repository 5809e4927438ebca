from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from groups.models import Structure
from home.spreadsheets import csv_response

from . import policy, services
from .charts import question_chart
from .forms import DelegateForm, VoteForm
from .models import Consultation, Delegation, Vote
from .results import consultation_results, csv_rows


def _visible_consultation(request, consultation_id) -> Consultation:
    consultation = get_object_or_404(Consultation, pk=consultation_id)
    if not policy.may_view(consultation, request.user):
        raise Http404
    return consultation


def _structure_status(consultation, user) -> dict | None:
    """What everyone in the structure sees: whether it voted, by whom and when."""
    structure = policy.user_structure(user)
    if not consultation.is_per_structure or structure is None:
        return None
    if not policy.invited_structures(consultation).filter(pk=structure.pk).exists():
        return None
    vote = (
        Vote.objects.filter(consultation=consultation, structure=structure, is_structure_voice=True)
        .select_related("person")
        .first()
    )
    return {"structure": structure, "vote": vote, "voter": policy.voter_for(structure)}


def consultation_list(request):
    user = request.user
    consultations = list(
        policy.addressed_to(user).prefetch_related("structures", "job_roles", "working_groups")
    )
    now = timezone.now()
    rows = [
        {
            "consultation": c,
            "status": _structure_status(c, user),
            "answered": (not c.is_per_structure and c.votes.filter(person=user).exists()),
            "results": policy.may_see_results(c, user),
        }
        for c in consultations
    ]
    structure = policy.user_structure(user)
    return render(
        request,
        "participation_consultations/consultation_list.html",
        {
            "open_rows": [r for r in rows if r["consultation"].is_open(now)],
            "closed_rows": [r for r in rows if r["consultation"].is_closed(now)],
            "upcoming_rows": [r for r in rows if r["consultation"].opens_at > now],
            "structure": structure,
            "may_name_voter": structure is not None and policy.may_name_voter(structure, user),
        },
    )


def consultation_detail(request, consultation_id):
    consultation = _visible_consultation(request, consultation_id)
    user = request.user
    may_answer = policy.may_answer(consultation, user)
    key = _vote_key(consultation, user)
    vote = Vote.objects.filter(**key).first() if (may_answer and key) else None
    questions = consultation.questions.all()
    form = None
    if request.method == "POST":
        if not may_answer:
            raise PermissionDenied
        if not consultation.is_open():
            messages.error(request, _closed_message(consultation))
            return redirect("consultations:detail", consultation.pk)
        form = VoteForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                vote, created = services.vote_cast(
                    consultation=consultation, user=user, answers=form.answers()
                )
            except services.VoteRefused as refusal:
                messages.error(request, str(refusal))
            else:
                if created:
                    messages.success(request, _("Your vote has been recorded."))
                else:
                    messages.success(request, _("Your vote has been changed."))
                return redirect("consultations:detail", consultation.pk)
    elif may_answer and consultation.is_open():
        form = VoteForm(questions=questions, answers=vote.answers if vote else None)
    return render(
        request,
        "participation_consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "form": form if consultation.is_open() and may_answer else None,
            "vote": vote,
            "may_answer": may_answer,
            "status": _structure_status(consultation, user),
            "results": policy.may_see_results(consultation, user),
            "editor": policy.is_consultation_editor(user),
            "closed_message": _closed_message(consultation) if consultation.is_closed() else "",
        },
        status=400 if form is not None and form.errors else 200,
    )


def _vote_key(consultation, user):
    if consultation.is_per_structure:
        structure = policy.structure_voted_for(consultation, user)
        return {"consultation": consultation, "structure": structure} if structure else None
    return {"consultation": consultation, "person": user, "is_structure_voice": False}


def _closed_message(consultation) -> str:
    return _("This consultation closed on %(date)s: votes can no longer be cast or changed.") % {
        "date": timezone.localtime(consultation.closes_at).strftime("%d/%m/%Y %H:%M")
    }


def _results_or_404(request, consultation_id):
    consultation = _visible_consultation(request, consultation_id)
    if not policy.may_see_results(consultation, request.user):
        raise Http404
    return consultation


def consultation_results_view(request, consultation_id):
    consultation = _results_or_404(request, consultation_id)
    results = consultation_results(consultation)
    charts = [(total, question_chart(total)) for total in results.totals]
    return render(
        request,
        "participation_consultations/consultation_results.html",
        {
            "consultation": consultation,
            "results": results,
            "charts": charts,
            "breakdown": policy.may_see_breakdown(consultation, request.user),
            "editor": policy.is_consultation_editor(request.user),
        },
    )


def consultation_results_csv(request, consultation_id):
    consultation = _results_or_404(request, consultation_id)
    results = consultation_results(consultation)
    rows = csv_rows(results, breakdown=policy.may_see_breakdown(consultation, request.user))
    filename = f"consultation-{slugify(consultation.title)[:60]}-resultats.csv"
    return csv_response(rows, filename=filename)


def consultation_remind(request, consultation_id):
    """« Relancer »: first the count of people who will be reminded, then a POST sends it."""
    consultation = _visible_consultation(request, consultation_id)
    if not policy.is_consultation_editor(request.user):
        raise PermissionDenied
    if not consultation.is_open():
        messages.error(request, _("Only an open consultation can be reminded."))
        return redirect("consultations:results", consultation.pk)
    people = services.not_voted(consultation)
    if request.method == "POST":
        sent = services.consultation_remind(consultation=consultation, by=request.user)
        messages.success(request, _("Reminder sent to %(count)s person(s).") % {"count": sent})
        return redirect("consultations:results", consultation.pk)
    return render(
        request,
        "participation_consultations/consultation_remind.html",
        {"consultation": consultation, "count": len(people)},
    )


def voter_edit(request, structure_id=None):
    """The director (or an editor) names who casts the structure's voice."""
    if structure_id is None:
        structure = policy.user_structure(request.user)
        if structure is None:
            raise Http404
    else:
        structure = get_object_or_404(Structure, pk=structure_id)
    if not policy.may_name_voter(structure, request.user):
        raise PermissionDenied
    people = policy.people_of(structure)
    current = Delegation.objects.filter(structure=structure).first()
    if request.method == "POST":
        form = DelegateForm(request.POST, people=people)
        if form.is_valid():
            services.delegate_set(
                structure=structure, delegate=form.cleaned_data["delegate"], by=request.user
            )
            voter = policy.voter_for(structure)
            name = (voter.get_full_name() or voter.get_username()) if voter else "—"
            messages.success(
                request,
                _("From now on, %(name)s casts the voice of %(structure)s.")
                % {"name": name, "structure": structure},
            )
            return redirect("consultations:list")
    else:
        form = DelegateForm(
            people=people, initial={"delegate": current.delegate_id if current else None}
        )
    return render(
        request,
        "participation_consultations/voter_edit.html",
        {"structure": structure, "form": form, "voter": policy.voter_for(structure)},
    )
