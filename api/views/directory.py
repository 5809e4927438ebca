"""Groups, structures and people, with the directory's rules (groups.views.directory)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.serializers.directory import group_data, person_data, structure_data
from api.views.base import TrameAPIView
from groups.forms import PeopleFilterForm
from groups.models import Membership, NetworkDirectoryPage, Profile, Structure, WorkingGroupPage


class GroupList(TrameAPIView):
    @extend_schema(summary="Groupes de travail visibles", responses=OpenApiTypes.OBJECT)
    def get(self, request):
        groups = (
            WorkingGroupPage.objects.visible_to(request.user)
            .with_member_counts()
            .prefetch_related("thematics")
            .order_by("title")
        )
        mine = frozenset(
            Membership.objects.filter(user=request.user).values_list("group_id", flat=True)
        )
        return self.paginate(groups, lambda g: group_data(g, request, member_ids=mine))


class StructureList(TrameAPIView):
    @extend_schema(summary="Structures du réseau", responses=OpenApiTypes.OBJECT)
    def get(self, request):
        return self.paginate(Structure.objects.filter(is_active=True), structure_data)


class StructureDetail(TrameAPIView):
    @extend_schema(summary="Une structure", responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        structure = Structure.objects.filter(is_active=True, pk=pk).first()
        if structure is None:
            raise Http404
        return Response(structure_data(structure))


def _profile_url(directory, user_id):
    return (
        directory.url + directory.reverse_subpage("person", args=[user_id]) if directory else None
    )


PEOPLE_PARAMS = [
    OpenApiParameter("q", str, description="Nom, prénom ou fonction."),
    OpenApiParameter("structure", int, description="Identifiant de structure."),
    OpenApiParameter("thematic", int, description="Référent·e de cette thématique."),
    OpenApiParameter("group", int, description="Membre de ce groupe (parmi ceux visibles)."),
]


class PeopleList(TrameAPIView):
    @extend_schema(summary="Annuaire", parameters=PEOPLE_PARAMS, responses=OpenApiTypes.OBJECT)
    def get(self, request):
        groups = list(WorkingGroupPage.objects.visible_to(request.user).order_by("title"))
        params = {
            k: v for k, v in request.query_params.items() if k in PeopleFilterForm.base_fields
        }
        form = PeopleFilterForm(params or None, groups=groups)
        profiles = (
            Profile.objects.filter(user__is_active=True)
            .select_related("user", "structure")
            .prefetch_related("referent_thematics")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        if form.is_bound and not form.is_valid():
            raise ValidationError(form.errors)
        if form.is_bound:
            data = form.cleaned_data
            for word in data["q"].split()[:5]:
                profiles = profiles.filter(
                    Q(user__first_name__icontains=word)
                    | Q(user__last_name__icontains=word)
                    | Q(job_title__icontains=word)
                )
            if data["structure"]:
                profiles = profiles.filter(structure=data["structure"])
            if data["thematic"]:
                profiles = profiles.filter(referent_thematics=data["thematic"])
            if data["group"]:
                # Only among the groups the caller may view (the form's choices).
                profiles = profiles.filter(user__working_group_memberships__group_id=data["group"])
        directory = NetworkDirectoryPage.objects.live().first()
        return self.paginate(
            profiles.distinct(),
            lambda p: person_data(p, request, profile_url=_profile_url(directory, p.user_id)),
        )


class PersonDetail(TrameAPIView):
    @extend_schema(
        summary="Une personne",
        description="Ses groupes de travail sont ceux que l'appelant peut voir.",
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, pk):
        user = get_user_model().objects.filter(pk=pk, is_active=True).first()
        if user is None:
            raise Http404
        profile = getattr(user, "profile", None) or Profile(user=user)  # never written here
        memberships = (
            user.working_group_memberships.filter(
                group__in=WorkingGroupPage.objects.visible_to(request.user)
            )
            .select_related("group")
            .order_by("group__title")
        )
        directory = NetworkDirectoryPage.objects.live().first()
        data = person_data(profile, request, profile_url=_profile_url(directory, user.pk))
        data["groups"] = [
            {"id": m.group_id, "title": m.group.title, "role": m.role} for m in memberships
        ]
        return Response(data)
