"""Reads of structure spaces: who may do what there, and what the space page shows.
Every list starts from what the user may view (home.visibility)."""

from wagtail.documents import get_document_model
from wagtail.models import Page

from groups.models import Profile, StructureEditor, StructureSpacePage
from groups.selectors import user_is_editor
from home.visibility import documents_visible_to, page_is_visible_to


def user_edits_space(space: StructureSpacePage, user) -> bool:
    """The structure's editors (named or director) and regional editors."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user_is_editor(user) or space.structure.director_id == user.pk:
        return True
    return StructureEditor.objects.filter(structure_id=space.structure_id, user=user).exists()


def user_names_editors(space: StructureSpacePage, user) -> bool:
    """The structure's director and regional editors name the space's editors."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user_is_editor(user) or space.structure.director_id == user.pk


def space_team(space: StructureSpacePage) -> dict:
    """The structure's people, its director and its named editors (three queries)."""
    structure = space.structure
    people = list(
        Profile.objects.filter(structure=structure, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    editor_ids = set(
        StructureEditor.objects.filter(structure=structure).values_list("user_id", flat=True)
    )
    return {
        "people": people,
        "editors": [p for p in people if p.user_id in editor_ids],
        "not_editors": [
            p for p in people if p.user_id not in editor_ids and p.user_id != structure.director_id
        ],
        "director": structure.director,
    }


def structure_space_context(*, space: StructureSpacePage, user) -> dict:
    Document = get_document_model()
    collection_ids = [pk for pk in (space.collection_id, space.private_collection_id) if pk]
    documents = (
        documents_visible_to(Document.objects.filter(collection_id__in=collection_ids), user)
        .select_related("collection")
        .order_by("-created_at")[:20]
    )
    private_page = space.private_page
    pages = (
        Page.objects.child_of(space)
        .live()
        .exclude(pk=space.private_page_id)
        # The plan is shown by the strategy app's own tag (groups never imports strategy).
        .exclude(content_type__model="strategyplanpage")
        .order_by("path")
    )
    return {
        "structure": space.structure,
        "team": space_team(space),
        "can_edit_space": user_edits_space(space, user),
        "can_name_editors": user_names_editors(space, user),
        "documents": list(documents),
        "space_pages": [p for p in pages if page_is_visible_to(p, user)],
        "private_page": private_page
        if private_page is not None and page_is_visible_to(private_page, user)
        else None,
    }
