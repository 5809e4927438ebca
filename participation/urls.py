from django.urls import path

from participation.views import notifications

app_name = "participation"

urlpatterns = [
    path("", notifications.notification_list, name="notifications"),
    path("preferences/", notifications.notification_preferences, name="notification_preferences"),
    path("tout-lu/", notifications.notification_mark_all_read, name="notifications_read_all"),
    path("<id:notification_id>/", notifications.notification_open, name="notification_open"),
    path(
        "<id:notification_id>/lu/", notifications.notification_mark_read, name="notification_read"
    ),
]
