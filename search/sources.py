"""What is searchable, as `IndexEntry` values: live pages of every type, documents that no
resource page presents, people and structures of the network directory.

Entries are built in batches with a constant number of queries per batch (one per page type
present, plus prefetches), since a rebuild covers the whole site. A page is indexed only when
it and all its ancestors are live: Wagtail serves nothing below an unpublished page. Locks come
from `search.visibility`: a resource page also carries the locks of the collections of the
documents whose text it holds, so that text never shows to someone who may not download it.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy

from wagtail.models import Collection, Page
from wagtail.search import index

from groups.models import NetworkDirectoryPage, Profile, Structure, WorkingGroupPage
from home.rich_text import searchable_value
from participation.comments.models import Comment
from resources.models import ResourceDocument, ResourceViewDay
from search.engines.base import Choice, IndexEntry
from search.visibility import collection_locks, page_locks

BATCH_SIZE = 200
POPULARITY_DAYS = 90

KIND_LABELS = {
    "resource": pgettext_lazy("search result kind", "Resource"),
    "news": pgettext_lazy("search result kind", "News"),
    "event": pgettext_lazy("search result kind", "Event"),
    "meeting": pgettext_lazy("search result kind", "Meeting"),
    "working_group": pgettext_lazy("search result kind", "Working group"),
    "thematic": pgettext_lazy("search result kind", "Thematic"),
    "strategy": pgettext_lazy("search result kind", "Strategic plan action"),
    "page": pgettext_lazy("search result kind", "Page"),
    "document": pgettext_lazy("search result kind", "Document"),
    "person": pgettext_lazy("search result kind", "Person"),
    "structure": pgettext_lazy("search result kind", "Structure"),
}
# "app_label.ModelName" -> kind; every other page type is a "page".
PAGE_KINDS = {
    "resources.resourcepage": "resource",
    "home.newspage": "news",
    "home.eventpage": "event",
    "groups.meetingpage": "meeting",
    "groups.workinggrouppage": "working_group",
    "groups.thematichubpage": "thematic",
    "strategy.strategyplanpage": "strategy",
    "strategy.orientationpage": "strategy",
    "strategy.axispage": "strategy",
    "strategy.actionpage": "strategy",
}
# What each page type needs loaded to build its entry in a constant number of queries.
PAGE_PREFETCH = {
    "resources.resourcepage": (
        ["resource_type", "producing_structure"],
        ["thematics", "resource_documents__document__collection"],
    ),
    "home.newspage": ([], ["thematics"]),
    "home.eventpage": ([], ["thematics"]),
    "groups.workinggrouppage": ([], ["thematics"]),
    "groups.thematichubpage": (["thematic"], []),
    "strategy.actionpage": (["thematic", "pilot_structure"], []),
    "strategy.strategyplanpage": (["structure"], []),
}


def kind(value: str) -> Choice:
    return Choice(value, str(KIND_LABELS[value]))


def _thematic(thematic) -> Choice:
    return Choice(thematic.slug, thematic.name)


def _structure(structure) -> Choice | None:
    return Choice(str(structure.pk), structure.name) if structure else None


def _text(parts: Iterable[str]) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def page_text(page) -> str:
    """The summary then the text of every searchable field but the title (rich text and
    StreamFields reduced to text the way Wagtail indexes them)."""
    parts = [page.summary]
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        if search_field.field_name in ("title", "summary"):
            continue
        # Text, as Wagtail indexes it, less words of links to reserved targets.
        value = searchable_value(page, search_field)
        if isinstance(value, list | tuple):
            parts.extend(str(part) for part in value)
        elif value:
            parts.append(str(value))
    return _text(parts)


class Context:
    """What every batch shares, loaded once: working groups by path and by collection,
    unpublished pages, the directory page."""

    def __init__(self):
        groups = list(WorkingGroupPage.objects.only("pk", "title", "path", "collection_id"))
        self.groups_by_path = {group.path: group for group in groups}
        collection_paths = dict(
            Collection.objects.filter(
                pk__in=[g.collection_id for g in groups if g.collection_id]
            ).values_list("pk", "path")
        )
        self.groups_by_collection_path = {
            collection_paths[g.collection_id]: g
            for g in groups
            if g.collection_id in collection_paths
        }
        self.unpublished_paths = set(Page.objects.filter(live=False).values_list("path", flat=True))
        self.directory = NetworkDirectoryPage.objects.live().first()

    def _ancestor_paths(self, path: str) -> list[str]:
        step = Page.steplen
        return [path[:length] for length in range(step, len(path) + 1, step)]

    def is_published(self, path: str) -> bool:
        return not any(p in self.unpublished_paths for p in self._ancestor_paths(path))

    def group_of(self, path: str) -> Choice | None:
        for ancestor in reversed(self._ancestor_paths(path)):
            group = self.groups_by_path.get(ancestor)
            if group:
                return Choice(str(group.pk), group.title)
        return None

    def group_of_collection(self, collection) -> Choice | None:
        """The working group owning this collection or one of its ancestors."""
        for ancestor in reversed(self._ancestor_paths(collection.path)):
            group = self.groups_by_collection_path.get(ancestor)
            if group:
                return Choice(str(group.pk), group.title)
        return None


def _popularity(resource_ids: list[int]) -> dict[int, int]:
    if not resource_ids:
        return {}
    since = timezone.localdate() - timedelta(days=POPULARITY_DAYS)
    rows = (
        ResourceViewDay.objects.filter(resource_id__in=resource_ids, day__gte=since)
        .values("resource_id")
        .annotate(total=Sum("views"))
    )
    return {row["resource_id"]: row["total"] for row in rows}


def _page_date(page, model_key: str):
    if model_key == "resources.resourcepage":
        return page.publication_date
    if model_key == "home.newspage":
        return page.date
    if model_key in ("home.eventpage", "groups.meetingpage"):
        return timezone.localtime(page.start).date()
    moment = page.last_published_at or page.first_published_at
    return timezone.localtime(moment).date() if moment else None


def _comment_texts(page_ids: list[int]) -> dict[int, list[str]]:
    """The text of the pages' published comments (neither deleted nor hidden): part of
    their page's entry, so that a comment is found exactly where its page is."""
    texts = defaultdict(list)
    for page_id, text in (
        Comment.objects.searchable().filter(page_id__in=page_ids).values_list("page_id", "text")
    ):
        texts[page_id].append(text)
    return texts


def _page_entry(
    page, model_key: str, context: Context, popularity: dict[int, int], comments=()
) -> IndexEntry:
    entry = IndexEntry(
        key=f"page:{page.pk}",
        kind=kind(PAGE_KINDS.get(model_key, "page")),
        title=page.title,
        url=page.get_url() or page.url_path,
        body=_text([page_text(page), *comments]),
        date=_page_date(page, model_key),
        group=context.group_of(page.path),
        locks=page_locks(page.path),
    )
    if hasattr(page, "thematics") and model_key in PAGE_PREFETCH:
        entry.thematics = tuple(_thematic(t) for t in page.thematics.all())
    if model_key == "groups.thematichubpage":
        entry.thematics = (_thematic(page.thematic),)
    elif model_key == "strategy.actionpage":
        entry.thematics = (_thematic(page.thematic),) if page.thematic else ()
        entry.structure = _structure(page.pilot_structure)
    elif model_key == "strategy.strategyplanpage":
        entry.structure = _structure(page.structure)
    elif model_key == "resources.resourcepage":
        _add_resource_fields(entry, page, popularity)
    return entry


def _add_resource_fields(entry: IndexEntry, page, popularity: dict[int, int]) -> None:
    links = list(page.resource_documents.all())
    documents = [link.document for link in links]
    entry.document_text = _text(document.extracted_text for document in documents)
    entry.resource_type = (
        Choice(page.resource_type.slug, page.resource_type.name) if page.resource_type else None
    )
    entry.structure = _structure(page.producing_structure)
    entry.popularity = popularity.get(page.pk, 0)
    locks = set(entry.locks)
    for document in documents:
        locks.update(collection_locks(document.collection.path))
    entry.locks = tuple(sorted(locks))
    if documents:
        entry.file_format = documents[0].file_format.upper()
        entry.file_size = documents[0].file_size


def page_entries(page_ids: Iterable[int], context: Context | None = None) -> Iterator[IndexEntry]:
    """Entries of these pages that are live with live ancestors (others are skipped)."""
    context = context or Context()
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), BATCH_SIZE):
        chunk = page_ids[start : start + BATCH_SIZE]
        pages = Page.objects.filter(pk__in=chunk, live=True, depth__gt=1).select_related(
            "content_type"
        )
        by_model = defaultdict(list)
        for page in pages:
            if context.is_published(page.path):
                content_type = page.content_type
                by_model[f"{content_type.app_label}.{content_type.model}"].append(page.pk)
        popularity = _popularity(by_model.get("resources.resourcepage", []))
        comments = _comment_texts([pk for ids in by_model.values() for pk in ids])
        for model_key, ids in by_model.items():
            model = _model(model_key)
            if model is None:
                continue
            select, prefetch = PAGE_PREFETCH.get(model_key, ([], []))
            for page in (
                model.objects.filter(pk__in=ids).select_related(*select).prefetch_related(*prefetch)
            ):
                yield _page_entry(page, model_key, context, popularity, comments.get(page.pk, ()))


def _model(model_key: str):
    from django.apps import apps

    try:
        return apps.get_model(model_key)
    except LookupError:
        return None


def all_page_ids() -> list[int]:
    return list(
        Page.objects.filter(live=True, depth__gt=1).order_by("path").values_list("pk", flat=True)
    )


# Documents -------------------------------------------------------------------------------


def unattached_documents():
    """Documents no resource page presents (meeting attachments...): searchable themselves."""
    return ResourceDocument.objects.filter(resource_links__isnull=True)


def document_entries(
    document_ids: Iterable[int], context: Context | None = None
) -> Iterator[IndexEntry]:
    context = context or Context()
    document_ids = list(document_ids)
    for start in range(0, len(document_ids), BATCH_SIZE):
        chunk = document_ids[start : start + BATCH_SIZE]
        for document in unattached_documents().filter(pk__in=chunk).select_related("collection"):
            moment = document.file_updated_at or document.created_at
            yield IndexEntry(
                key=f"document:{document.pk}",
                kind=kind("document"),
                title=document.title,
                url=document.url,
                document_text=document.extracted_text,
                date=timezone.localtime(moment).date() if moment else None,
                group=context.group_of_collection(document.collection),
                locks=collection_locks(document.collection.path),
                file_format=document.file_format.upper(),
                file_size=document.file_size,
            )


def all_document_ids() -> list[int]:
    return list(unattached_documents().order_by("pk").values_list("pk", flat=True))


# People and structures ----------------------------------------------------------------------


def _people():
    return Profile.objects.filter(user__is_active=True).select_related("user", "structure")


def person_entries(
    profile_ids: Iterable[int], context: Context | None = None
) -> Iterator[IndexEntry]:
    context = context or Context()
    if context.directory is None:
        return
    base_url = context.directory.get_url() or context.directory.url_path
    profile_ids = list(profile_ids)
    for start in range(0, len(profile_ids), BATCH_SIZE):
        chunk = profile_ids[start : start + BATCH_SIZE]
        for profile in _people().filter(pk__in=chunk).prefetch_related("referent_thematics"):
            user = profile.user
            thematics = list(profile.referent_thematics.all())
            structure = profile.structure
            yield IndexEntry(
                key=f"person:{profile.pk}",
                kind=kind("person"),
                title=user.get_full_name() or user.get_username(),
                url=base_url + context.directory.reverse_subpage("person", args=[user.pk]),
                body=_text(
                    [profile.job_title, structure.name if structure else "", profile.bio]
                    + [thematic.name for thematic in thematics]
                ),
                thematics=tuple(_thematic(t) for t in thematics),
                structure=_structure(structure),
                autocomplete=tuple(
                    part for part in (profile.job_title, structure and structure.name) if part
                ),
            )


def all_person_ids() -> list[int]:
    return list(_people().order_by("pk").values_list("pk", flat=True))


def structure_entries(
    structure_ids: Iterable[int], context: Context | None = None
) -> Iterator[IndexEntry]:
    context = context or Context()
    if context.directory is None:
        return
    base_url = context.directory.get_url() or context.directory.url_path
    for structure in Structure.objects.filter(pk__in=list(structure_ids), is_active=True):
        yield IndexEntry(
            key=f"structure:{structure.pk}",
            kind=kind("structure"),
            title=structure.name,
            url=f"{base_url}#structure-{structure.pk}",
            body=_text(
                [
                    structure.short_name,
                    structure.get_kind_display(),
                    structure.city,
                    structure.departments,
                    structure.address,
                ]
            ),
            structure=_structure(structure),
            autocomplete=tuple(p for p in (structure.short_name, structure.city) if p),
        )


def all_structure_ids() -> list[int]:
    return list(
        Structure.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)
    )


# Everything ---------------------------------------------------------------------------------


def all_entries_count() -> int:
    return sum(
        len(ids)
        for ids in (all_page_ids(), all_document_ids(), all_person_ids(), all_structure_ids())
    )


def all_entries() -> Iterator[IndexEntry]:
    """Every entry of the site, in the site's language (labels are stored as shown)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = Context()
        yield from page_entries(all_page_ids(), context)
        yield from document_entries(all_document_ids(), context)
        yield from person_entries(all_person_ids(), context)
        yield from structure_entries(all_structure_ids(), context)


def entries_for_keys(keys: Iterable[str]) -> tuple[list[IndexEntry], list[str]]:
    """(entries to write, keys to delete): a key whose object is gone or no longer
    searchable (unpublished, draft, inactive) is deleted."""
    ids = defaultdict(list)
    for key in dict.fromkeys(keys):
        prefix, _, raw_id = key.partition(":")
        if raw_id.isdigit():
            ids[prefix].append(int(raw_id))
    builders = {
        "page": page_entries,
        "document": document_entries,
        "person": person_entries,
        "structure": structure_entries,
    }
    with translation.override(settings.LANGUAGE_CODE):
        context = Context()
        entries = [
            entry
            for prefix, builder in builders.items()
            if ids.get(prefix)
            for entry in builder(ids[prefix], context)
        ]
    found = {entry.key for entry in entries}
    wanted = {f"{prefix}:{pk}" for prefix, pks in ids.items() for pk in pks}
    return entries, sorted(wanted - found)
