"""The sections of a projet associatif: each section kind is a block type of the plan's
`sections` stream, so the common trame can require some kinds and let others be removed."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import KeyFiguresBlock, ParagraphBlock, TimelineBlock


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Subheading")
        template = "strategy/blocks/subheading.html"


class BulletListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("Item"), max_length=1000), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Bulleted list")
        template = "strategy/blocks/bullet_list.html"


class AssessmentBlock(blocks.StructBlock):
    """The review of the existing for one domain: strengths and areas for improvement."""

    domain = blocks.CharBlock(label=_("Domain"), max_length=200)
    strengths = blocks.ListBlock(
        blocks.CharBlock(max_length=1000), label=_("Strengths"), required=False
    )
    improvements = blocks.ListBlock(
        blocks.CharBlock(max_length=1000), label=_("Areas for improvement"), required=False
    )

    class Meta:
        icon = "tasks"
        label = _("Strengths and areas for improvement")
        template = "strategy/blocks/assessment.html"


class SectionContentBlock(blocks.StreamBlock):
    subheading = SubheadingBlock()
    paragraph = ParagraphBlock()
    bullet_list = BulletListBlock()
    timeline = TimelineBlock()
    key_figures = KeyFiguresBlock()
    assessment = AssessmentBlock()


class PlanSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    # Written in the common model (trame) and copied with it: what each structure should
    # write here. Shown to the plan's editors, never to readers.
    guidance = blocks.TextBlock(
        label=_("Guidance for the structures"),
        required=False,
        help_text=_("In the common model: what each structure should write in this section."),
    )
    required = blocks.BooleanBlock(
        label=_("Required in every structure's plan"),
        required=False,
        help_text=_("In the common model: each structure must fill this section in."),
    )
    content = SectionContentBlock(label=_("Content"), required=False)

    class Meta:
        icon = "doc-full"
        template = "strategy/blocks/plan_section.html"


# Kinds of section, in the usual order of a plan. The keys are stored in the database.
SECTION_KINDS = {
    "preamble": _("Preamble"),
    "history": _("Who we are, history and key dates"),
    "review": _("Review of the existing"),
    "values": _("Values"),
    "missions": _("Missions"),
    "orientations": _("Introduction to the orientations"),
    "conditions": _("Conditions of success and evaluation"),
    "other": _("Other section"),
}
REQUIRED_SECTION_KINDS = ("values", "history", "missions")


class PlanSectionsBlock(blocks.StreamBlock):
    preamble = PlanSectionBlock(label=SECTION_KINDS["preamble"])
    history = PlanSectionBlock(label=SECTION_KINDS["history"])
    review = PlanSectionBlock(label=SECTION_KINDS["review"])
    values = PlanSectionBlock(label=SECTION_KINDS["values"])
    missions = PlanSectionBlock(label=SECTION_KINDS["missions"])
    orientations = PlanSectionBlock(label=SECTION_KINDS["orientations"])
    conditions = PlanSectionBlock(label=SECTION_KINDS["conditions"])
    other = PlanSectionBlock(label=SECTION_KINDS["other"])
