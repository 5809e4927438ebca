from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import Signal

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


def register_signal_handlers():
    from resources.models import DocumentVersion, ResourceDocument

    post_delete.connect(delete_version_file, sender=DocumentVersion)
    post_delete.connect(delete_thumbnail, sender=ResourceDocument)
