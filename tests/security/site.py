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
from groups.spaces import structure_editor_add, structure_space_create
from home.roles import editors_group_sync
from participation.comments.services import comment_post
from participation.notices.models import MustRead
from sso.models import EmailDomainStructure
from strategy.models import PlanImport
from tests.factories import (
    ActionPageFactory,
    AxisPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NetworkDirectoryPageFactory,
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
from tests.security.matrix import ROLES

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
    "consultation_results": "consultix",
    "notification": "notifixe",
    "must_read": "lisavex",
    "comment": "commentaxe",
    "structure_private_page": "structuronde",
    "structure_private_document": "docustructa",
    "self_assessment": "autoevalix",
    "proposal": "propositex",
}
TITLE_PREFIXES = [
    "Actualité", "Ressource", "Événement", "Document", "Image", "Domaine", "Consultation",
    "Commentaire", "Page", "Pratique",
]  # fmt: skip
DOCUMENT_KINDS = ("restricted_document", "structure_private_document")
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
    regional_plan: object = None  # the plan whose roll-up lists the plans above
    plan_import: object = None  # a plan file uploaded by the editor, before confirmation
    new_plan_import: object = None  # the same, uploaded as a new plan under the home page
    consultations: dict = dataclasses.field(default_factory=dict)  # "other", "secret"
    notification: object = None  # professional A's notification
    must_read: object = None  # a notice to the whole network on a resource of group X
    comment: object = None  # a comment by a member of X on the news item of group X
    self_assessment: object = None  # structure S's labelling self-assessment
    documents: dict = dataclasses.field(default_factory=dict)  # document kind -> document
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
    token, for the PDF surface; the plan of a member structure, for the roll-up."""
    token, slug = TOKENS[kind], kind.replace("_", "-")
    structure = StructureFactory(name=f"Mission Locale de la matrice ({slug})")
    plan = StrategyPlanPageFactory(
        parent=home_page,
        title=f"Projet {token}",
        slug=f"projet-{slug}",
        structure=structure,
        **kwargs,
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
    structure_s = StructureFactory(name="Structure S")
    structure_t = StructureFactory(name="Structure T")
    for role, structure in (("member_s", structure_s), ("editor_s", structure_s),
                            ("editor_t", structure_t)):  # fmt: skip
        users[role] = _person(role.replace("_", "-"), structure)
    # Reorder as the matrix lists the roles.
    users = {role: users[role] for role in ROLES}
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
    consultations = _consultations(structure_a)
    notification = _notifications(users, pages)
    comment = comment_post(
        page=pages["private_page"]["news"],
        author=users["member_x"],
        text=f"Commentaire {TOKENS['comment']} : le covoiturage reprend lundi.",
    )
    structure_page, structure_document = _structure_spaces(
        home_page, users, structure_s, structure_t
    )
    pages["structure_private_page"] = {"page": structure_page}
    parents["structure_private_page"] = structure_page.get_parent()
    revisions["structure_private_page"] = structure_page.save_revision()
    revisions["structure_private_page"].publish()
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
        regional_plan=StrategyPlanPageFactory(
            parent=home_page, title="Projet régional de la matrice", slug="projet-regional"
        ),
        plan_import=plan_import,
        new_plan_import=_new_plan_import(home_page, users["editor"]),
        documents={
            "restricted_document": document,
            "structure_private_document": structure_document,
        },
        comment=comment,
        consultations=consultations,
        notification=notification,
        must_read=_must_read(group_x, users["editor"]),
        self_assessment=_self_assessment(structure_s),
        proposal_document=proposal_document,
    )


def _self_assessment(structure):
    """Structure S's self-assessment; its comment carries the kind's token."""
    from labelling.models import Chapter, Criterion, CriterionAnswer, Referential, SelfAssessment

    referential = Referential.objects.create(title="Référentiel de la matrice", is_current=True)
    chapter = Chapter.objects.create(referential=referential, number="1", title="Accueillir")
    criterion = Criterion.objects.create(chapter=chapter, number="1.1", title="Délai d'accueil")
    assessment = SelfAssessment.objects.create(
        structure=structure, referential=referential, year=2026
    )
    CriterionAnswer.objects.create(
        assessment=assessment,
        criterion=criterion,
        level=2,
        comment=f"Autoévaluation {TOKENS['self_assessment']} : délai suivi chaque trimestre.",
    )
    return assessment


def _notifications(users, pages):
    """Everybody was notified of each news item when it was new (whether they may view it
    now is for the list to check), and professional A has a notification of their own."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    from participation.kinds import NotificationKind
    from participation.models import Notification

    page_type = ContentType.objects.get_for_model(Page)
    people = [user for user in users.values() if user.is_authenticated]
    for kind in ("public_page", "private_page", "draft", "unpublished_page"):
        news = pages[kind]["news"]
        Notification.objects.bulk_create(
            Notification(recipient=user, kind=NotificationKind.FOLLOWED_CONTENT,
                         message=f"Actualité {TOKENS[kind]}", url=news.url or "/",
                         target_type=page_type, target_id=str(news.pk))
            for user in people
        )  # fmt: skip
    return Notification.objects.create(
        recipient=users["professional_a"],
        kind=NotificationKind.MENTION,
        message=f"Actualité {TOKENS['notification']}",
        url="/",
    )


def _must_read(group_x, editor):
    """« À lire » for the whole network, on a resource of group X: only those who may view
    it are reached. Its page is titled with the kind's own token."""
    page = ResourcePageFactory(
        parent=group_x, title=f"Ressource {TOKENS['must_read']}", slug="ressource-a-lire"
    )
    return MustRead.objects.create(
        page=page,
        message="À lire avant la prochaine réunion.",
        deadline=timezone.localdate() + datetime.timedelta(days=7),
        created_by=editor,
    )


def _structure_spaces(home_page, users, structure_s, structure_t):
    """The spaces of structures S and T, each with its named editor; a page under S's
    reserved page and a document of S's reserved collection, uploaded by S's editor."""
    directory = NetworkDirectoryPageFactory(parent=home_page, title="Le réseau", slug="le-reseau")
    space_s = structure_space_create(structure=structure_s, parent=directory)
    structure_space_create(structure=structure_t, parent=directory)
    structure_editor_add(structure=structure_s, user=users["editor_s"], by=users["editor"])
    structure_editor_add(structure=structure_t, user=users["editor_t"], by=users["editor"])
    token = TOKENS["structure_private_page"]
    page = ContentPageFactory(
        parent=space_s.private_page, title=f"Page {token}", slug="compte-rendu"
    )
    document = get_document_model()(
        title=f"Document {TOKENS['structure_private_document']}",
        file=ContentFile(b"budget de la structure", name="budget.txt"),
        collection=space_s.private_collection,
        uploaded_by_user=users["editor_s"],
    )
    document.save()
    return page, document


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


def _consultations(structure_a) -> dict:
    """Two closed consultations: one addressed to structure B only, its title and question
    carrying the token; one addressed to structure A with secret results, for which A's
    director voted (a person of A who is none of the roles: no role is a director)."""
    from participation.consultations.models import Consultation, Question
    from participation.consultations.services import vote_cast

    token = TOKENS["consultation_results"]
    structure_b = StructureFactory(name="Mission Locale B")
    now = timezone.now()
    other = Consultation.objects.create(
        title=f"Consultation {token}",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now - datetime.timedelta(days=1),
    )
    other.structures.set([structure_b])
    Question.objects.create(
        consultation=other,
        label=f"Consultation {token} : d'accord ?",
        kind=Question.Kind.SINGLE,
        options="Oui\nNon",
    )
    secret = Consultation.objects.create(
        title="Élection au bureau",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=1),
        results_secret=True,
    )
    secret.structures.set([structure_a])
    question = Question.objects.create(
        consultation=secret,
        label="Candidature retenue",
        kind=Question.Kind.SINGLE,
        options="Camille\nDominique",
    )
    director_a = _person("direction-a", structure_a)
    structure_a.director = director_a
    structure_a.save()
    vote_cast(consultation=secret, user=director_a, answers={str(question.pk): "Dominique"})
    Consultation.objects.filter(pk=secret.pk).update(closes_at=now - datetime.timedelta(hours=1))
    return {"other": other, "secret": secret}
