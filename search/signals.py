"""Keep the search index current: every change that alters what an entry shows, where it
lives or who may see it enqueues the reindexing of the keys concerned, once committed.

Membership changes need nothing: locks are opened per user at query time
(`search.visibility`). Restriction changes do, since they add or remove locks.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from groups.models import Profile, Structure, Thematic, WorkingGroupPage
from participation.comments.models import Comment
from resources.models import ResourceDocument, ResourcePage, ResourcePageDocument, ResourceType
from resources.signals import document_text_extracted
from search import indexing
from search.models import SearchEntry


@receiver(page_published, dispatch_uid="search-page-published")
def page_was_published(sender, instance, **kwargs):
    # A page absent from the index was unpublished or new: pages below it may come back
    # with it; a working group names the group of everything below it.
    whole_subtree = (
        isinstance(instance, WorkingGroupPage)
        or not SearchEntry.objects.filter(key=f"page:{instance.pk}").exists()
    )
    keys = indexing.subtree_keys(instance) if whole_subtree else indexing.page_keys(instance)
    indexing.reindex_on_commit(keys)


@receiver(page_unpublished, dispatch_uid="search-page-unpublished")
@receiver(post_page_move, dispatch_uid="search-page-moved")
def page_subtree_changed(sender, instance, **kwargs):
    indexing.reindex_on_commit(indexing.subtree_keys(instance))


@receiver(pre_delete, sender=Page, dispatch_uid="search-page-deleted")
def page_deleted(sender, instance, **kwargs):
    # Wagtail deletes the pages below with it: every key of the subtree goes.
    indexing.reindex_on_commit(indexing.subtree_keys(instance))


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search-restriction-saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted")
def page_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.reindex_on_commit(indexing.subtree_keys(page))


@receiver(post_save, sender=CollectionViewRestriction, dispatch_uid="search-collection-saved")
@receiver(post_delete, sender=CollectionViewRestriction, dispatch_uid="search-collection-del")
def collection_restriction_changed(sender, instance, **kwargs):
    collection = type(instance.collection).objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        indexing.reindex_on_commit(indexing.collection_keys(collection))


@receiver(post_save, sender=ResourceDocument, dispatch_uid="search-document-saved")
def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.reindex_on_commit(indexing.document_keys([instance.pk]))


@receiver(document_text_extracted, dispatch_uid="search-document-extracted")
def document_extracted(sender, document, **kwargs):
    indexing.reindex_on_commit(indexing.document_keys([document.pk]))


@receiver(pre_delete, sender=ResourceDocument, dispatch_uid="search-document-deleted")
def document_deleted(sender, instance, **kwargs):
    # Computed before the delete cascades through the resource pages' links.
    indexing.reindex_on_commit(indexing.document_keys([instance.pk]))


@receiver(post_save, sender=ResourcePageDocument, dispatch_uid="search-link-saved")
@receiver(post_delete, sender=ResourcePageDocument, dispatch_uid="search-link-deleted")
def resource_document_link_changed(sender, instance, **kwargs):
    # A document presented by a resource page is searched through that page only.
    indexing.reindex_on_commit([f"document:{instance.document_id}"])


@receiver(post_save, sender=Profile, dispatch_uid="search-profile-saved")
@receiver(post_delete, sender=Profile, dispatch_uid="search-profile-deleted")
def profile_changed(sender, instance, **kwargs):
    indexing.reindex_on_commit([f"person:{instance.pk}"])


# What a person's entry reads of the user (search.sources.person_entries).
INDEXED_USER_FIELDS = {"first_name", "last_name", "username", "is_active"}


@receiver(post_save, sender=get_user_model(), dispatch_uid="search-user-saved")
def user_saved(sender, instance, update_fields=None, **kwargs):
    # The name and the active flag of a person live on the user. A login saves only
    # `last_login`: reindexing then would make every login wait behind a rebuild's locks.
    if update_fields is not None and not INDEXED_USER_FIELDS & set(update_fields):
        return
    profile_ids = Profile.objects.filter(user_id=instance.pk).values_list("pk", flat=True)
    indexing.reindex_on_commit([f"person:{pk}" for pk in profile_ids])


@receiver(post_save, sender=Structure, dispatch_uid="search-structure-saved")
@receiver(post_delete, sender=Structure, dispatch_uid="search-structure-deleted")
def structure_changed(sender, instance, **kwargs):
    """Entries show their structure's name: every entry the index files under it (resources,
    plans, actions, people), and the people of the structure, are written again."""
    shown = SearchEntry.objects.filter(structure=str(instance.pk)).values_list("key", flat=True)
    profiles = Profile.objects.filter(structure_id=instance.pk).values_list("pk", flat=True)
    resources = ResourcePage.objects.filter(producing_structure_id=instance.pk).values_list(
        "pk", flat=True
    )
    indexing.reindex_on_commit(
        [f"structure:{instance.pk}", *shown]
        + [f"person:{pk}" for pk in profiles]
        + [f"page:{pk}" for pk in resources]
    )


@receiver(pre_save, sender=Thematic, dispatch_uid="search-thematic-renaming")
@receiver(pre_save, sender=ResourceType, dispatch_uid="search-type-renaming")
def remember_slug(sender, instance, **kwargs):
    instance._search_previous_slug = (
        sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    )


@receiver(post_save, sender=Thematic, dispatch_uid="search-thematic-renamed")
def thematic_changed(sender, instance, **kwargs):
    """Entries show thematic names: those of the thematic are written again."""
    slugs = {instance.slug, getattr(instance, "_search_previous_slug", None)}
    keys = SearchEntry.objects.filter(thematics__value__in=slugs - {None}).values_list(
        "key", flat=True
    )
    indexing.reindex_on_commit(keys)


@receiver(post_save, sender=ResourceType, dispatch_uid="search-type-renamed")
def resource_type_changed(sender, instance, **kwargs):
    slugs = {instance.slug, getattr(instance, "_search_previous_slug", None)}
    keys = SearchEntry.objects.filter(resource_type__in=slugs - {None}).values_list(
        "key", flat=True
    )
    indexing.reindex_on_commit(keys)


@receiver(post_save, sender=Comment, dispatch_uid="search-comment-saved")
@receiver(post_delete, sender=Comment, dispatch_uid="search-comment-deleted")
def comment_changed(sender, instance, raw=False, **kwargs):
    """A page's entry holds the text of its published comments: written again, once
    committed, whenever one is posted, edited, hidden, shown again or deleted."""
    if not raw:
        indexing.reindex_on_commit([f"page:{instance.page_id}"])
