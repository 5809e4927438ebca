from .notifications import Notification, NotificationPreference

__all__ = ["Notification", "NotificationPreference"]
