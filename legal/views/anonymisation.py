"""Admin views: find a departed person, preview what anonymising them changes, confirm."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legal.anonymisation import (
    ANONYMISE_PERMISSION,
    anonymisation_preview,
    anonymise,
    check_may_anonymise,
    is_anonymised,
)

MAX_RESULTS = 20


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name, username or email of the person"), max_length=150)


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I confirm that this person has left the network"),
        error_messages={"required": gettext_lazy("Tick the box to confirm the anonymisation.")},
    )


def _require_permission(request):
    if not request.user.has_perm(ANONYMISE_PERMISSION):
        raise PermissionDenied


def anonymisation_search(request):
    _require_permission(request)
    form = PersonSearchForm(request.GET or None)
    people = []
    if form.is_valid():
        text = form.cleaned_data["q"].strip()
        people = list(
            get_user_model()
            .objects.filter(
                Q(username__icontains=text)
                | Q(email__icontains=text)
                | Q(first_name__icontains=text)
                | Q(last_name__icontains=text)
            )
            .exclude(username__startswith="ancien-membre-")
            .order_by("last_name", "first_name")[:MAX_RESULTS]
        )
    return TemplateResponse(
        request,
        "legal/admin/anonymisation_search.html",
        {"form": form, "people": people, "page_title": _("Anonymise a departed person")},
    )


def anonymisation_confirm(request, user_id: int):
    _require_permission(request)
    person = get_object_or_404(get_user_model(), pk=user_id)
    if is_anonymised(person):
        messages.info(request, _("This account is already anonymised."))
        return redirect("legal_anonymisation_search")
    try:
        check_may_anonymise(request.user, person)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal) or _("You may not anonymise this account."))
        return redirect("legal_anonymisation_search")
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        anonymise(person=person, actor=request.user)
        messages.success(
            request,
            _("The account has been anonymised: its content is now signed « ancien·ne membre »."),
        )
        return redirect("legal_anonymisation_search")
    return TemplateResponse(
        request,
        "legal/admin/anonymisation_confirm.html",
        {
            "person": person,
            "preview": anonymisation_preview(person),
            "form": form,
            "page_title": _("Anonymise a departed person"),
        },
        status=400 if form.errors else 200,
    )
