"""The common model (« la trame ») and what a structure's plan still lacks compared with it.

A structure's plan is a copy of the current common model: the model's sections become its
guided headings. When the region changes the model (a new required heading), every copy is
compared with the model as it is now, never with the model it was copied from."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from strategy.blocks import REQUIRED_SECTION_KINDS, SECTION_KINDS


@dataclass(frozen=True)
class MissingSection:
    kind: str
    heading: str
    guidance: str
    absent: bool  # False: the heading is there but nothing is written under it

    @property
    def message(self) -> str:
        if self.absent:
            return _("The required section “%(section)s” is missing.") % {"section": self.heading}
        return _("The required section “%(section)s” is still empty.") % {"section": self.heading}


def current_model():
    """The common model every structure copies: the live one first, the newest one first."""
    from strategy.models import StrategyPlanPage

    return StrategyPlanPage.objects.filter(is_model=True).order_by("-live", "-pk").first()


def follows_the_trame(plan) -> bool:
    """A structure's own plan, in its space: the plans compared with the common model (not
    the model, nor the regional plan, nor a plan outside a structure's space)."""
    if plan.is_model or not plan.structure_id or not plan.pk or not plan.path:
        return False
    from groups.models import StructureSpacePage

    return (
        StructureSpacePage.objects.ancestor_of(plan).filter(structure_id=plan.structure_id).exists()
    )


def _normalise(heading: str) -> str:
    return " ".join(str(heading).split()).casefold()


def _key(kind: str, heading: str) -> tuple[str, str]:
    # Any section of a kind stands for it; "other" sections are told apart by their heading.
    return (kind, _normalise(heading) if kind == "other" else "")


def required_sections(model) -> list[tuple[str, str, str]]:
    """(kind, heading, guidance) of every section the model requires: those it marks as
    required, and the kinds every plan requires."""
    required = []
    seen = set()
    for section in model.sections if model is not None else []:
        value = section.value
        if value.get("required") or section.block_type in REQUIRED_SECTION_KINDS:
            key = _key(section.block_type, value.get("heading", ""))
            if key not in seen:
                seen.add(key)
                required.append((section.block_type, value["heading"], value.get("guidance", "")))
    for kind in REQUIRED_SECTION_KINDS:
        if (kind, "") not in seen:
            required.append((kind, str(SECTION_KINDS[kind]), ""))
    return required


def missing_sections(plan, sections=None, model=None) -> list[MissingSection]:
    """The required sections of the current common model that `plan` (or the `sections`
    being edited) lacks or leaves empty. Nothing for the model itself."""
    if plan.is_model:
        return []
    model = current_model() if model is None else model
    sections = plan.sections if sections is None else sections
    written = {}
    for section in sections:
        key = _key(section.block_type, section.value.get("heading", ""))
        content = section.value.get("content")
        written[key] = written.get(key, False) or bool(content and len(content))
    missing = []
    for kind, heading, guidance in required_sections(model):
        key = _key(kind, heading)
        if not written.get(key, False):
            missing.append(MissingSection(kind, heading, guidance, absent=key not in written))
    return missing
