"""New published pages, thousands at a time, each with its first revision as its live one.

Wagtail's way, `add_child` then `save_revision` then `publish`, costs about ninety queries a
page: most of them check what a new page cannot have (aliases, workflows, comments, a
schedule, earlier revisions) or validate again what was just validated. An import of 3,000
actions must take seconds, not minutes, so a new page is written here in about ten: its tree
path is computed under a lock of its parent (as treebeard does), it is saved once, its first
revision becomes its live one, its creation and publication are logged in one batch at the
end, and `published` / `page_published` are sent as Wagtail sends them. Its values come from
the importer's bounded parser and are checked field by field before the save."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, published


class NewPages:
    def __init__(self, *, user, now):
        self.user, self.now = user, now
        self.last_step: dict[int, int] = {}  # parent id → step of its last child
        self.added: dict[int, int] = {}  # parent id → children added here
        self.parents: dict[int, Page] = {}
        self.log_entries: list[PageLogEntry] = []

    def _path(self, parent: Page) -> str:
        if parent.pk not in self.last_step:
            # Locked like treebeard's add_child does, then its last child read under the lock.
            list(Page.objects.select_for_update().filter(pk=parent.pk).values_list("pk"))
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.last_step[parent.pk] = Page._str2int(last[-Page.steplen :]) if last else 0
        self.last_step[parent.pk] += 1
        return Page._get_path(parent.path, parent.depth + 1, self.last_step[parent.pk])

    def add(self, parent: Page, page: Page) -> Page:
        """Save `page`, live, as the last child of `parent`, with its first revision."""
        page.depth, page.path, page.numchild = parent.depth + 1, self._path(parent), 0
        page.clean_fields(exclude=[f.name for f in page._meta.fields if f.is_relation])
        page._cached_parent_obj = parent  # Page.save builds the URL path from it
        page.locale_id = parent.locale_id  # what Page.get_default_locale would read
        page.save(clean=False, log_action=None)  # creation logged with the others below
        self.last_step[page.pk] = 0
        self.added[parent.pk] = self.added.get(parent.pk, 0) + 1
        self.parents[parent.pk] = parent

        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=self.user,
            content=_new_page_data(page),
            object_str=str(page),
        )
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision,
            live_revision=revision,
            latest_revision_created_at=revision.created_at,
        )
        page.latest_revision = page.live_revision = revision
        page.latest_revision_created_at = revision.created_at
        content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
        for action, logged_revision in (("wagtail.create", None), ("wagtail.publish", revision)):
            self.log_entries.append(
                PageLogEntry(
                    page=page,
                    content_type=content_type,
                    label=page.title,
                    action=action,
                    timestamp=self.now,
                    uuid=get_active_log_context().uuid,
                    user=self.user,
                    revision=logged_revision,
                    content_changed=True,
                )
            )
        published.send(sender=type(page), instance=page, revision=revision)
        page_published.send(sender=type(page), instance=page, revision=revision)
        return page

    def finish(self):
        """The parents' counts of children, and the log entries, written once."""
        for parent_id, count in self.added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
            self.parents[parent_id].numchild += count
        PageLogEntry.objects.bulk_create(self.log_entries)


def _new_page_data(page: Page) -> dict:
    """`page.serializable_data()` for a page just created: its fields, and empty lists for
    its child objects and many-to-many relations, which a new page cannot have yet (read
    one query per relation otherwise)."""
    data = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        data[relation.get_accessor_name()] = []
    for field in get_all_child_m2m_relations(page):
        if field.serialize:
            data[field.name] = []
    return data
