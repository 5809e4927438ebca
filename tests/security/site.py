"""The site the permission matrix runs against: three working groups (open O, members-only
X and Y), one object of each kind, and one user of each role. Each object carries a word
found nowhere else (its token), so a surface shows the object exactly when the token is in
the response."""

import dataclasses
import datetime

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, PageViewRestriction, Workflow, WorkflowTask

from groups.follows import follow_set
from groups.models import Membership
from groups.services import membership_add
from home.roles import editors_group_sync
from sso.models import EmailDomainStructure
from strategy.models import PlanImport
from tests.factories import (
    ActionPageFactory,
    AxisPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrientationPageFactory,
    ProfileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StrategyPlanPageFactory,
    StructureFactory,
    ThematicFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.groups.conftest import jpeg_file
from tests.search.helpers import rebuild_search_index

# One made-up word per object kind, found nowhere else on the site. A surface shows an
# object when one of its titles (see TITLE_PREFIXES) appears: a search form that repeats the
# query, or a file name, never counts.
TOKENS = {
    "public_page": "ornitaupe",
    "private_page": "grivolane",
    "draft": "brouillanex",
    "unpublished_page": "retiravex",
    "old_revision": "anciennor",
    "restricted_document": "documystere",
    "document_version": "versionnel",
    "image": "imagixe",
    "rendition": "imagixe",
    "email_domain": "domainoxe",
    "plan_import": "importimex",
    "new_plan_import": "nouvelimex",
    "proposal": "propositex",
}
TITLE_PREFIXES = ["Actualité", "Ressource", "Événement", "Document", "Image", "Domaine", "Pratique"]
# The plans and actions of the PDF surface: titles only its probe looks for, so that the
# other surfaces' cells stay about news, resources and events.
PDF_TITLE_PREFIXES = ["Projet", "Fiche"]
PAGE_KINDS = ["public_page", "private_page", "draft", "unpublished_page", "old_revision"]


@dataclasses.dataclass
class MatrixSite:
    users: dict  # role -> user (AnonymousUser for "anonymous")
    pages: dict  # page kind -> {"news", "resource", "event"} -> page
    parents: dict  # page kind -> the page under which its pages are
    revisions: dict  # page kind -> the revision a preview shows
    document: object
    version: object
    image: object
    rendition: object
    event_index: object
    plans: dict  # page kind -> {"plan", "action"}: a plan and one of its actions
    plan_import: object = None  # a plan file uploaded by the editor, before confirmation
    new_plan_import: object = None  # the same, uploaded as a new plan under the home page
    proposal_document: object = None  # the file of the proposed resource


def _person(username, structure, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs), structure=structure).user


def _group(index, title, slug, visibility, thematic):
    group = WorkingGroupPageFactory(parent=index, title=title, slug=slug, visibility=visibility)
    group.thematics.add(thematic)
    group.save()  # a parental many-to-many is written on save
    return group


def _page_trio(parent, kind, thematic, **kwargs):
    """A news item, a resource and an event whose titles carry the kind's token, under
    `parent` (their slugs do not: an old title must not survive in a URL)."""
    token, slug = TOKENS[kind], kind.replace("_", "-")
    start = timezone.now() + datetime.timedelta(days=10)
    pages = {
        "news": NewsPageFactory(
            parent=parent, title=f"Actualité {token}", slug=f"actualite-{slug}", **kwargs
        ),
        "resource": ResourcePageFactory(
            parent=parent, title=f"Ressource {token}", slug=f"ressource-{slug}", **kwargs
        ),
        "event": EventPageFactory(
            parent=parent, title=f"Événement {token}", slug=f"evenement-{slug}", start=start,
            **kwargs,
        ),
    }  # fmt: skip
    for page in pages.values():
        page.thematics.add(thematic)
        page.save()
    return pages


def _plan_pair(home_page, kind, **kwargs):
    """A plan and an action below it (orientation and axis between), titled with the kind's
    token, for the PDF surface."""
    token, slug = TOKENS[kind], kind.replace("_", "-")
    plan = StrategyPlanPageFactory(
        parent=home_page, title=f"Projet {token}", slug=f"projet-{slug}", **kwargs
    )
    orientation = OrientationPageFactory(parent=plan, title="Orientation", **kwargs)
    axis = AxisPageFactory(parent=orientation, title="Axe", **kwargs)
    action = ActionPageFactory(parent=axis, title=f"Fiche {token}", **kwargs)
    return {"plan": plan, "action": action}


def _plans(home_page, group_x) -> dict:
    plans = {kind: _plan_pair(home_page, kind) for kind in PAGE_KINDS if kind != "draft"}
    plans["draft"] = _plan_pair(home_page, "draft", live=False)
    # Reserved to group X as its space is: the same groups as the group's own restriction.
    restriction = PageViewRestriction.objects.create(
        page=plans["private_page"]["plan"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(PageViewRestriction.objects.get(page=group_x).groups.all())
    for page in reversed(plans["unpublished_page"]["plan"].get_descendants(inclusive=True)):
        page.specific.unpublish()
    for name, page in plans["old_revision"].items():
        page.refresh_from_db()
        page.title = f"Titre renommé {name}"
        page.save_revision().publish()
    return plans


def _submit_for_moderation(pages, user) -> None:
    """Each kind's news item goes into a workflow whose one task editors review (the
    workflow reports and the dashboard's moderation panels list them)."""
    task = GroupApprovalTask.objects.create(name="Relecture de la matrice")
    task.groups.add(editors_group_sync())
    workflow = Workflow.objects.create(name="Circuit de la matrice")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for trio in pages.values():
        news = trio["news"]
        news.refresh_from_db()
        workflow.start(news, user)


def build_matrix_site(home_page) -> MatrixSite:
    thematic = ThematicFactory(name="Justice", slug="justice")
    NewsIndexPageFactory(parent=home_page)
    event_index = EventIndexPageFactory(parent=home_page)
    ResourceIndexPageFactory(parent=home_page)
    group_index = WorkingGroupIndexPageFactory(parent=home_page)
    open_group = _group(group_index, "Groupe ouvert", "groupe-ouvert", "network", thematic)
    group_x = _group(group_index, "Groupe X", "groupe-x", "members", thematic)
    group_y = _group(group_index, "Groupe Y", "groupe-y", "members", thematic)

    structure_a = StructureFactory(name="Mission Locale A")
    users = {
        "anonymous": AnonymousUser(),
        "professional_a": _person("pro-a", structure_a),
        "member_x": _person("membre-x", structure_a),
        "lead_x": _person("animateur-x", structure_a),
        "member_y": _person("membre-y", structure_a),
        "lead_y": _person("animateur-y", structure_a),
        "editor": _person("editrice", structure_a),
        "admin": _person("admin", structure_a, is_superuser=True, is_staff=True),
    }
    users["editor"].groups.add(editors_group_sync())
    membership_add(group=group_x, user=users["member_x"])
    membership_add(group=group_x, user=users["lead_x"], role=Membership.Role.LEAD)
    membership_add(group=group_y, user=users["member_y"])
    membership_add(group=group_y, user=users["lead_y"], role=Membership.Role.LEAD)
    for role, user in users.items():
        if role != "anonymous":
            follow_set(user=user, thematic=thematic, follow=True)

    # « Mes données » lists the pages a person answers for, and the documents they uploaded.
    owner = users["professional_a"]
    parents = dict.fromkeys(PAGE_KINDS, open_group)
    parents["private_page"] = group_x
    pages = {
        "public_page": _page_trio(open_group, "public_page", thematic, content_owner=owner),
        "private_page": _page_trio(group_x, "private_page", thematic, content_owner=owner),
        "draft": _page_trio(open_group, "draft", thematic, live=False, content_owner=owner),
        "unpublished_page": _page_trio(open_group, "unpublished_page", thematic),
        "old_revision": _page_trio(open_group, "old_revision", thematic),
    }
    revisions = {}
    for kind, trio in pages.items():
        for name, page in trio.items():
            revision = page.save_revision()
            if kind in ("public_page", "private_page", "unpublished_page", "old_revision"):
                revision.publish()
            if name == "news":
                revisions[kind] = revision
    for page in pages["unpublished_page"].values():
        page.refresh_from_db()
        page.unpublish()
    for name, page in pages["old_revision"].items():
        page.refresh_from_db()
        page.title = f"Titre renommé {name}"
        page.save_revision().publish()

    _submit_for_moderation(pages, users["admin"])
    document = get_document_model()(
        title=f"Document {TOKENS['restricted_document']}",
        file=ContentFile(b"premier contenu", name="compte-rendu.txt"),
        collection=group_x.collection,
        uploaded_by_user=users["lead_x"],
    )
    document.save()
    document.file = ContentFile(b"second contenu", name="compte-rendu-v2.txt")
    document.save()  # the first file becomes a version
    image = get_image_model().objects.create(
        title=f"Image {TOKENS['image']}",
        file=jpeg_file("photo.jpg"),
        collection=group_x.collection,
        width=40,
        height=30,
    )
    # The SSO table « email domain → structure »: its structure's name carries the token.
    EmailDomainStructure.objects.create(
        domain=f"{TOKENS['email_domain']}.test",
        structure=StructureFactory(name=f"Domaine {TOKENS['email_domain']}"),
    )
    plans = _plans(home_page, group_x)
    plan_import = _plan_import(home_page, users["editor"])
    pages["proposal"], parents["proposal"] = _proposals(home_page, owner, thematic)
    revisions["proposal"] = pages["proposal"]["resource"].get_latest_revision()
    proposal_document = pages["proposal"]["resource"].resource_documents.get().document
    rebuild_search_index()
    return MatrixSite(
        users=users,
        pages=pages,
        parents=parents,
        revisions=revisions,
        document=document,
        version=document.versions.get(),
        image=image,
        rendition=image.get_rendition("fill-20x20"),
        event_index=event_index,
        plans=plans,
        plan_import=plan_import,
        new_plan_import=_new_plan_import(home_page, users["editor"]),
        proposal_document=proposal_document,
    )


def _proposals(home_page, proposer, thematic):
    """A resource and a good practice proposed by professional A, waiting for review."""
    import uuid

    from participation.proposals.models import GoodPracticeIndexPage
    from participation.proposals.services import (
        GoodPracticeData,
        ResourceData,
        good_practice_propose,
        resource_propose,
    )
    from resources.models import ResourceIndexPage

    home_page.add_child(instance=GoodPracticeIndexPage(title="Bonnes pratiques"))
    token = TOKENS["proposal"]
    resource, _created = resource_propose(
        user=proposer,
        data=ResourceData(title=f"Ressource {token}", summary="Un guide.", thematic=thematic),
        file=ContentFile(b"Un guide propose.", name="guide.txt"),
        token=uuid.uuid4(),
    )
    practice, _created = good_practice_propose(
        user=proposer,
        data=GoodPracticeData(title=f"Pratique {token}", summary="Une pratique.",
                              thematic=thematic, structure=None, context="Contexte.",
                              action="Action.", results="Résultats.", contact="Contact."),
        token=uuid.uuid4(),
    )  # fmt: skip
    pages = {"resource": resource.page.specific, "practice": practice.page.specific}
    return pages, ResourceIndexPage.objects.get()


def _new_plan_import(home_page, uploader):
    """A plan file uploaded through « Importer un projet associatif », not confirmed yet."""
    content = (f"Projet nouveau de la matrice\n\nObjectif 1 : Document "
               f"{TOKENS['new_plan_import']}\n- Une action\n").encode()  # fmt: skip
    return PlanImport.objects.create(parent=home_page, user=uploader, file_name="nouveau.txt",
                                     content=content, sha256="0" * 64)  # fmt: skip


def _plan_import(home_page, uploader):
    """A plan file that its uploader has not confirmed yet: its levels step and its preview
    show the file's tree (an objective titled « Document importimex »)."""
    plan = StrategyPlanPageFactory(parent=home_page, title="Projet de la matrice", sections=[])
    content = (f"Projet de la matrice\n\nObjectif 1 : Document {TOKENS['plan_import']}\n"
               "- Une action\n").encode()  # fmt: skip
    return PlanImport.objects.create(plan=plan, user=uploader, file_name="projet.txt",
                                     content=content, sha256="0" * 64)  # fmt: skip
