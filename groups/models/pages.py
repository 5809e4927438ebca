"""The pages of the groups app: thematic hubs, working groups and their meetings, and the
network directory. Their tree rules are declared here; their rights come from membership
(see `groups/services.py`)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from groups.querysets import MeetingQuerySet, WorkingGroupQuerySet
from home.blocks import ContentBlocks
from home.models import BasePage


class ThematicIndexPage(BasePage):
    """ "Thématiques": one hub per thematic led by chefs de file."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.ThematicHubPage"]
    max_count = 1

    class Meta:
        verbose_name = _("thematics index")
        verbose_name_plural = _("thematics indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hubs"] = (
            ThematicHubPage.objects.child_of(self)
            .visible_to(request.user)
            .select_related("thematic")
            .order_by("title")
        )
        return context


class ThematicHubPage(BasePage):
    """The page of one thematic: its chefs de file, referents, groups and latest news."""

    thematic = models.OneToOneField(
        "groups.Thematic",
        verbose_name=_("thematic"),
        on_delete=models.PROTECT,
        related_name="hub_page",
    )
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("thematic"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["groups.ThematicIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thematic hub")
        verbose_name_plural = _("thematic hubs")

    def get_context(self, request, *args, **kwargs):
        from groups.selectors import thematic_hub_context

        context = super().get_context(request, *args, **kwargs)
        context.update(thematic_hub_context(hub=self, user=request.user))
        return context


class WorkingGroupIndexPage(BasePage):
    """ "Groupes de travail": the list of the groups this user may view."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.WorkingGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = _("working groups index")
        verbose_name_plural = _("working groups indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = (
            WorkingGroupPage.objects.child_of(self)
            .visible_to(request.user)
            .with_member_counts()
            .prefetch_related("thematics")
            .order_by("title")
        )
        context["active_groups"] = [g for g in groups if g.status == WorkingGroupPage.Status.ACTIVE]
        context["archived_groups"] = [
            g for g in groups if g.status == WorkingGroupPage.Status.ARCHIVED
        ]
        return context


class WorkingGroupPage(BasePage):
    """A working group's space. Its members, leads, collection, permissions, moderation
    workflow and view restrictions are kept in sync by `groups.services.working_group_sync`
    every time the page is saved in full (created or published)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ARCHIVED = "archived", _("Archived")

    class Visibility(models.TextChoices):
        NETWORK = "network", _("Whole network")
        MEMBERS = "members", _("Members only")

    mandate = RichTextField(
        _("mandate"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    thematics = ParentalManyToManyField(
        "groups.Thematic", verbose_name=_("thematics"), blank=True, related_name="working_groups"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.ACTIVE)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.NETWORK,
        help_text=_("Members-only groups, their pages and documents are hidden from the others."),
    )
    # Maintained by the membership service, never edited by hand.
    members_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    leads_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    objects = PageManager.from_queryset(WorkingGroupQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("mandate"),
        FieldPanel("thematics", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("status"), FieldPanel("visibility")]),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mandate"),
        index.FilterField("status"),
    ]
    # A copy is a new group: it gets its own Django groups and collection at its first sync.
    exclude_fields_in_copy = ["members_group", "leads_group", "collection"]

    parent_page_types = ["groups.WorkingGroupIndexPage"]
    subpage_types = [
        "groups.MeetingPage",
        "home.NewsPage",
        "home.ContentPage",
        "resources.ResourcePage",
    ]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    @property
    def is_members_only(self):
        return self.visibility == self.Visibility.MEMBERS

    def get_context(self, request, *args, **kwargs):
        from groups.selectors import working_group_context

        context = super().get_context(request, *args, **kwargs)
        context.update(working_group_context(group=self, user=request.user))
        return context


class MeetingPage(BasePage):
    """A meeting of a working group: when and where, agenda, minutes, attachments."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=255, blank=True)
    video_url = models.URLField(_("video conference link"), blank=True)
    agenda = RichTextField(
        _("agenda"), blank=True, features=["bold", "italic", "link", "ul", "ol", "document-link"]
    )
    minutes = StreamField(ContentBlocks(), blank=True, verbose_name=_("minutes"))
    attendees = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees"), blank=True, related_name="+"
    )
    # Derived from `minutes` on save, so that "latest minutes" is a plain SQL filter.
    has_minutes = models.BooleanField(default=False, editable=False)

    objects = PageManager.from_queryset(MeetingQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("video_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        InlinePanel("attachments", label=_("Attachments")),
        FieldPanel("attendees"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.FilterField("start"),
    ]

    parent_page_types = ["groups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    def save(self, *args, **kwargs):
        self.has_minutes = bool(self.minutes and len(self.minutes))
        return super().save(*args, **kwargs)

    @property
    def is_past(self):
        return self.start < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        context["attendee_list"] = self.attendees.select_related("profile__structure").order_by(
            "last_name", "first_name"
        )
        return context


class MeetingAttachment(Orderable):
    """A document attached to a meeting; stored in the group's collection, so it is only
    downloadable by those who may view the group."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class NetworkDirectoryPage(RoutablePageMixin, BasePage):
    """ "Le réseau": the structures with their people, the people search and the profiles."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.StructureSpacePage"]
    max_count = 1

    class Meta:
        verbose_name = _("network directory")
        verbose_name_plural = _("network directories")

    @path("")
    def structures(self, request):
        from groups.views import directory

        return directory.structures(request, self)

    @path("personnes/", name="people")
    def people(self, request):
        from groups.views import directory

        return directory.people(request, self)

    @path("personnes/<id:user_id>/", name="person")
    def person(self, request, user_id):
        from groups.views import directory

        return directory.person(request, self, user_id)
