"""The network directory ("Le réseau"): structures with their people, the people search,
profile pages and editing one's own profile. The number of queries of each page does not
depend on the number of people."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from groups.forms import PeopleFilterForm, ProfileForm
from groups.models import NetworkDirectoryPage, Profile, Structure, WorkingGroupPage
from groups.selectors import NEWEST_FIRST, people_prefetch, visible_pages
from home.params import page_number

PEOPLE_PER_PAGE = 30


def structures(request, page):
    structure_list = (
        Structure.objects.filter(is_active=True)
        .select_related("space")
        .prefetch_related(people_prefetch())
    )
    return page.render(
        request,
        template="groups/directory/structures.html",
        context_overrides={"structures": structure_list},
    )


def people(request, page):
    groups = list(WorkingGroupPage.objects.visible_to(request.user).order_by("title"))
    form = PeopleFilterForm(request.GET or None, groups=groups)
    profiles = (
        Profile.objects.filter(user__is_active=True)
        .select_related("user", "structure", "job_role")
        .prefetch_related("referent_thematics")
        .order_by("user__last_name", "user__first_name")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            for word in data["q"].split()[:5]:
                profiles = profiles.filter(
                    Q(user__first_name__icontains=word)
                    | Q(user__last_name__icontains=word)
                    | Q(job_title__icontains=word)
                    | Q(job_role__name__icontains=word)
                )
        if data["structure"]:
            profiles = profiles.filter(structure=data["structure"])
        if data["job_role"]:
            profiles = profiles.filter(job_role=data["job_role"])
        if data["thematic"]:
            profiles = profiles.filter(referent_thematics=data["thematic"])
        if data["group"]:
            # Only among the groups this user may view (the form's choices).
            profiles = profiles.filter(user__working_group_memberships__group_id=data["group"])
    elif form.is_bound:
        profiles = profiles.none()  # e.g. a group the user may not view: no result, no leak
    number = page_number(request.GET)
    results = Paginator(profiles.distinct(), PEOPLE_PER_PAGE).get_page(number)
    response = page.render(
        request,
        template="groups/directory/people.html",
        context_overrides={"form": form, "people_page": results},
    )
    if form.errors:
        response.status_code = 400  # the form shows what is wrong, next to the filter
    return response


def person(request, page, user_id):
    person_user = (
        get_user_model()
        .objects.filter(pk=user_id, is_active=True)
        .select_related("profile__structure", "profile__job_role")
        .first()
    )
    if person_user is None:
        raise Http404
    profile = getattr(person_user, "profile", None)
    memberships = (
        person_user.working_group_memberships.filter(
            group__in=WorkingGroupPage.objects.visible_to(request.user)
        )
        .select_related("group")
        .order_by("group__title")
    )
    published = (
        visible_pages(request.user).filter(owner=person_user).order_by(NEWEST_FIRST).specific()[:10]
    )
    return page.render(
        request,
        template="groups/directory/person.html",
        context_overrides={
            "person": person_user,
            "profile": profile,
            "thematics": list(profile.referent_thematics.all()) if profile else [],
            "memberships": memberships,
            "published": published,
        },
    )


def profile_edit(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=profile, user=request.user
    )
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect("groups:profile_edit")
        messages.error(request, _("Please correct the errors below."))
    directory = NetworkDirectoryPage.objects.live().first()
    return render(
        request,
        "groups/profile_edit.html",
        {"form": form, "profile": profile, "directory": directory},
        status=400 if form.errors else 200,
    )
