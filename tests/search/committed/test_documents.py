"""Documents uploaded, re-extracted or restricted are found, or hidden, at once."""

import io

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.models import Collection

import pytest

from resources.file_builders import build_docx, build_odt, build_pdf
from resources.models import ResourceDocument
from tests.search.committed.seen import (
    ANCHOR_ONLY,
    GROUP,
    KIND,
    PRIVATE_GROUP,
    SHARED,
    assert_does_not_find,
    assert_finds,
    facets,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# Documents ------------------------------------------------------------------------------------

BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt}


@pytest.mark.parametrize("extension", BUILDERS)
def test_a_document_uploaded_through_the_admin_is_found_by_a_word_inside_its_file(site, extension):
    site.index_everything()
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    title = "Astrolabe des ateliers"
    content = BUILDERS[extension](
        "Relevé", [f"Une {SHARED} entre deux dispositifs.", "Le mot ornithorynque est ici."]
    )

    # What the multiple upload page's script sends for each file (its title: the file name).
    response = admin.post(
        "/admin/documents/multiple/add/",
        {"title": title, "collection": site.group.collection_id},
        files={"files[]": (f"{title}.{extension}", content)},
        **{"X-Requested-With": "XMLHttpRequest"},
    )

    assert response.json()["success"] is True
    assert_finds(member, "ornithorynque", title, "ornithorynque", suggest="astrol")
    assert_does_not_find(outsider, "ornithorynque", title, "ornithorynque", suggest="astrol")
    assert facets(member, KIND, GROUP) == {
        KIND: {"Ressource": 1, "Document": 1},
        GROUP: {PRIVATE_GROUP: 1},
    }
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_a_document_added_in_a_group_space_is_found_by_its_members_only(site):
    site.index_everything()
    member, outsider = site.member_and_outsider()
    title = "Chrysalide du groupe"
    content = build_pdf("Notes", [f"Une {SHARED} vers l'emploi.", "Le mot hippocampe est ici."])

    response = member.submit(
        site.group.url,
        "form.document-add",
        {"title": title},
        files={"file": ("notes.pdf", content, "application/pdf")},
    )

    assert f"« {title} » est dans les documents du groupe." in member.messages(response)
    assert_finds(member, "hippocampe", title, "hippocampe", suggest="chrysal")
    assert_does_not_find(outsider, "hippocampe", title, "hippocampe", suggest="chrysal")
    assert facets(member, KIND, GROUP) == {
        KIND: {"Ressource": 1, "Document": 1},
        GROUP: {PRIVATE_GROUP: 1},
    }
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_reextracting_documents_indexes_their_new_text(site, settings):
    # The text was cut by a low limit; an operator raises it and extracts every file again.
    settings.TRAME_EXTRACTION_MAX_CHARS = 40
    title = "Goélette des partenaires"
    filler = "Un compte rendu des rencontres entre les Missions Locales du réseau. " * 3
    ResourceDocument(
        title=title,
        collection=site.group.collection,
        file=ContentFile(
            build_pdf("Bilan", [filler, f"Une {SHARED} et un mot rare : périscope."]),
            name="bilan.pdf",
        ),
    ).save()
    site.index_everything()
    member, outsider = site.member_and_outsider()
    assert member.search("périscope").titles == []
    assert member.search("goélette").titles == [title]

    settings.TRAME_EXTRACTION_MAX_CHARS = 1_000_000
    call_command("reextract_documents", stdout=io.StringIO())  # outside any atomic block
    site.tasks.settle()

    assert_finds(member, "périscope", title, "périscope", suggest="goélet")
    assert_does_not_find(outsider, "périscope", title, "périscope", suggest="goélet")
    assert facets(member, KIND, GROUP) == {
        KIND: {"Ressource": 1, "Document": 1},
        GROUP: {PRIVATE_GROUP: 1},
    }
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


def test_restricting_a_collection_in_the_admin(site):
    title = "Anémomètre budgétaire"
    direction = Collection.get_first_root_node().add_child(name="Direction")
    ResourceDocument(
        title=title,
        collection=direction,
        file=ContentFile(
            build_pdf("Budget", [f"Une {SHARED} et un mot rare : astragale."]), name="budget.pdf"
        ),
    ).save()
    site.index_everything()
    admin = site.visitor("admin")
    member, outsider = site.member_and_outsider()
    for visitor in (member, outsider):
        assert_finds(visitor, "astragale", title, "astragale", suggest="anémom")

    response = admin.post(
        f"/admin/collections/{direction.pk}/privacy/",
        {"restriction_type": "groups", "groups": site.group.members_group_id},
    )

    assert response.json()["step"] == "set_privacy_done"
    assert_finds(member, "astragale", title, "astragale", suggest="anémom")
    assert_does_not_find(outsider, "astragale", title, "astragale", suggest="anémom")
    assert facets(member, KIND) == {KIND: {"Ressource": 1, "Document": 1}}
    assert facets(outsider, KIND, GROUP) == ANCHOR_ONLY


# Pages ----------------------------------------------------------------------------------------
