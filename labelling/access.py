"""Who may read and who may answer a structure's self-assessment.

A self-assessment is private to its structure: its people read it, its director and the
editors of its space answer it, and the regional editors read and answer every structure's.
"""

from groups.models import StructureEditor
from groups.selectors import user_is_editor


def user_structure_id(user) -> int | None:
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return getattr(profile, "structure_id", None)


def may_view_assessments(user, structure) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user_is_editor(user) or user_structure_id(user) == structure.pk


def may_answer_assessments(user, structure) -> bool:
    if not may_view_assessments(user, structure):
        return False
    if user_is_editor(user) or structure.director_id == user.pk:
        return True
    return StructureEditor.objects.filter(structure=structure, user=user).exists()
