"""Creating and updating pages through the API with the site's rules: the user must be
allowed to add (or edit) the page in Wagtail, every change is a revision, and publishing
goes through the page's moderation workflow when the user may not publish."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from rest_framework.exceptions import PermissionDenied, ValidationError

from api.exceptions import Conflict
from home.visibility import pages_viewable_in_admin


def _check_site_editor(user):
    """Pages are written on the site in Wagtail's admin: whoever may not enter it (a plain
    group member, say, whose page permissions serve only the admin's choosers) may not
    write pages through the API either."""
    if not user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied(_("Only group leads and editors may write pages."))


def parent_for_create(user, parent_id, page_class):
    _check_site_editor(user)
    parent = pages_viewable_in_admin(Page.objects.filter(pk=parent_id), user).first()
    if parent is None:
        raise ValidationError({"parent_id": [_("Unknown parent page.")]})
    parent = parent.specific
    if page_class not in parent.specific_class.allowed_subpage_models():
        raise ValidationError(
            {"parent_id": [_("This kind of page cannot be created under that page.")]}
        )
    if not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(_("You may not create pages under that page."))
    return parent


def editable_page(user, page_class, pk):
    _check_site_editor(user)
    page = pages_viewable_in_admin(page_class.objects.filter(pk=pk), user).first()
    if page is None:
        return None
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied(_("You may not edit this page."))
    lock = page.get_lock()
    if lock and lock.for_user(user):
        raise Conflict(_("This page is locked: it cannot be changed for now."))
    return page


def _validated(page):
    try:
        page.full_clean()
    except DjangoValidationError as error:
        if "slug" in error.message_dict:
            raise Conflict(
                _("A page with this address already exists here (sent twice?): %(errors)s")
                % {"errors": " ".join(error.message_dict["slug"])}
            ) from None
        raise ValidationError(error.message_dict) from None


def apply_action(page, revision, user, action: str) -> str:
    """Publish, submit to moderation, or keep the draft. Returns what was done."""
    perms = page.permissions_for_user(user)
    if action == "publish":
        if not perms.can_publish():
            raise PermissionDenied(
                _("You may not publish here: send action=submit to ask for moderation.")
            )
        revision.publish(user=user)
        return "published"
    if action == "submit":
        workflow = page.get_workflow()
        if workflow is None:
            raise ValidationError({"action": [_("No moderation workflow applies to this page.")]})
        if page.workflow_in_progress:
            raise Conflict(_("This page is already being moderated."))
        workflow.start(page, user)
        return "submitted"
    return "draft"


@transaction.atomic
def page_create(*, parent, page, user, action: str):
    page.slug = page.slug or slugify(page.title)[:200] or "page"
    page.owner = user
    page.live = False
    _validated_slug(parent, page)
    try:
        page = parent.add_child(instance=page)  # Wagtail validates the page as it saves
    except DjangoValidationError as error:
        raise ValidationError(error.message_dict) from None
    revision = page.save_revision(user=user, log_action=True)
    return page, revision, apply_action(page, revision, user, action)


def _validated_slug(parent, page):
    if not Page._slug_is_available(page.slug, parent, page):
        raise Conflict(
            _("A page with this address already exists here (sent twice?): “%(slug)s”.")
            % {"slug": page.slug}
        )


@transaction.atomic
def page_update(*, page, user, action: str):
    _validated(page)
    revision = page.save_revision(user=user, log_action=True)
    return revision, apply_action(page, revision, user, action)
