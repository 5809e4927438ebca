"""Site-wide roles as code: the editors' group and its permissions, kept in sync idempotently."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS_GROUP_NAME = "Éditeurs"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "wagtailimages": ["add_image", "change_image", "choose_image"],
}
EDITOR_MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "groups": [
        "add_structure",
        "change_structure",
        "delete_structure",
        "add_thematic",
        "change_thematic",
        "delete_thematic",
        # The directory: each person's structure, job and job role; the list of job roles.
        "view_profile",
        "change_profile",
        "add_jobrole",
        "change_jobrole",
        "delete_jobrole",
    ],  # fmt: skip
    "strategy": ["add_indicator", "change_indicator", "delete_indicator"],
    # The library's editable list of resource types, and its visibility report.
    "resources": [
        "add_resourcetype",
        "change_resourcetype",
        "delete_resourcetype",
        "view_resourceviewday",
    ],
    # Search: the synonyms list, the search report, the index health, the editors' picks.
    "search": [
        "add_synonymgroup",
        "change_synonymgroup",
        "delete_synonymgroup",
        "view_searchqueryday",
        "view_indexcheck",
    ],
    # Single sign-on: the table « email domain → structure » (sso/).
    "sso": [
        "add_emaildomainstructure",
        "change_emaildomainstructure",
        "delete_emaildomainstructure",
    ],
    # Accessibility reports from readers; anonymising a departed person (legal/).
    "legal": ["view_barrierreport", "change_barrierreport", "add_anonymisationrecord"],
    # The labelling referential (labelling/): its chapters come inline, its criteria apart.
    "labelling": [
        "add_referential",
        "change_referential",
        "delete_referential",
        "add_criterion",
        "change_criterion",
        "delete_criterion",
    ],
    # Login lockouts (home/lockouts.py): see them and unlock an account.
    "axes": ["view_accessattempt", "delete_accessattempt"],
    # Consultations of the structures and surveys (participation/consultations/).
    "participation_consultations": [
        "add_consultation",
        "change_consultation",
        "delete_consultation",
    ],
    # Must-read notices (participation/notices): create them, read their reach, remind.
    "participation_notices": [
        "add_mustread",
        "change_mustread",
        "delete_mustread",
        "view_mustread",
    ],
    "wagtailsearchpromotions": [
        "add_searchpromotion",
        "change_searchpromotion",
        "delete_searchpromotion",
    ],
}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def editors_group_sync() -> Group:
    """Create or complete the editors' group: edit and publish the whole tree, manage
    documents, images and the network's structures. Never removes what was added by hand."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    for app_label, codenames in EDITOR_MODEL_PERMISSIONS.items():
        group.permissions.add(*(_permission(app_label, codename) for codename in codenames))

    root_page = Page.get_first_root_node()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=_permission("wagtailcore", codename)
        )

    root_collection = Collection.get_first_root_node()
    for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(app_label, codename),
            )
    return group
