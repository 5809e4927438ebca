from django.urls import path

from participation.notices import views

app_name = "participation_notices"

urlpatterns = [
    path("<id:notice_id>/lu/", views.acknowledge, name="acknowledge"),
]
