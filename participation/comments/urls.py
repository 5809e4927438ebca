from django.urls import path

from participation.comments import views

app_name = "participation_comments"

urlpatterns = [
    path("pages/<id:page_id>/", views.page_comments, name="page_comments"),
    path("pages/<id:page_id>/personnes/", views.mention_candidates, name="mention_candidates"),
    path("<id:comment_id>/modifier/", views.comment_edit, name="edit"),
    path("<id:comment_id>/supprimer/", views.comment_delete, name="delete"),
    path("<id:comment_id>/masquer/", views.comment_hide, name="hide"),
]
