from django.urls import path

from participation.proposals import views

app_name = "proposals"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("ressource/", views.propose_resource, name="propose_resource"),
    path("bonne-pratique/", views.propose_good_practice, name="propose_good_practice"),
    path("<id:proposal_id>/modifier/", views.edit, name="edit"),
]
