from django.urls import path

from strategy import space_views

app_name = "strategy_spaces"

urlpatterns = [
    path(
        "structures/<id:space_id>/projet/creer/",
        space_views.plan_create,
        name="plan_create",
    ),
]
