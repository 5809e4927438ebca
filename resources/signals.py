from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from wagtail.signals import page_published, page_unpublished

from home.caching import LIBRARY, namespace_invalidate

# Sent with `document` once its text has been extracted (or has failed to be): extraction
# writes with update(), which sends no post_save. The search index subscribes to it.
document_text_extracted = Signal()


def _delete_file_on_commit(field_file):
    if field_file:
        name, storage = field_file.name, field_file.storage
        transaction.on_commit(lambda: storage.delete(name))


def delete_version_file(instance, **kwargs):
    _delete_file_on_commit(instance.file)


def delete_thumbnail(instance, **kwargs):
    _delete_file_on_commit(instance.thumbnail)


def invalidate_library(sender, **kwargs):
    """The library's facet counts (`resources.library`) hold these: count again, at once and
    once the transaction commits (`namespace_invalidate`)."""
    namespace_invalidate(LIBRARY)


def register_signal_handlers():
    from groups.models import Structure, Thematic
    from resources.models import (
        DocumentVersion,
        ResourceDocument,
        ResourcePage,
        ResourcePageDocument,
        ResourceType,
    )

    post_delete.connect(delete_version_file, sender=DocumentVersion)
    post_delete.connect(delete_thumbnail, sender=ResourceDocument)
    # Page view restrictions, collections and their restrictions, and page moves are in the
    # RESTRICTIONS namespace (home/signals.py), whose version is part of the library's keys.
    # Thematics and structures: their labels, and deleting one empties its links.
    counted = (ResourcePage, ResourcePageDocument, ResourceDocument, ResourceType)
    for model in (*counted, Thematic, Structure):
        post_save.connect(invalidate_library, sender=model, dispatch_uid=f"library-{model}")
        post_delete.connect(invalidate_library, sender=model, dispatch_uid=f"library-d-{model}")
    m2m_changed.connect(
        invalidate_library, sender=ResourcePage.thematics.through, dispatch_uid="library-m2m"
    )
    page_published.connect(invalidate_library, sender=ResourcePage, dispatch_uid="library-pub")
    page_unpublished.connect(invalidate_library, sender=ResourcePage, dispatch_uid="library-unpub")
