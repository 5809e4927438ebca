"""Who may see a consultation, vote in it, name a structure's voter and read its results:
the one answer every view, listing, export and notification of consultations asks.

- Editors (the permission to change consultations) see every consultation and its results at
  any time, name any structure's delegate and send reminders.
- A consultation is addressed, once open, to the people of its invited structures (one voice
  per structure) or to its audience (individual survey).
- A structure's voice is cast by its delegate when the director named one who is still an
  active member of the structure, otherwise by its director.
- Those it is addressed to read the results once it is closed (not before, so that early
  results do not sway the late voters).
- Secret results are totals only, for everyone, editors included: no surface shows the
  answer of one structure (nor of one person).
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from groups.models import Structure

from .models import Consultation, Delegation

EDIT_PERMISSION = "participation_consultations.change_consultation"


def is_consultation_editor(user) -> bool:
    return user.is_authenticated and user.has_perm(EDIT_PERMISSION)


def user_structure(user):
    if not user.is_authenticated:
        return None
    profile = getattr(user, "profile", None)
    return profile.structure if profile is not None else None


def invited_structures(consultation):
    """The structures that take part: those named, or every active Mission Locale."""
    named = consultation.structures.all()
    if consultation.pk and named.exists():
        return named.filter(is_active=True).order_by("name")
    return Structure.objects.filter(is_active=True, kind=Structure.Kind.MISSION_LOCALE).order_by(
        "name"
    )


def voter_for(structure):
    """Who casts the structure's voice: its delegate if still one of its people, else its
    director (None when neither is named or active)."""
    delegation = (
        Delegation.objects.filter(structure=structure).select_related("delegate__profile").first()
    )
    if delegation is not None:
        delegate = delegation.delegate
        profile = getattr(delegate, "profile", None)
        if delegate.is_active and profile is not None and profile.structure_id == structure.pk:
            return delegate
    director = structure.director
    if director is not None and director.is_active:
        return director
    return None


def voters(consultation) -> dict:
    """{structure: voter or None} for every invited structure."""
    structures = list(invited_structures(consultation).select_related("director"))
    delegations = {
        d.structure_id: d.delegate
        for d in Delegation.objects.filter(structure__in=structures).select_related(
            "delegate__profile"
        )
    }
    result = {}
    for structure in structures:
        delegate = delegations.get(structure.pk)
        profile = getattr(delegate, "profile", None) if delegate else None
        if delegate and delegate.is_active and profile and profile.structure_id == structure.pk:
            result[structure] = delegate
        elif structure.director is not None and structure.director.is_active:
            result[structure] = structure.director
        else:
            result[structure] = None
    return result


def is_addressed_to(consultation, user) -> bool:
    """Whether the consultation concerns the user (their structure is invited, or they are
    in the survey's audience), open or not."""
    if not user.is_authenticated:
        return False
    if consultation.is_per_structure:
        structure = user_structure(user)
        return (
            structure is not None
            and invited_structures(consultation).filter(pk=structure.pk).exists()
        )
    return consultation.includes(user)


def addressed_to(user, queryset=None):
    """The consultations, opened at some point, that concern the user; all for editors."""
    queryset = Consultation.objects.all() if queryset is None else queryset
    if is_consultation_editor(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    queryset = queryset.filter(opens_at__lte=timezone.now())
    ids = [c.pk for c in queryset.prefetch_related("structures") if is_addressed_to(c, user)]
    return queryset.filter(pk__in=ids)


def may_view(consultation, user) -> bool:
    if is_consultation_editor(user):
        return True
    return not _not_yet_open(consultation) and is_addressed_to(consultation, user)


def _not_yet_open(consultation) -> bool:
    return consultation.opens_at > timezone.now()


def structure_voted_for(consultation, user):
    """The structure the user casts the voice of in this consultation, or None."""
    structure = user_structure(user)
    if structure is None or not consultation.is_per_structure:
        return None
    if not invited_structures(consultation).filter(pk=structure.pk).exists():
        return None
    voter = voter_for(structure)
    return structure if voter is not None and voter.pk == user.pk else None


def may_answer(consultation, user) -> bool:
    """Whether the user is the one who answers (whatever the dates)."""
    if consultation.is_per_structure:
        return structure_voted_for(consultation, user) is not None
    return consultation.includes(user)


def may_see_results(consultation, user) -> bool:
    if is_consultation_editor(user):
        return True
    return consultation.is_closed() and is_addressed_to(consultation, user)


def may_see_breakdown(consultation, user) -> bool:
    """The answer of each structure: never for secret results."""
    return not consultation.results_secret and may_see_results(consultation, user)


def may_name_voter(structure, user) -> bool:
    """The director of the structure, and editors."""
    if is_consultation_editor(user):
        return True
    return user.is_authenticated and structure.director_id == user.pk


def people_of(structure):
    return (
        get_user_model()
        .objects.filter(is_active=True, profile__structure=structure)
        .order_by("last_name", "first_name", "username")
    )
