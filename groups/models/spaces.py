"""Structure spaces: each member structure's own page, plan, documents and private pages.

Rights follow the working groups' model (`groups/services.py`): a `StructureEditor` row
names an editor, as a `Membership` row names a group's member, and `groups.spaces` derives
from these rows (and from the structure's profiles and director) the Django groups, page
and collection permissions and view restrictions of the space."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import ContentBlocks
from home.models import BasePage

PRIVATE_PAGE_SLUG = "espace-reserve"


class StructureSpacePage(BasePage):
    """The space of one member structure under « Le réseau »: its presentation, its plan,
    its documents and its reserved pages. Synced by `groups.spaces.structure_space_sync`
    whenever the page is saved in full."""

    structure = models.OneToOneField(
        "groups.Structure",
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="space",
    )
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("presentation"))
    # Maintained by the space service, never edited by hand.
    members_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    editors_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    private_collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    private_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    content_panels = [*BasePage.content_panels, FieldPanel("structure"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    exclude_fields_in_copy = [
        "members_group",
        "editors_group",
        "collection",
        "private_collection",
        "private_page",
    ]

    parent_page_types = ["groups.NetworkDirectoryPage"]
    subpage_types = ["home.ContentPage", "strategy.StrategyPlanPage"]

    class Meta:
        verbose_name = _("structure space")
        verbose_name_plural = _("structure spaces")

    def get_context(self, request, *args, **kwargs):
        from groups.space_selectors import structure_space_context

        context = super().get_context(request, *args, **kwargs)
        context.update(structure_space_context(space=self, user=request.user))
        return context


class StructureEditor(models.Model):
    """A person named editor of their structure's space by its director or a regional
    editor: the single source of their edit rights there."""

    structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="editor_rows",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="structure_editorships",
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    named_at = models.DateTimeField(_("named at"), auto_now_add=True)

    class Meta:
        verbose_name = _("structure editor")
        verbose_name_plural = _("structure editors")
        constraints = [
            models.UniqueConstraint(fields=["structure", "user"], name="unique_structure_editor")
        ]

    def __str__(self):
        return f"{self.user} · {self.structure}"
