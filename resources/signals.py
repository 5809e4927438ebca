from django.db import transaction
from django.db.models.signals import post_delete


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
