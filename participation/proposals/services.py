"""Writes of proposals: the review circle (workflow, task, reviewers' group, the collection
of files waiting for review), a proposal turned into a draft page and submitted, and its
resubmission after changes. Notifications follow from Wagtail's workflow signals
(`signals`)."""

import html
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from groups.models import Thematic
from home.roles import EDITORS_GROUP_NAME
from participation.proposals.models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    Proposal,
    ProposalKind,
    ThematicReviewTask,
)

WORKFLOW_NAME = "Relecture des propositions"
TASK_NAME = "Relecture par les chefs de file de la thématique"
REVIEWERS_GROUP_NAME = "Chefs de file · relecture des propositions"
PENDING_COLLECTION_NAME = "Propositions en attente de relecture"


class ProposalError(Exception):
    """A proposal refused for a reason the user must read (in French)."""


# The review circle ---------------------------------------------------------------------


def reviewers_group_sync() -> Group:
    """The chefs de file of every thematic, in one group that may open the admin (where
    they review) and nothing else: their rights on a proposal come from the task."""
    group, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP_NAME)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    wanted = set(
        get_user_model()
        .objects.filter(led_thematics__isnull=False)
        .values_list("pk", flat=True)
        .distinct()
    )
    current = set(group.user_set.values_list("pk", flat=True))
    if current - wanted:
        group.user_set.remove(*(current - wanted))
    if wanted - current:
        group.user_set.add(*(wanted - current))
    return group


def pending_collection() -> Collection:
    """Where proposed files wait, out of reach of all but editors and chefs de file (a
    draft's file must not be downloadable by its address); moved to the library's
    collection when the proposal is published."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PENDING_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=PENDING_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    wanted = {editors.pk, reviewers_group_sync().pk}
    if set(restriction.groups.values_list("pk", flat=True)) != wanted:
        restriction.groups.set(wanted)
        restriction.save()  # tells the visibility cache
    return collection


def proposal_workflow() -> Workflow:
    """The workflow proposals go through, with its one review task, assigned to the
    library and the good practices (where no other workflow is)."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = ThematicReviewTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = ThematicReviewTask.objects.create(name=TASK_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in _indexes():
        if not WorkflowPage.objects.filter(page=index).exists():
            WorkflowPage.objects.create(page=index, workflow=workflow)
    return workflow


def _indexes() -> list[Page]:
    from resources.models import ResourceIndexPage

    return [
        index
        for index in (ResourceIndexPage.objects.first(), GoodPracticeIndexPage.objects.first())
        if index is not None
    ]


def proposals_setup() -> Workflow:
    """Everything proposals rest on, created or repaired; safe to run at any time."""
    pending_collection()
    return proposal_workflow()


# Proposing ------------------------------------------------------------------------------


@dataclass
class ResourceData:
    title: str
    summary: str
    thematic: Thematic
    resource_type: object = None
    audience: str = ""
    description: str = ""


@dataclass
class GoodPracticeData:
    title: str
    summary: str
    thematic: Thematic
    structure: object
    context: str
    action: str
    results: str
    contact: str


def text_to_html(text: str) -> str:
    """Plain text typed in a form as rich text: paragraphs and line breaks, escaped."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "".join(
        "<p>{}</p>".format("<br/>".join(html.escape(line) for line in part.splitlines()))
        for part in paragraphs
    )


def html_to_text(value: str) -> str:
    """The reverse, for the edit form."""
    value = re.sub(r"<br\s*/?>", "\n", value or "")
    value = re.sub(r"</p>\s*", "\n\n", value)
    return html.unescape(re.sub(r"<[^>]+>", "", value)).strip()


def _structure_of(user):
    profile = getattr(user, "profile", None)
    return profile.structure if profile else None


def _existing(user, token) -> Proposal | None:
    return Proposal.objects.filter(proposer=user, submission_token=token).first()


def _create(user, token, kind, thematic, build) -> tuple[Proposal, bool]:
    """One proposal per form sent: the same token again returns the first proposal."""
    existing = _existing(user, token)
    if existing is not None:
        return existing, False
    workflow = proposals_setup()
    try:
        with transaction.atomic():
            # Two sendings of one form at once: the second waits here, then finds the first.
            get_user_model().objects.select_for_update().filter(pk=user.pk).first()
            existing = _existing(user, token)
            if existing is not None:
                return existing, False
            page = build()
            proposal = Proposal.objects.create(
                proposer=user, kind=kind, page=page, thematic=thematic, submission_token=token
            )
            workflow.start(page, user)
    except IntegrityError:
        existing = _existing(user, token)
        if existing is None:
            raise
        return existing, False
    return proposal, True


def _resource_document(user, title, file):
    Document = get_document_model()
    document = Document(
        title=title[:255], file=file, collection=pending_collection(), uploaded_by_user=user
    )
    document.save()
    return document


def _fill_resource(page, data: ResourceData) -> None:
    page.title = data.title
    page.summary = data.summary
    page.resource_type = data.resource_type
    page.audience = data.audience or page.audience
    page.body = text_to_html(data.description)
    page.thematics = [data.thematic]


def resource_propose(*, user, data: ResourceData, file, token) -> tuple[Proposal, bool]:
    """A resource proposed with its file: a draft resource page in the library, produced by
    the proposer's structure, submitted to the review. Returns (proposal, created)."""
    from resources.models import ResourceIndexPage, ResourcePage, ResourcePageDocument

    index = ResourceIndexPage.objects.first()
    if index is None:
        raise ProposalError(_("The resource library does not exist yet."))

    def build():
        page = ResourcePage(owner=user, live=False, producing_structure=_structure_of(user))
        _fill_resource(page, data)
        document = _resource_document(user, data.title, file)
        page.resource_documents = [ResourcePageDocument(document=document)]
        index.add_child(instance=page)
        page.save_revision(user=user)
        return page

    return _create(user, token, ProposalKind.RESOURCE, data.thematic, build)


def _fill_good_practice(page, data: GoodPracticeData) -> None:
    for field in ("title", "summary", "thematic", "structure", "context", "action", "results",
                  "contact"):  # fmt: skip
        setattr(page, field, getattr(data, field))


def good_practice_propose(*, user, data: GoodPracticeData, token) -> tuple[Proposal, bool]:
    """A good practice told in its frame: a draft page under « Bonnes pratiques »,
    submitted to the review. Returns (proposal, created)."""
    index = GoodPracticeIndexPage.objects.first()
    if index is None:
        raise ProposalError(_("Good practices cannot be proposed yet."))

    def build():
        page = GoodPracticePage(owner=user, live=False)
        _fill_good_practice(page, data)
        index.add_child(instance=page)
        page.save_revision(user=user)
        return page

    return _create(user, token, ProposalKind.GOOD_PRACTICE, data.thematic, build)


@transaction.atomic
def proposal_resubmit(*, proposal: Proposal, user, data, file=None) -> Proposal:
    """The proposer's new version after a request for changes: a new revision of the draft,
    and the review starts again. Refused unless changes were asked for (a second sending
    of the same form finds the proposal back in review)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.proposer_id != user.pk or not proposal.can_be_edited:
        raise ProposalError(_("This proposal is no longer waiting for your changes."))
    page = proposal.page.specific.get_latest_revision_as_object()
    if proposal.kind == ProposalKind.RESOURCE:
        _fill_resource(page, data)
        if file:
            link = page.resource_documents.first()
            document = link.document
            document.file = file
            document.title = data.title[:255]
            document.save()
    else:
        _fill_good_practice(page, data)
    page.save_revision(user=user)
    Proposal.objects.filter(pk=proposal.pk).update(thematic=data.thematic)
    state = WorkflowState.objects.filter(
        base_content_type=page.get_base_content_type(),
        object_id=str(page.pk),
        status=WorkflowState.STATUS_NEEDS_CHANGES,
    ).first()
    if state is None:
        raise ProposalError(_("This proposal is no longer waiting for your changes."))
    state.resume(user=user)
    proposal.refresh_from_db()
    return proposal


def proposal_publish_files(proposal: Proposal) -> None:
    """A published resource's files join the library's (root) collection."""
    from resources.models import ResourcePage

    page = ResourcePage.objects.filter(pk=proposal.page_id).first()
    if page is None:
        return
    pending = pending_collection()
    root = Collection.get_first_root_node()
    for link in page.resource_documents.select_related("document"):
        document = link.document
        if document.collection_id == pending.pk:
            document.collection = root
            document.save(update_fields=["collection"])
