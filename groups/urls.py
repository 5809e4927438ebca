from django.urls import path

from groups.views import directory, documents, follows, membership, spaces

app_name = "groups"

urlpatterns = [
    path("mon-profil/", directory.profile_edit, name="profile_edit"),
    path("mon-fil/", follows.feed, name="feed"),
    path("suivre/<str:kind>/<id:target_id>/", follows.follow, name="follow"),
    path("lettre/desabonnement/<str:token>/", follows.unsubscribe, name="digest_unsubscribe"),
    path("groupes/<id:group_id>/rejoindre/", membership.join, name="join"),
    path("groupes/<id:group_id>/quitter/", membership.leave, name="leave"),
    path("groupes/<id:group_id>/documents/", documents.document_add, name="document_add"),
    path("groupes/<id:group_id>/membres/ajouter/", membership.member_add, name="member_add"),
    path(
        "groupes/<id:group_id>/membres/<id:user_id>/retirer/",
        membership.member_remove,
        name="member_remove",
    ),
    path(
        "groupes/<id:group_id>/membres/<id:user_id>/role/",
        membership.member_role,
        name="member_role",
    ),
    path("structures/<id:space_id>/equipe/", spaces.team, name="space_team"),
    path("structures/<id:space_id>/equipe/ajouter/", spaces.editor_add, name="space_editor_add"),
    path(
        "structures/<id:space_id>/equipe/<id:user_id>/retirer/",
        spaces.editor_remove,
        name="space_editor_remove",
    ),
    path(
        "groupes/<id:group_id>/demandes/<id:request_id>/",
        membership.join_request_decision,
        name="join_request_decision",
    ),
]
