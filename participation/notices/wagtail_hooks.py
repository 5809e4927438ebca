from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from participation.notices import views
from participation.notices.models import MustRead
from participation.notices.services import must_read_notify_on_commit


class MustReadCreateView(CreateView):
    """Records who created the notice, accepts `?page=<id>` from a page's admin, and tells
    the audience once everything (the audience is written after the notice) is committed."""

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit():
            initial["page"] = int(page_id)
        return initial

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        notice = super().save_instance()
        must_read_notify_on_commit(notice, actor=self.request.user)
        return notice

    def get_success_url(self):
        return reverse("participation_notices_reach", args=[self.object.pk])


class MustReadEditView(EditView):
    """An audience widened by an edit is told too; nobody is told twice."""

    def save_instance(self):
        notice = super().save_instance()
        must_read_notify_on_commit(notice, actor=self.request.user)
        return notice


def _reach_url(notice):
    return reverse("participation_notices_reach", args=[notice.pk])


class MustReadViewSet(SnippetViewSet):
    """« À lire »: editors only (home.roles gives them the model permissions that Wagtail's
    snippet views check; the reach report asks for the same)."""

    model = MustRead
    icon = "tasks"
    menu_label = _("Must read")
    menu_name = "must_read"
    menu_order = 230
    add_to_admin_menu = True
    add_view_class = MustReadCreateView
    edit_view_class = MustReadEditView
    copy_view_enabled = False
    list_display = [
        TitleColumn("page", label=_("page or resource")),
        "deadline",
        Column("audience", label=_("audience"), accessor=lambda notice: notice.describe()),
        TitleColumn(
            "reach",
            label=_("reach"),
            accessor=lambda notice: _("See the reach"),
            get_url=_reach_url,
        ),
    ]
    search_fields = ["message"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return MustRead.objects.select_related("page").prefetch_related(
            "structures", "job_roles", "working_groups"
        )


register_snippet(MustReadViewSet)


@hooks.register("register_admin_urls")
def register_reach_urls():
    return [
        path(
            "a-lire/<id:notice_id>/lecture/",
            views.reach_report,
            name="participation_notices_reach",
        ),
        path(
            "a-lire/<id:notice_id>/rappel/", views.reminder, name="participation_notices_reminder"
        ),
    ]


class MustReadPageMenuItem(PageMenuItem):
    """« Marquer à lire » on a published page, for those who may create notices."""

    label = _("Mark as must-read")
    icon_name = "tasks"
    priority = 70

    def is_shown(self, user):
        return self.page.live and user.has_perm("participation_notices.add_mustread")

    @property
    def url(self):
        add_url = reverse("wagtailsnippets_participation_notices_mustread:add")
        return f"{add_url}?page={self.page.pk}"


@hooks.register("register_page_header_buttons")
def must_read_header_button(page, user, view_name, next_url=None):
    yield MustReadPageMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def must_read_listing_button(page, user, next_url=None):
    yield MustReadPageMenuItem(page=page)
