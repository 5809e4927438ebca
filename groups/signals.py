from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from groups.models import WorkingGroupPage
from groups.services import working_group_cleanup, working_group_sync


@receiver(post_save, sender=WorkingGroupPage, dispatch_uid="working_group_sync_on_save")
def sync_on_full_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """A working group is synced when created and whenever its live version is saved in
    full (creation, publication). Draft revisions save a few fields only: they change no
    right until they are published."""
    if raw or update_fields is not None:
        return
    working_group_sync(group=instance)


@receiver(pre_delete, sender=WorkingGroupPage, dispatch_uid="working_group_cleanup")
def cleanup_on_delete(sender, instance, **kwargs):
    working_group_cleanup(group=instance)
