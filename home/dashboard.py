"""The admin dashboard names and counts only what the user may view: Wagtail's panels
(recent edits, locked pages, pages in moderation) and its page count are replaced by
subclasses that drop pages the admin may not name to the user (`pages_listable_in_admin`).
The document and image counts already come from the view-scoped collection policies
(home/permission_policies.py). Registered in home/wagtail_hooks.py."""

from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page

from home.permission_policies import pages_listable_in_admin
from home.visibility import pages_viewable_in_admin


def _listable_ids(pages, user) -> set[int]:
    ids = [page.pk for page in pages]
    return set(
        pages_listable_in_admin(Page.objects.filter(pk__in=ids), user).values_list("pk", flat=True)
    )


def _kept(objects, user) -> list:
    """The objects that are not pages, and the pages the user may be shown."""
    pages = [obj for obj in objects if isinstance(obj, Page)]
    listable = _listable_ids(pages, user) if pages else set()
    return [obj for obj in objects if not isinstance(obj, Page) or obj.pk in listable]


class ScopedRecentEditsPanel(RecentEditsPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        kept = {id(page) for page in _kept([page for _date, page in context["last_edits"]], user)}
        context["last_edits"] = [
            (date, page) for date, page in context["last_edits"] if id(page) in kept
        ]
        return context


class ScopedLockedPagesPanel(LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["locked_pages"] = pages_listable_in_admin(context["locked_pages"], user)
        return context


class ScopedUserObjectsInModerationPanel(UserObjectsInWorkflowModerationPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = list(context["workflow_states"])
        kept = {
            id(obj)
            for obj in _kept(
                [state.content_object for state in states], parent_context["request"].user
            )
        }
        context["workflow_states"] = [state for state in states if id(state.content_object) in kept]
        return context


class ScopedObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """What awaits the user's review: every task state listed is one they may moderate, so
    a draft they may not otherwise edit (a proposal for a chef de file) is kept; pages
    under a restriction they do not satisfy are still left out."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = context["states"]
        user = parent_context["request"].user
        pages = [state["obj"] for state in states if isinstance(state["obj"], Page)]
        viewable = set(
            pages_viewable_in_admin(
                Page.objects.filter(pk__in=[page.pk for page in pages]), user
            ).values_list("pk", flat=True)
        )
        kept = {
            id(state["obj"])
            for state in states
            if not isinstance(state["obj"], Page) or state["obj"].pk in viewable
        }
        context["states"] = [state for state in states if id(state["obj"]) in kept]
        return context


SCOPED_PANELS = {
    RecentEditsPanel: ScopedRecentEditsPanel,
    LockedPagesPanel: ScopedLockedPagesPanel,
    UserObjectsInWorkflowModerationPanel: ScopedUserObjectsInModerationPanel,
    WorkflowObjectsToModeratePanel: ScopedObjectsToModeratePanel,
}


def scope_homepage_panels(request, panels) -> None:
    for index, panel in enumerate(panels):
        scoped = SCOPED_PANELS.get(type(panel))
        if scoped is not None:
            panels[index] = scoped()


class ScopedPagesSummaryItem(PagesSummaryItem):
    """The page count of the dashboard, counting only pages the user may be shown."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        explorable_root = get_site_for_user(self.request.user)["root_page"]
        if explorable_root is None:
            return context
        # The tree's root is no page of its own and is not counted, as in Wagtail's count.
        pages = Page.objects.descendant_of(explorable_root, inclusive=True).filter(depth__gt=1)
        context["total_pages"] = pages_listable_in_admin(pages, self.request.user).count()
        return context


def scope_summary_items(request, items) -> None:
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = ScopedPagesSummaryItem(request)
