"""The mapping step of an import in the admin: the tree the file was understood as, level
by level, with the patterns it rests on; the person picks for each pattern its level (or
« texte », or « ignorer »), sees the tree again, then goes on to the preview of the
changes, which confirms as any import does. Nothing is written to the plan here: only the
choice, kept with the uploaded file."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from strategy.importer import PlanImportError, read_bytes
from strategy.importer.detection import ACTION, AXIS, IGNORE, ORIENTATION, TEXT
from strategy.importer.outline import outline_plan
from strategy.importer.reading import uncertain_message
from strategy.models import PlanImport

LEVEL_CHOICES = [
    (ORIENTATION, gettext_lazy("Orientation")),
    (AXIS, gettext_lazy("Axis")),
    (ACTION, gettext_lazy("Action")),
    (TEXT, gettext_lazy("Text (kept in the level above)")),
    (IGNORE, gettext_lazy("Ignore (not imported)")),
]
MAX_ID = 2**31 - 1


class LevelsForm(forms.Form):
    def __init__(self, *args, patterns, **kwargs):
        super().__init__(*args, **kwargs)
        self.patterns = patterns
        for index, pattern in enumerate(patterns):
            self.fields[f"pattern_{index}"] = forms.ChoiceField(
                label=_("Level of “%(pattern)s”") % {"pattern": pattern.label},
                choices=LEVEL_CHOICES,
                initial=pattern.level or TEXT,
            )

    def rows(self):
        return [(pattern, self[f"pattern_{i}"]) for i, pattern in enumerate(self.patterns)]

    def mapping(self) -> dict[str, str]:
        return {p.key: self.cleaned_data[f"pattern_{i}"] for i, p in enumerate(self.patterns)}


def plan_import_levels(request, import_id: int):
    from strategy.import_views import import_target, upload_url

    if import_id > MAX_ID:
        raise Http404
    upload = get_object_or_404(PlanImport, pk=import_id, user=request.user)
    plan, _parent = import_target(request, upload)
    if upload.applied_at is not None:
        messages.info(request, _("This import was already applied."))
        return redirect("wagtailadmin_pages:history", upload.plan_id)
    try:
        tree, detection = outline_plan(read_bytes(bytes(upload.content)), upload.levels or None)
    except PlanImportError as error:
        messages.error(request, str(error))
        return redirect(upload_url(upload))
    form = LevelsForm(request.POST or None, patterns=detection.patterns)
    if request.method == "POST" and form.is_valid():
        upload.levels = form.mapping()
        upload.save(update_fields=["levels"])
        if request.POST.get("next") == "preview":
            return redirect("strategy_plan_import_preview", upload.pk)
        return redirect("strategy_plan_import_levels", upload.pk)
    uncertain = detection.uncertain or not tree.orientations
    return render(
        request,
        "strategy/admin/plan_import_levels.html",
        {
            "upload": upload,
            "plan": plan,
            "upload_url": upload_url(upload),
            "tree": tree,
            "detection": detection,
            "form": form,
            "explanation": uncertain_message(detection) if uncertain else "",
            "page_title": _("Levels of “%(file)s”") % {"file": upload.file_name},
            "header_icon": "list-ul",
        },
    )
