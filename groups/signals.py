from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from groups.models import Profile, Structure, StructureSpacePage, WorkingGroupPage
from groups.services import working_group_cleanup, working_group_sync
from groups.spaces import structure_people_sync, structure_space_cleanup, structure_space_sync


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


@receiver(post_save, sender=StructureSpacePage, dispatch_uid="structure_space_sync_on_save")
def sync_space_on_full_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """As a working group: synced when created and whenever its live version is saved."""
    if raw or update_fields is not None:
        return
    structure_space_sync(space=instance)


@receiver(pre_delete, sender=StructureSpacePage, dispatch_uid="structure_space_cleanup")
def cleanup_space_on_delete(sender, instance, **kwargs):
    structure_space_cleanup(space=instance)


@receiver(post_save, sender=Structure, dispatch_uid="structure_space_director")
def sync_space_director(sender, instance, raw=False, **kwargs):
    """The director edits the space: a new director gets the rights, the former loses them."""
    if not raw:
        structure_people_sync(instance)


@receiver(post_save, sender=Profile, dispatch_uid="structure_space_members_on_profile")
@receiver(post_delete, sender=Profile, dispatch_uid="structure_space_members_on_delete")
def sync_space_members(sender, instance, raw=False, **kwargs):
    """A person who joins or leaves a structure joins or leaves its space's groups."""
    if raw:
        return
    spaces = StructureSpacePage.objects.filter(
        Q(structure_id=instance.structure_id) | Q(members_group__user=instance.user_id)
    ).select_related("structure")
    for space in spaces.distinct():
        structure_people_sync(space.structure)
