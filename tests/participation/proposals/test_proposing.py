"""Proposing from the site: a draft page submitted to the review, bad input refused in
French with nothing lost, one proposal per form, drafts seen by nobody but the proposer."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.models import Page, WorkflowState

import pytest

from participation.proposals.models import GoodPracticePage, Proposal, ProposalStatus
from participation.proposals.services import PENDING_COLLECTION_NAME
from resources.models import ResourceDocument, ResourcePage
from tests.participation.proposals.conftest import practice_data, resource_data
from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db


def test_a_good_practice_becomes_a_draft_in_review(client, proposer, practices, thematic,
                                                   structure):  # fmt: skip
    client.force_login(proposer)

    response = client.post("/mes-propositions/bonne-pratique/", practice_data(thematic, structure))

    assert response.status_code == 302
    proposal = Proposal.objects.get()
    page = proposal.page.specific
    assert isinstance(page, GoodPracticePage)
    assert not page.live
    assert page.get_parent().pk == practices.pk
    assert (proposal.proposer, proposal.thematic, proposal.status) == (
        proposer, thematic, ProposalStatus.PENDING,
    )  # fmt: skip
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == proposer
    assert page.context.startswith("Beaucoup de jeunes")


def test_a_resource_keeps_its_file_apart_until_published(
    client, proposer, colleague, library, thematic, structure, media_root
):
    client.force_login(proposer)

    response = client.post("/mes-propositions/ressource/", resource_data(thematic))

    assert response.status_code == 302, response.content.decode()
    page = ResourcePage.objects.get()
    assert not page.live
    assert page.producing_structure == structure
    assert list(page.thematics.all()) == [thematic]
    assert page.body == "<p>Premier paragraphe.</p><p>Second paragraphe.</p>"
    document = page.resource_documents.get().document
    assert document.collection.name == PENDING_COLLECTION_NAME
    # Nobody downloads the file of a draft by its address, the proposer's colleague included.
    client.force_login(colleague)
    assert client.get(document.url).status_code == 404


def test_drafts_are_in_no_listing_nor_search(client, proposer, colleague, library, practices,
                                             thematic, structure, media_root):  # fmt: skip
    client.force_login(proposer)
    client.post("/mes-propositions/ressource/", resource_data(thematic, title="Guide zorglubien"))
    client.post(
        "/mes-propositions/bonne-pratique/",
        practice_data(thematic, structure, title="Pratique zorglubienne"),
    )
    rebuild_search_index()
    for user in (colleague, proposer):
        client = Client()
        client.force_login(user)
        for url in ("/ressources/", "/bonnes-pratiques/", "/recherche/?q=zorglubien",
                    "/reseau/mon-fil/"):  # fmt: skip
            content = client.get(url).content.decode()
            for title in ("Guide zorglubien", "Pratique zorglubienne"):
                assert title not in content, (user, url)


def test_missing_fields_are_named_in_french_and_the_values_kept(client, proposer, practices,
                                                                thematic, structure):  # fmt: skip
    client.force_login(proposer)
    data = practice_data(thematic, structure, results="", contact="")

    response = client.post("/mes-propositions/bonne-pratique/", data)

    assert response.status_code == 400
    content = response.content.decode()
    assert "Ce champ est obligatoire." in content
    assert "Un garage solidaire pour les jeunes" in content
    assert "Un partenariat avec un garage associatif" in content
    assert not Proposal.objects.exists() and not GoodPracticePage.objects.exists()


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("guide.pdf", b"%PDF-1.4 tronque"), "endommagé"),
        (SimpleUploadedFile("guide.exe", b"MZ\x90\x00"), ".exe"),
    ],
)
def test_a_bad_file_is_refused_in_french(client, proposer, library, thematic, media_root, upload,
                                         message):  # fmt: skip
    client.force_login(proposer)

    response = client.post("/mes-propositions/ressource/", resource_data(thematic, file=upload))

    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "Guide des aides à la mobilité" in content
    assert not ResourceDocument.objects.exists() and not Proposal.objects.exists()


def test_an_oversized_file_is_refused(client, proposer, library, thematic, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    client.force_login(proposer)

    response = client.post("/mes-propositions/ressource/", resource_data(thematic))

    assert response.status_code == 400
    assert "volumineux" in response.content.decode()
    assert not ResourceDocument.objects.exists()


def test_a_valid_file_with_other_errors_asks_for_it_again(client, proposer, library, thematic,
                                                          media_root):  # fmt: skip
    client.force_login(proposer)

    response = client.post("/mes-propositions/ressource/", resource_data(thematic, summary=""))

    assert response.status_code == 400
    assert "doit être choisi de nouveau" in response.content.decode()


def test_the_same_form_sent_twice_makes_one_proposal(client, proposer, practices, thematic,
                                                     structure):  # fmt: skip
    client.force_login(proposer)
    data = practice_data(thematic, structure)

    first = client.post("/mes-propositions/bonne-pratique/", data)
    second = client.post("/mes-propositions/bonne-pratique/", data)

    assert first.status_code == second.status_code == 302
    assert Proposal.objects.count() == 1
    assert GoodPracticePage.objects.count() == 1
    assert WorkflowState.objects.count() == 1


def test_a_new_form_makes_a_new_proposal(client, proposer, practices, thematic, structure):
    client.force_login(proposer)
    client.post("/mes-propositions/bonne-pratique/", practice_data(thematic, structure))
    form = client.get("/mes-propositions/bonne-pratique/")
    token = form.context["form"].initial["token"]

    client.post("/mes-propositions/bonne-pratique/", practice_data(thematic, structure,
                                                                   token=str(token)))  # fmt: skip

    assert Proposal.objects.count() == 2


def test_my_proposals_lists_only_mine(client, proposer, colleague, practices, thematic,
                                      structure):  # fmt: skip
    client.force_login(proposer)
    client.post("/mes-propositions/bonne-pratique/", practice_data(thematic, structure))
    assert "Un garage solidaire" in client.get("/mes-propositions/").content.decode()
    proposal = Proposal.objects.get()

    client.force_login(colleague)
    assert "Un garage solidaire" not in client.get("/mes-propositions/").content.decode()
    assert client.get(f"/mes-propositions/{proposal.pk}/modifier/").status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, practices):
    for url in ("/mes-propositions/", "/mes-propositions/bonne-pratique/",
                "/mes-propositions/ressource/"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302 and "connexion" in response["Location"]


def test_without_a_library_a_resource_cannot_be_proposed(client, proposer, thematic, media_root):
    client.force_login(proposer)
    Page.objects.filter(depth__gt=2).delete()

    response = client.post("/mes-propositions/ressource/", resource_data(thematic))

    assert response.status_code == 400
    assert "bibliothèque" in response.content.decode()
