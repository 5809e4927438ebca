"""Probes of the admin's reports and dashboard (see probes.py for the contract). A probe
may first give the object a history the surface lists (an edit, a lock, a moderation
request by the probed user): each test runs in a savepoint rolled back at its end."""

import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, WorkflowState

from tests.security.probes import _shows

# Which summary item counts each kind, and how to take the object away.
_COUNTED_BY = {
    "restricted_document": DocumentsSummaryItem,
    "structure_private_document": DocumentsSummaryItem,
    "image": ImagesSummaryItem,
}


def _pages(site, kind) -> list:
    return list(site.pages[kind].values())


def report_page_types(site, kind, client, user):
    # The report names the latest edited page of each type: make it this kind's.
    ids = [page.pk for page in _pages(site, kind)]
    Page.objects.filter(pk__in=ids).update(
        latest_revision_created_at=timezone.now() + datetime.timedelta(days=1)
    )
    return _shows(client, "/admin/reports/page-types-usage/", kind)


def report_locked(site, kind, client, user):
    ids = [page.pk for page in _pages(site, kind)]
    Page.objects.filter(pk__in=ids).update(
        locked=True, locked_by=site.users["admin"], locked_at=timezone.now()
    )
    return _shows(client, "/admin/reports/locked/", kind)


def report_workflows(site, kind, client, user):
    return _shows(client, "/admin/reports/workflow/", kind)


def report_workflow_tasks(site, kind, client, user):
    return _shows(client, "/admin/reports/workflow_tasks/", kind)


def report_site_history(site, kind, client, user):
    if kind in ("restricted_document", "structure_private_document", "image"):
        item = site.image if kind == "image" else site.documents[kind]
        log(instance=item, action="wagtail.create", user=site.users["admin"])
    else:  # a draft saved in the admin is logged as an edit
        for page in _pages(site, kind):
            PageLogEntry.objects.log_action(page, "wagtail.edit", user=site.users["admin"])
    return _shows(client, "/admin/reports/site-history/", kind) or _shows(
        client, "/admin/reports/site-history/?export=csv", kind
    )


def dashboard_panels(site, kind, client, user):
    """The user's own recent edits, locks and moderation requests: pages they once
    touched (before losing access, say) must not keep naming them."""
    if not user.is_authenticated:
        return False
    pages = _pages(site, kind)
    for page in pages:
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=user)
    ids = [page.pk for page in pages]
    Page.objects.filter(pk__in=ids).update(locked=True, locked_by=user, locked_at=timezone.now())
    WorkflowState.objects.filter(object_id__in=[str(pk) for pk in ids]).update(requested_by=user)
    return _shows(client, "/admin/", kind)


def _count(client, summary_class):
    cache.clear()
    response = client.get("/admin/")
    if response.status_code != 200:
        return None
    for item in response.context["site_summary"].summary_items:
        if isinstance(item, summary_class):
            context = item.get_context_data({})
            return context.get(
                "total_pages", context.get("total_docs", context.get("total_images"))
            )
    return None


def dashboard_counts(site, kind, client, user):
    """The object is counted when the count drops once it is gone."""
    summary_class = _COUNTED_BY.get(kind, PagesSummaryItem)
    before = _count(client, summary_class)
    if before is None:
        return False
    with transaction.atomic():
        if kind in site.documents:
            document = site.documents[kind]
            document.__class__.objects.filter(pk=document.pk).delete()
        elif kind == "image":
            site.image.__class__.objects.filter(pk=site.image.pk).delete()
        else:
            for page in _pages(site, kind):
                Page.objects.get(pk=page.pk).delete()
        after = _count(client, summary_class)
        transaction.set_rollback(True)
    return after is not None and after < before
