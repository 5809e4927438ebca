from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups.follows import digest_unsubscribe, follow_set, user_from_unsubscribe_token
from groups.models import Follow, Profile, Thematic, WorkingGroupPage
from groups.selectors import feed_for
from home.visibility import page_is_visible_to


def _next(request, default):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


@require_POST
def follow(request, kind, target_id):
    wanted = request.POST.get("follow") == "1"
    if kind == "thematique":
        target = get_object_or_404(Thematic, pk=target_id)
        follow_set(user=request.user, thematic=target, follow=wanted)
        back = getattr(getattr(target, "hub_page", None), "url", None) or "/"
    elif kind == "groupe":
        target = get_object_or_404(WorkingGroupPage, pk=target_id)
        if not page_is_visible_to(target, request.user):
            raise Http404
        follow_set(user=request.user, group=target, follow=wanted)
        back = target.url
    else:
        raise Http404
    if wanted:
        messages.success(request, _("You follow “%(name)s”.") % {"name": target})
    else:
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": target})
    return redirect(_next(request, back))


def feed(request):
    """ "Mon fil": what is new in what the user follows, and their digest preference."""
    profile = Profile.objects.filter(user=request.user).first()
    if request.method == "POST":
        frequency = request.POST.get("digest_frequency")
        if frequency in Profile.DigestFrequency.values:
            profile, _created = Profile.objects.get_or_create(user=request.user)
            profile.digest_frequency = frequency
            profile.save(update_fields=["digest_frequency"])
            messages.success(request, _("Your email preference has been saved."))
        else:
            messages.error(request, _("Choose how often you want to receive the digest."))
        return redirect("groups:feed")
    visible_groups = WorkingGroupPage.objects.visible_to(request.user)
    follows = (
        Follow.objects.filter(user=request.user)
        .filter(Q(group=None) | Q(group__in=visible_groups))
        .select_related("thematic", "group")
    )
    return render(
        request,
        "groups/feed.html",
        {
            "items": feed_for(request.user),
            "follows": follows,
            "frequency": profile.digest_frequency if profile else Profile.DigestFrequency.WEEKLY,
            "frequencies": Profile.DigestFrequency.choices,
        },
    )


@login_not_required
def unsubscribe(request, token):
    """The link of every digest: works without logging in, confirms with a POST."""
    user = user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "groups/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        digest_unsubscribe(user=user)
        return render(request, "groups/unsubscribe.html", {"done": True})
    return render(request, "groups/unsubscribe.html", {"token": token})
