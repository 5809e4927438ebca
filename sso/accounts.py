"""First and later sign-ins: find, link or create the Trame account for the provider's
claims. Only a verified email links or creates an account; rights come from Trame, never
from a claim unless the administrator configured a role value for the editors."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from groups.models import Profile, Structure
from home.roles import EDITORS_GROUP_NAME, editors_group_sync

from .claims import email_is_verified, email_of, names_of, values_of
from .models import EmailDomainStructure, ProviderIdentity

logger = logging.getLogger(__name__)


class SignInRefused(Exception):
    """The provider vouched for someone Trame will not let in; the message is for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def account_for_claims(claims: dict, issuer: str):
    subject = claims.get("sub")
    email = email_of(claims)
    if not isinstance(subject, str) or not subject:
        raise SignInRefused(_("The identity provider did not say who you are (no subject)."))
    if not email:
        raise SignInRefused(_("The identity provider did not send your email address."))
    if not email_is_verified(claims):
        raise SignInRefused(
            _(
                "Your email address %(email)s is not verified by the identity provider, so "
                "Trame cannot sign you in. Verify it with the provider, then try again."
            )
            % {"email": email}
        )
    identity = (
        ProviderIdentity.objects.select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    created = False
    if identity is None:
        user, created = _linked_or_new_user(email, claims)
        if ProviderIdentity.objects.filter(issuer=issuer, user=user).exists():
            raise SignInRefused(
                _(
                    "The Trame account of %(email)s is already linked to another identity of "
                    "the provider. Ask an administrator."
                )
                % {"email": email}
            )
        identity = ProviderIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    else:
        identity.save(update_fields=["last_login_at"])
    user = identity.user
    if not user.is_active:
        raise SignInRefused(_("This Trame account is deactivated. Ask an administrator."))
    _apply_claims(user, email, claims, created=created)
    return user


def _linked_or_new_user(email: str, claims: dict):
    User = get_user_model()
    matches = list(User.objects.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise SignInRefused(
            _(
                "Several Trame accounts use the address %(email)s: an administrator must keep "
                "only one before you can sign in with the identity provider."
            )
            % {"email": email}
        )
    if matches:
        return matches[0], False
    first_name, last_name = names_of(claims)
    user = User.objects.create_user(
        _free_username(email), email=email, first_name=first_name, last_name=last_name
    )
    # No password: this account signs in through the provider only.
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user, True


def _free_username(email: str) -> str:
    User = get_user_model()
    base = email[:140]
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _apply_claims(user, email: str, claims: dict, *, created: bool) -> None:
    first_name, last_name = names_of(claims)
    changed = [
        field
        for field, value in (("first_name", first_name), ("last_name", last_name))
        if value and not getattr(user, field)
    ]
    for field in changed:
        setattr(user, field, first_name if field == "first_name" else last_name)
    if changed:
        user.save(update_fields=changed)

    profile, _created = Profile.objects.get_or_create(user=user)
    from_claim = _structure_from_claim(claims)
    structure = from_claim or _structure_from_domain(email)
    # The provider's structure is authoritative; the domain table only fills an empty one.
    fill = structure and (from_claim or profile.structure_id is None)
    if fill and profile.structure_id != structure.pk:
        profile.structure = structure
        profile.save(update_fields=["structure"])

    editor_values = set(settings.TRAME_OIDC_EDITOR_ROLE_VALUES)
    if editor_values and editor_values & set(values_of(claims, "TRAME_OIDC_CLAIM_ROLE")):
        group = Group.objects.filter(name=EDITORS_GROUP_NAME).first() or editors_group_sync()
        user.groups.add(group)


def _structure_from_claim(claims: dict):
    for value in values_of(claims, "TRAME_OIDC_CLAIM_STRUCTURE"):
        value = value.strip()
        structure = (
            Structure.objects.filter(is_active=True, name__iexact=value).first()
            or Structure.objects.filter(is_active=True, short_name__iexact=value).first()
        )
        if structure:
            return structure
        logger.info("OIDC structure claim %r matches no active structure", value)
    return None


def _structure_from_domain(email: str):
    domain = email.rpartition("@")[2]
    mapping = (
        EmailDomainStructure.objects.select_related("structure")
        .filter(domain=domain, structure__is_active=True)
        .first()
    )
    return mapping.structure if mapping else None
