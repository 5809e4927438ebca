"""Writes of structure spaces. The rights of a space rest on the working groups' mechanism
(`groups/services.py`): two Django groups per structure (its members: every profile of the
structure; its editors: the `StructureEditor` rows and the director), page and collection
permissions on the space for the editors, and group view restrictions on the space's
reserved page and collection (its members, its editors and the regional editors). Every
function here is idempotent."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Collection

from groups.models import Profile, Structure, StructureEditor, StructureSpacePage
from groups.models.spaces import PRIVATE_PAGE_SLUG
from groups.services import (
    LEAD_COLLECTION_PERMISSIONS,
    LEAD_PAGE_PERMISSIONS,
    MembershipError,
    ensure_django_group,
    restrict_to_groups,
    set_group_users,
    sync_space_permissions,
)
from home.roles import EDITORS_GROUP_NAME


def _group_name(space: StructureSpacePage, suffix: str) -> str:
    return f"Structure {space.structure.name[:100]} · {suffix} [{space.pk}]"


def _ensure_collection(current: Collection | None, parent: Collection, name: str) -> Collection:
    if current is None:
        return parent.add_child(name=name)
    if current.name != name:
        current.name = name
        current.save(update_fields=["name"])
    return current


def _ensure_private_page(space: StructureSpacePage):
    from home.models import ContentPage

    page = space.private_page
    if page is None:
        page = ContentPage.objects.child_of(space).filter(slug=PRIVATE_PAGE_SLUG).first()
    if page is None:
        page = space.add_child(
            instance=ContentPage(
                title=_("Reserved space"),
                slug=PRIVATE_PAGE_SLUG,
                summary=_("Pages reserved for the people of the structure and regional editors."),
            )
        )
    return page


def structure_editor_ids(structure: Structure) -> set[int]:
    """Who edits the structure's space: its named editors and its director."""
    ids = set(StructureEditor.objects.filter(structure=structure).values_list("user_id", flat=True))
    if structure.director_id:
        ids.add(structure.director_id)
    return ids


def _sync_people(space: StructureSpacePage) -> None:
    structure = space.structure
    members = set(
        Profile.objects.filter(structure=structure, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )
    set_group_users(space.members_group, members)
    set_group_users(space.editors_group, structure_editor_ids(structure))


@transaction.atomic
def structure_space_sync(*, space: StructureSpacePage) -> StructureSpacePage:
    """Create or repair everything the rights of a structure's space rest on: its two
    Django groups, its collection and reserved sub-collection, its reserved page, the
    editors' permissions on the space and its collection, the view restrictions of the
    reserved page and collection, and who is in each group."""
    members = ensure_django_group(space.members_group, _group_name(space, "membres"))
    editors = ensure_django_group(space.editors_group, _group_name(space, "éditeurs"))
    name = space.structure.name[:255]
    collection = _ensure_collection(space.collection, Collection.get_first_root_node(), name)
    private_collection = _ensure_collection(
        space.private_collection, collection, f"{_('Reserved space')} · {name}"[:255]
    )
    space.members_group, space.editors_group = members, editors
    space.collection, space.private_collection = collection, private_collection
    private_page = _ensure_private_page(space)
    fields = {
        "members_group": members,
        "editors_group": editors,
        "collection": collection,
        "private_collection": private_collection,
        "private_page": private_page,
    }
    # A queryset update: no new revision, no signal, no second sync.
    StructureSpacePage.objects.filter(pk=space.pk).update(**fields)
    space.private_page = private_page
    sync_space_permissions(
        space, editors, LEAD_PAGE_PERMISSIONS, LEAD_COLLECTION_PERMISSIONS, admin_access=True
    )
    sync_space_permissions(space, members, [], [], admin_access=False)
    regional_editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    viewers = [members, editors, regional_editors]
    restrict_to_groups(page=private_page, collection=private_collection, viewers=viewers)
    _sync_people(space)
    return space


def structure_people_sync(structure: Structure | None) -> None:
    """After a profile changes structure, or a director changes: the groups of the space."""
    if structure is None:
        return
    space = StructureSpacePage.objects.filter(structure=structure).first()
    if space is None:
        return
    if space.members_group_id is None or space.editors_group_id is None:
        structure_space_sync(space=space)
    else:
        _sync_people(space)


def structure_space_create(*, structure: Structure, parent) -> StructureSpacePage:
    """The space of `structure` under the network directory, created once and synced."""
    space = StructureSpacePage.objects.filter(structure=structure).first()
    if space is None:
        slug = slugify(structure.short_name or structure.name)[:80] or f"structure-{structure.pk}"
        if slug in ("personnes",):  # a route of the directory
            slug = f"{slug}-{structure.pk}"
        space = parent.add_child(
            instance=StructureSpacePage(title=structure.name, slug=slug, structure=structure)
        )
    return structure_space_sync(space=space)


def user_can_name_editors(structure: Structure, user) -> bool:
    """The director of the structure and regional editors name its space's editors."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or structure.director_id == user.pk:
        return True
    return user.groups.filter(name=EDITORS_GROUP_NAME).exists()


@transaction.atomic
def structure_editor_add(*, structure: Structure, user, by) -> StructureEditor:
    """Name `user`, a person of the structure, editor of its space. Naming them twice
    changes nothing."""
    profile = Profile.objects.filter(user=user).first()
    if not user.is_active or profile is None or profile.structure_id != structure.pk:
        raise MembershipError(_("Only a person of the structure can be one of its editors."))
    Structure.objects.select_for_update().filter(pk=structure.pk).first()
    editor, _created = StructureEditor.objects.get_or_create(
        structure=structure, user=user, defaults={"named_by": by}
    )
    structure_people_sync(structure)
    return editor


@transaction.atomic
def structure_editor_remove(*, structure: Structure, user) -> bool:
    """Take away `user`'s editor rights on the structure's space. False when they were not
    an editor. The director stays an editor through their role."""
    Structure.objects.select_for_update().filter(pk=structure.pk).first()
    deleted, _rows = StructureEditor.objects.filter(structure=structure, user=user).delete()
    structure_people_sync(structure)
    return bool(deleted)


def structure_space_cleanup(*, space: StructureSpacePage) -> None:
    """Before a space is deleted: drop its Django groups. Its collections are kept."""
    for django_group in (space.members_group, space.editors_group):
        if django_group is not None:
            django_group.delete()
