"""The groups app's part of « Mes données »: profile, digest preferences, memberships, join
requests and follows. Other people appear only as the titles of groups and thematics."""

from django.utils.translation import gettext as _

from groups.models import Follow, JoinRequest, Membership, Profile
from home.data_export import Section


def personal_data(user) -> list[Section]:
    profile = Profile.objects.select_related("structure").filter(user=user).first()
    profile_rows = []
    if profile is not None:
        profile_rows.append(
            [
                profile.structure.name if profile.structure else "",
                profile.job_title,
                profile.phone,
                profile.bio,
                profile.photo.name if profile.photo else "",
                ", ".join(t.name for t in profile.referent_thematics.all()),
                profile.get_digest_frequency_display(),
                profile.digest_sent_at,
            ]
        )
    memberships = Membership.objects.filter(user=user).select_related("group")
    requests = JoinRequest.objects.filter(user=user).select_related("group")
    follows = Follow.objects.filter(user=user).select_related("group", "thematic")
    return [
        Section(
            key="profil",
            title=_("Profile and digest preferences"),
            columns=[
                "structure",
                "fonction",
                "telephone",
                "presentation",
                "photo",
                "referent_pour",
                "lettre_d_information",
                "derniere_lettre_envoyee",
            ],  # fmt: skip
            rows=profile_rows,
        ),
        Section(
            key="groupes",
            title=_("Working group memberships"),
            columns=["groupe", "role", "depuis"],
            rows=[[m.group.title, m.get_role_display(), m.joined_at] for m in memberships],
        ),
        Section(
            key="demandes_d_adhesion",
            title=_("Requests to join a group"),
            columns=["groupe", "message", "statut", "envoyee_le", "decidee_le"],
            rows=[
                [r.group.title, r.message, r.get_status_display(), r.created_at, r.decided_at]
                for r in requests
            ],
        ),
        Section(
            key="abonnements",
            title=_("Follows"),
            columns=["suivi", "type", "depuis"],
            rows=[
                [
                    f.group.title if f.group else f.thematic.name,
                    _("working group") if f.group else _("thematic"),
                    f.created_at,
                ]
                for f in follows
            ],
        ),
    ]
