"""The Wagtail admin shows a person only what they may view: pages under a login or group
restriction they do not satisfy, and documents or images of a restricted collection, are
absent from every list (through the policies of `home/permission_policies.py` and the
chooser hooks in `home/wagtail_hooks.py`) and answer "not found" when asked for by id (the
middleware below).
Edit rights are Wagtail's as before; this only removes what the person may not view."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404, path, resolve

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, Task, Workflow

from home.permission_policies import pages_listable_in_admin
from home.visibility import (
    collection_is_hidden_by_group,
    hidden_collection_ids,
    hidden_pages_q,
    page_is_hidden_by_group,
)

# URL keyword arguments of admin views that name a page, a document or an image.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
DOCUMENT_KWARGS = ("document_id", "doc_id")
IMAGE_KWARGS = ("image_id",)
# Views whose `pk` argument is a page, a document or an image.
PK_KINDS = {
    "wagtailadmin_api:pages:": "page",
    "wagtailadmin_pages:revisions_compare": "page",
    "wagtailadmin_api:documents:": "document",
    "wagtaildocs_chooser:": "document",
    "wagtailimages_chooser:": "image",
    "wagtailadmin_api:images:": "image",
}


def _named_objects(view_name: str, kwargs: dict) -> list[tuple[str, str]]:
    named = [("page", kwargs[key]) for key in PAGE_KWARGS if key in kwargs]
    named += [("document", kwargs[key]) for key in DOCUMENT_KWARGS if key in kwargs]
    named += [("image", kwargs[key]) for key in IMAGE_KWARGS if key in kwargs]
    if "pk" in kwargs:
        for prefix, kind in PK_KINDS.items():
            if view_name.startswith(prefix):
                named.append((kind, kwargs["pk"]))
                break
    return named


def _is_hidden(kind: str, object_id, user) -> bool:
    if not str(object_id).isdigit():
        return False
    if kind == "page":
        page = Page.objects.filter(pk=object_id).only("path").first()
        return page is not None and page_is_hidden_by_group(page, user)
    model = get_document_model() if kind == "document" else get_image_model()
    item = model.objects.filter(pk=object_id).select_related("collection").first()
    return item is not None and collection_is_hidden_by_group(item.collection, user)


class AdminObjectScopeMiddleware:
    """An admin URL naming a page, document or image the user may not view answers 404,
    whatever the view (explorer, chooser, edit, preview, history, revisions, usage, admin
    API): its title, URL, size or rendition never reach the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith("/admin/") or not request.user.is_authenticated:
            return None
        try:
            match = request.resolver_match or resolve(request.path_info)
        except Resolver404:
            return None
        for kind, object_id in _named_objects(match.view_name or "", view_kwargs):
            if _is_hidden(kind, object_id, request.user):
                raise Http404
        return None


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    """The page types usage report, counting and naming only pages the user may view."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        for item in page_types:
            pages = pages_listable_in_admin(Page.objects.filter(content_type=item), user)
            item.count = pages.count()
            last = item.last_edited_page
            if last is not None and not pages.filter(pk=last.pk).exists():
                item.last_edited_page = (
                    pages.order_by("-latest_revision_created_at", "title", "-pk").specific().first()
                )
        return page_types


class ScopedLockedPagesView(LockedPagesView):
    """Locked pages: Wagtail adds the pages the user locked, even where they may no longer
    view them."""

    def get_queryset(self):
        return pages_listable_in_admin(super().get_queryset(), self.request.user)


class ScopedLogEntriesView(LogEntriesView):
    """Site history: page entries already follow the view-scoped page policy; entries of
    documents and images of collections the user may not view are left out (their label
    is the item's title)."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not ModelLogEntry:
            return queryset
        for model in (get_document_model(), get_image_model()):
            hidden = model.objects.filter(
                collection_id__in=hidden_collection_ids(self.request.user)
            )
            queryset = queryset.exclude(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=[str(pk) for pk in hidden.values_list("pk", flat=True)],
            )
        return queryset


def _hidden_workflows(user):
    """Workflows of pages the user may not view: their names name private groups."""
    hidden = hidden_pages_q(user, include_password=False)
    if hidden is None:
        return Workflow.objects.none()
    return Workflow.objects.filter(workflow_pages__page__in=Page.objects.filter(hidden))


def _scope_workflow_filters(filterset, user) -> None:
    hidden = _hidden_workflows(user)
    workflow_filter = filterset.filters.get("workflow")
    if workflow_filter is not None:
        workflow_filter.queryset = Workflow.objects.exclude(pk__in=hidden)
    task_filter = filterset.filters.get("task")
    if task_filter is not None:
        task_filter.queryset = Task.objects.exclude(workflow_tasks__workflow__in=hidden)


class ScopedWorkflowReportFilterSet(WorkflowReportFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        _scope_workflow_filters(self, request.user)


class ScopedWorkflowTasksReportFilterSet(WorkflowTasksReportFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        _scope_workflow_filters(self, request.user)


class ScopedWorkflowView(WorkflowView):
    """The workflows report, whose filters name only workflows of viewable pages (its rows
    already come from the view-scoped page policy)."""

    filterset_class = ScopedWorkflowReportFilterSet


class ScopedWorkflowTasksView(WorkflowTasksView):
    filterset_class = ScopedWorkflowTasksReportFilterSet


# Served before Wagtail's own admin URLs, under the same paths and names.
REPORT_OVERRIDES = [
    ("reports/page-types-usage/", ScopedPageTypesUsageReportView),
    ("reports/workflow/", ScopedWorkflowView),
    ("reports/locked/", ScopedLockedPagesView),
    ("reports/site-history/", ScopedLogEntriesView),
    ("reports/workflow_tasks/", ScopedWorkflowTasksView),
]


def report_override_urls():
    """Outside Wagtail's admin URLs, so wrapped in its admin access check as they are: a
    plain member holds page permissions in their group, never the admin."""
    patterns = []
    for route, view in REPORT_OVERRIDES:
        patterns.append(path(route, require_admin_access(view.as_view())))
        patterns.append(
            path(f"{route}results/", require_admin_access(view.as_view(results_only=True)))
        )
    return patterns
