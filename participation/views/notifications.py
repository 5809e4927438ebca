"""The notifications page, marking read, and the delivery preferences per kind.

Every view reads only the requesting user's notifications: another person's notification
is « not found »."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from groups.models import Profile
from home.params import page_number
from participation import inbox
from participation.kinds import Channel, NotificationKind
from participation.models import Notification

PAGE_SIZE = 20


def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(page_number(request.GET))
    return render(
        request,
        "participation/notifications/list.html",
        {
            "notifications_page": page,
            "notifications": inbox.with_visibility(page.object_list, request.user),
            "has_unread": notifications.unread().exists(),
        },
    )


def notification_open(request, notification_id):
    """The link of each notification: marks it read, then goes where it points (GET or
    POST, so that it works as a plain link)."""
    notification = get_object_or_404(
        Notification.objects.for_user(request.user), pk=notification_id
    )
    inbox.mark_read(user=request.user, notification_ids=[notification.pk])
    [notification] = inbox.with_visibility([notification], request.user)
    if not notification.is_visible or not url_has_allowed_host_and_scheme(
        notification.url, {request.get_host()}, request.is_secure()
    ):
        messages.info(request, _("What this notification was about is no longer available."))
        return redirect("participation:notifications")
    return redirect(notification.url)


@require_POST
def notification_mark_read(request, notification_id):
    notification = get_object_or_404(
        Notification.objects.for_user(request.user), pk=notification_id
    )
    inbox.mark_read(user=request.user, notification_ids=[notification.pk])
    messages.success(request, _("The notification is marked as read."))
    return redirect(_back(request))


@require_POST
def notification_mark_all_read(request):
    count = inbox.mark_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    else:
        messages.info(request, _("You had no unread notification."))
    return redirect(_back(request))


def _back(request):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return "participation:notifications"


class PreferencesForm(forms.Form):
    """One choice of channel per kind of notification."""

    def __init__(self, *args, initial_channels, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Channel.choices,
                initial=initial_channels[kind.value],
                widget=forms.RadioSelect,
                error_messages={"required": gettext_lazy("Choose how you want to be told.")},
            )


def notification_preferences(request):
    channels = inbox.preferences_for(request.user)
    form = PreferencesForm(request.POST or None, initial_channels=channels)
    if request.method == "POST" and form.is_valid():
        inbox.preferences_set(user=request.user, channels=form.cleaned_data)
        messages.success(request, _("Your notification preferences have been saved."))
        return redirect("participation:notification_preferences")
    profile = Profile.objects.filter(user=request.user).first()
    frequency = profile.digest_frequency if profile else Profile.DigestFrequency.WEEKLY
    return render(
        request,
        "participation/notifications/preferences.html",
        {
            "form": form,
            "digest_off": frequency == Profile.DigestFrequency.OFF,
            "digest_frequency": Profile.DigestFrequency(frequency).label,
        },
    )
