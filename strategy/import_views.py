"""Importing a plan from the admin, as a new version of a plan or as a new plan under a
parent page: upload a file, read what it would create, change and remove, then confirm.
The confirmation carries the file's SHA-256 and the digest of the changes shown: a
different file, a plan changed since the preview or a second submission applies nothing."""

import hashlib
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from strategy.importer import (
    CREATE,
    REMOVE,
    UNCHANGED,
    UPDATE,
    LevelsUncertain,
    PlanImportError,
    limits,
    parse_plan,
    plan_import_apply,
    plan_import_preview,
    read_bytes,
)
from strategy.models import PlanImport, StrategyPlanPage

MAX_ID = 2**31 - 1  # ids past any database integer are no page: 404, not an overflow
UNCONFIRMED_KEPT = timedelta(days=1)


class PlanFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Plan file"),
        help_text=gettext_lazy(
            "Word (.docx), LibreOffice (.odt), PDF with text, Markdown (.md) or text (.txt). "
            "Nothing is written before you confirm the preview."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > limits.MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)d MB; at most %(max)d MB).")
                % {"size": upload.size // 2**20, "max": limits.MAX_FILE_BYTES // 2**20}
            )
        data = upload.read(limits.MAX_FILE_BYTES + 1)
        try:
            self.tree = parse_plan(read_bytes(data))
        except LevelsUncertain:
            self.tree = None  # uploaded all the same: the mapping step follows
        except PlanImportError as error:
            raise forms.ValidationError(str(error)) from error
        return data


class ConfirmForm(forms.Form):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)
    allow_removals = forms.BooleanField(
        label=gettext_lazy(
            "I accept that the pages listed as removed are unpublished and that the "
            "fields listed as emptied are emptied."
        ),
        required=False,
    )


def _editable_plan(request, plan_id: int) -> StrategyPlanPage:
    if plan_id > MAX_ID:
        raise Http404
    plan = get_object_or_404(StrategyPlanPage, pk=plan_id)
    permissions = plan.permissions_for_user(request.user)
    if not (permissions.can_edit() and permissions.can_publish()):
        raise PermissionDenied
    return plan


def _plan_parent(request, parent_id: int) -> Page:
    """A page under which the user may create and publish a plan (the import publishes its
    pages), or 403; 404 for no page."""
    if parent_id > MAX_ID:
        raise Http404
    parent = get_object_or_404(Page, pk=parent_id).specific
    permissions = parent.permissions_for_user(request.user)
    if not (
        StrategyPlanPage.can_create_at(parent)
        and permissions.can_add_subpage()
        and permissions.can_publish_subpage()
    ):
        raise PermissionDenied
    return parent


def import_target(request, upload: PlanImport):
    """(plan, parent) of an upload, checked against the user: the plan it updates, or None
    and the page under which it creates one."""
    if upload.plan_id is not None:
        return _editable_plan(request, upload.plan_id), None
    return None, _plan_parent(request, upload.parent_id)


def upload_url(upload: PlanImport) -> str:
    if upload.plan_id is not None and upload.parent_id is None:
        return reverse("strategy_plan_import", args=[upload.plan_id])
    return reverse("strategy_plan_import_new", args=[upload.parent_id])


def _save_upload(request, form, **target):
    data = form.cleaned_data["file"]
    PlanImport.objects.filter(
        applied_at__isnull=True, created_at__lt=timezone.now() - UNCONFIRMED_KEPT
    ).delete()
    upload = PlanImport.objects.create(
        user=request.user,
        file_name=request.FILES["file"].name[:255],
        content=data,
        sha256=hashlib.sha256(data).hexdigest(),
        **target,
    )
    if form.tree is None:
        return redirect("strategy_plan_import_levels", upload.pk)
    return redirect("strategy_plan_import_preview", upload.pk)


def plan_import_new(request, parent_id: int):
    """« Importer un projet associatif »: a file that becomes a new plan under `parent`."""
    parent = _plan_parent(request, parent_id)
    form = PlanFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _save_upload(request, form, parent=parent)
    return render(
        request,
        "strategy/admin/plan_import.html",
        {
            "parent": parent,
            "form": form,
            "page_title": _("Import a projet associatif under “%(page)s”") % {"page": parent.title},
            "header_icon": "upload",
        },
    )


def plan_import_upload(request, plan_id: int):
    plan = _editable_plan(request, plan_id)
    form = PlanFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _save_upload(request, form, plan=plan)
    return render(
        request,
        "strategy/admin/plan_import.html",
        {
            "plan": plan,
            "form": form,
            "imports": plan.imports.exclude(applied_at=None).select_related("user")[:10],
            "page_title": _("Import a new version of “%(plan)s”") % {"plan": plan.title},
            "header_icon": "upload",
        },
    )


def _preview(upload: PlanImport, plan: StrategyPlanPage | None, parent: Page | None):
    tree = parse_plan(read_bytes(bytes(upload.content)), upload.levels or None)
    if plan is not None:
        return plan_import_preview(tree=tree, plan=plan)
    preview = plan_import_preview(tree=tree, parent=parent)
    if preview.plan is not None:  # a new plan only: never another plan found by its title
        raise PlanImportError(
            _("A plan titled “%(title)s” already exists under this page: import the file "
              "as a new version of that plan instead.") % {"title": preview.plan.title}
        )  # fmt: skip
    return preview


def plan_import_preview_view(request, import_id: int):
    if import_id > MAX_ID:
        raise Http404
    upload = get_object_or_404(PlanImport, pk=import_id, user=request.user)
    if upload.applied_at is not None:
        import_target(request, upload)
        messages.info(request, _("This import was already applied."))
        return redirect("wagtailadmin_pages:history", upload.plan_id)
    plan, parent = import_target(request, upload)
    try:
        preview = _preview(upload, plan, parent)
    except LevelsUncertain:
        return redirect("strategy_plan_import_levels", upload.pk)
    except PlanImportError as error:
        messages.error(request, str(error))
        return redirect(upload_url(upload))
    initial = {"sha256": upload.sha256, "fingerprint": preview.fingerprint}
    if request.method != "POST":
        return _render_preview(request, upload, preview, ConfirmForm(initial=initial))
    form = ConfirmForm(request.POST)
    if not form.is_valid() or form.cleaned_data["sha256"] != upload.sha256:
        messages.error(request, _("The confirmation does not match the previewed file."))
        return _render_preview(request, upload, preview, ConfirmForm(initial=initial), 409)
    try:
        with transaction.atomic():
            return _confirm(request, upload, plan, parent, form)
    except _NotApplied as refusal:  # raised inside: the claim is rolled back with the rest
        return _render_preview(request, upload, refusal.preview, refusal.form, refusal.status)
    except PlanImportError as error:
        messages.error(request, str(error))
        return _render_preview(request, upload, preview, ConfirmForm(initial=initial))


class _NotApplied(Exception):
    def __init__(self, preview, form, status=200):
        self.preview, self.form, self.status = preview, form, status


def _confirm(request, upload: PlanImport, plan, parent, form: ConfirmForm):
    """Inside one transaction: the upload claimed (a second submission waits, then finds it
    claimed), the plan locked against another import, the preview computed again under the
    lock and compared with the one confirmed, then applied. Anything short of applying raises,
    which rolls the claim back."""
    claimed = PlanImport.objects.filter(pk=upload.pk, applied_at__isnull=True).update(
        applied_at=timezone.now()
    )
    if not claimed:
        messages.info(request, _("This import was already applied."))
        return redirect("wagtailadmin_pages:history", PlanImport.objects.get(pk=upload.pk).plan_id)
    locked = plan or parent  # a new plan: its parent, so that two imports make one plan
    list(Page.objects.select_for_update().filter(pk=locked.pk).values_list("pk"))
    preview = _preview(upload, plan, parent)
    fresh = ConfirmForm(initial={"sha256": upload.sha256, "fingerprint": preview.fingerprint})
    if form.cleaned_data["fingerprint"] != preview.fingerprint:
        messages.error(
            request,
            _("The plan changed since this preview was shown: read the new preview below "
              "before confirming."),
        )  # fmt: skip
        raise _NotApplied(preview, fresh, 409)
    allow_removals = form.cleaned_data["allow_removals"]
    if preview.destructive_changes and not allow_removals:
        form.add_error(
            "allow_removals",
            _("This import removes or empties content: tick this box to accept it."),
        )
        raise _NotApplied(preview, form)
    report = plan_import_apply(preview=preview, allow_removals=allow_removals,
                               user=request.user, source_name=upload.file_name)  # fmt: skip
    # Applied: kept as a record, with the plan it made.
    PlanImport.objects.filter(pk=upload.pk).update(content=b"", plan=report.plan)
    counts = report.counts
    messages.success(
        request,
        _("Import applied: %(create)d page(s) created, %(update)d updated, %(remove)d "
          "removed. Each change is a revision: this history restores the previous state.")
        % {"create": counts[CREATE], "update": counts[UPDATE], "remove": counts[REMOVE]},
    )  # fmt: skip
    for warning in report.warnings:
        messages.warning(request, warning)
    return redirect("wagtailadmin_pages:history", report.plan.pk)


def _render_preview(request, upload, preview, form, status=200):
    return render(
        request,
        "strategy/admin/plan_import_preview.html",
        {
            "upload": upload,
            "preview": preview,
            "plan": preview.plan,
            "form": form,
            "created": preview.of(CREATE),
            "updated": preview.of(UPDATE),
            "removed": preview.destructive_changes,
            "unchanged_count": len(preview.of(UNCHANGED)),
            "page_title": _("Preview of the import of “%(file)s”") % {"file": upload.file_name},
            "header_icon": "upload",
            "upload_url": upload_url(upload),
            "tree": preview.tree,
            "levels_url": reverse("strategy_plan_import_levels", args=[upload.pk]),
        },
        status=status,
    )
