"""Anonymising a departed person: their pages, documents and actions stay, attributed to
« ancien·ne membre »; their personal fields are erased and the account can no longer log in.

`anonymisation_preview` says what will change (shown before the confirmation);
`anonymise` does it in one transaction and logs it (AnonymisationRecord, without the erased
values).
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.users.models import UserProfile

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from groups.models import Follow, JoinRequest, Membership, Profile
from legal.models import AnonymisationRecord

logger = logging.getLogger(__name__)

FORMER_FIRST_NAME = "ancien·ne"
FORMER_LAST_NAME = "membre"
FORMER_MEMBER = f"{FORMER_FIRST_NAME} {FORMER_LAST_NAME}"
ANONYMISE_PERMISSION = "legal.add_anonymisationrecord"


def former_username(user) -> str:
    return f"ancien-membre-{user.pk}"


def is_anonymised(user) -> bool:
    return user.get_username() == former_username(user)


@dataclass
class Preview:
    erased_fields: list[str] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    kept_pages: int = 0
    last_lead_of: list[str] = field(default_factory=list)


def check_may_anonymise(actor, person) -> None:
    if not actor.has_perm(ANONYMISE_PERMISSION):
        raise PermissionDenied
    if actor.pk == person.pk:
        raise PermissionDenied(_("You cannot anonymise your own account."))
    if person.is_superuser and not actor.is_superuser:
        raise PermissionDenied(_("Only an administrator may anonymise an administrator."))


def anonymisation_preview(person) -> Preview:
    preview = Preview()
    # Django's own field names (and their French translations).
    user_fields = get_user_model()._meta
    preview.erased_fields = [
        str(user_fields.get_field(name).verbose_name)
        for name in ("first_name", "last_name", "email", "username")
        if getattr(person, name)
    ]
    profile = Profile.objects.filter(user=person).first()
    if profile is not None:
        for name in ("job_title", "phone", "bio", "photo"):
            if getattr(profile, name):
                preview.erased_fields.append(str(Profile._meta.get_field(name).verbose_name))
    preview.removed = {
        _("working group memberships"): Membership.objects.filter(user=person).count(),
        _("requests to join a group"): JoinRequest.objects.filter(user=person).count(),
        _("follows"): Follow.objects.filter(user=person).count(),
        _("two-factor devices"): TOTPDevice.objects.filter(user=person).count()
        + StaticDevice.objects.filter(user=person).count(),
    }
    preview.kept_pages = Page.objects.filter(owner=person).count()
    for membership in Membership.objects.filter(user=person).leads().select_related("group"):
        others = membership.group.memberships.leads().exclude(user=person)
        if not others.exists():
            preview.last_lead_of.append(membership.group.title)
    return preview


@transaction.atomic
def anonymise(*, person, actor) -> AnonymisationRecord:
    check_may_anonymise(actor, person)
    preview = anonymisation_preview(person)
    User = get_user_model()
    person = User.objects.select_for_update().get(pk=person.pk)

    Membership.objects.filter(user=person).delete()
    JoinRequest.objects.filter(user=person).delete()
    Follow.objects.filter(user=person).delete()
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=person):
            device.delete()  # one by one: the post_delete signals forget cached answers
    person.groups.clear()
    person.user_permissions.clear()

    profile = Profile.objects.filter(user=person).first()
    if profile is not None:
        if profile.photo:
            profile.photo.delete(save=False)
        profile.job_title = profile.phone = profile.bio = ""
        profile.digest_frequency = Profile.DigestFrequency.OFF
        profile.save()
        profile.referent_thematics.clear()
    wagtail_profile = UserProfile.objects.filter(user=person).first()
    if wagtail_profile is not None and wagtail_profile.avatar:
        wagtail_profile.avatar.delete(save=False)
        wagtail_profile.avatar = None
        wagtail_profile.save()

    person.first_name = FORMER_FIRST_NAME
    person.last_name = FORMER_LAST_NAME
    person.email = ""
    person.username = former_username(person)
    person.is_active = False
    person.is_staff = False
    person.is_superuser = False
    person.set_unusable_password()
    # An unusable password also ends every open session (Django checks its hash).
    person.save()

    record = AnonymisationRecord.objects.create(
        account_id=person.pk,
        performed_by=actor,
        erased={
            "fields": preview.erased_fields,
            "removed": preview.removed,
            "kept_pages": preview.kept_pages,
            "at": timezone.now().isoformat(),
        },
    )
    logger.info("account %s anonymised by %s", person.pk, actor.pk)
    return record
