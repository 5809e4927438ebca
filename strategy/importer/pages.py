"""New published pages, thousands at a time, each with its first revision as its live one.

Wagtail's way, `add_child` then `save_revision` then `publish`, costs about ninety queries a
page: most of them check what a new page cannot have (aliases, workflows, comments, a
schedule, earlier revisions) or validate again what was just validated. An import of 3,000
actions must take seconds, not minutes, so a new page is written here in about seven: its
tree path is computed under a lock of its parent (as treebeard does) and it is saved once;
then, for all the pages together, each one's first revision is created and made its live
one, their creation and publication are logged, and `published` / `page_published` are sent
for each as Wagtail sends them. Its values come from the importer's bounded parser and are
checked field by field before the save."""

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
        self.pages: list[Page] = []

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
        """Save `page`, live, as the last child of `parent`; its revision, its log entries
        and its signals follow in `finish`."""
        page.depth, page.path, page.numchild = parent.depth + 1, self._path(parent), 0
        page.clean_fields(exclude=[f.name for f in page._meta.fields if f.is_relation])
        page._cached_parent_obj = parent  # Page.save builds the URL path from it
        page.locale_id = parent.locale_id  # what Page.get_default_locale would read
        page.save(clean=False, log_action=None)  # creation logged with the others below
        self.last_step[page.pk] = 0
        self.added[parent.pk] = self.added.get(parent.pk, 0) + 1
        self.parents[parent.pk] = parent
        self.pages.append(page)
        return page

    def finish(self):
        """The parents' counts of children, then each page's first revision made its live
        one, the log entries, and the signals of each publication, in a few queries."""
        for parent_id, count in self.added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
            self.parents[parent_id].numchild += count
        base_type = ContentType.objects.get_for_model(Page)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=base_type,
                object_id=str(page.pk),
                user=self.user,
                created_at=self.now,
                content=_new_page_data(page),
                object_str=str(page),
            )
            for page in self.pages
        )
        for page, revision in zip(self.pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = revision.created_at
        fields = ["latest_revision", "live_revision", "latest_revision_created_at"]
        Page.objects.bulk_update(self.pages, fields, batch_size=500)
        uuid = get_active_log_context().uuid
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                page=page,
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.title,
                action=action,
                timestamp=self.now,
                uuid=uuid,
                user=self.user,
                revision=logged_revision,
                content_changed=True,
            )
            for page in self.pages
            for action, logged_revision in (
                ("wagtail.create", None),
                ("wagtail.publish", page.live_revision),
            )
        )
        for page in self.pages:
            published.send(sender=type(page), instance=page, revision=page.live_revision)
            page_published.send(sender=type(page), instance=page, revision=page.live_revision)
        self.pages = []


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
