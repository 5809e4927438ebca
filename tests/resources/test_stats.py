import datetime

from django.utils import timezone

import pytest

from home.roles import editors_group_sync
from resources.file_builders import build_pdf
from resources.models import DocumentDownloadDay, ResourcePageDocument, ResourceViewDay
from resources.reports import visibility_figures
from tests.factories import (
    ProfileFactory,
    ResourcePageFactory,
    StructureFactory,
    ThematicFactory,
    UserFactory,
)

from .conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = ProfileFactory(user=UserFactory(username="editrice")).user
    user.groups.add(editors_group_sync())
    return user


@pytest.fixture
def resource(library):
    page = ResourcePageFactory(
        parent=library,
        title="Guide de la prospection",
        producing_structure=StructureFactory(name="ARML", short_name="ARML"),
    )
    page.thematics.set([ThematicFactory(name="Relations entreprises", slug="entreprises")])
    page.save()  # parental relations are written with the page
    document = make_document("guide.pdf", build_pdf("Guide", ["Texte"]), title="Guide PDF")
    ResourcePageDocument.objects.create(page=page, document=document)
    return page


def test_views_are_aggregated_per_day_and_structure(client, resource):
    dijon, besancon = StructureFactory(name="ML Dijon"), StructureFactory(name="ML Besançon")
    for username, structure in (("a", dijon), ("b", dijon), ("c", besancon)):
        client.force_login(
            ProfileFactory(user=UserFactory(username=username), structure=structure).user
        )
        client.get(resource.url)
    counters = {row.structure.name: row.views for row in ResourceViewDay.objects.all()}
    assert counters == {"ML Dijon": 2, "ML Besançon": 1}
    assert {row.day for row in ResourceViewDay.objects.all()} == {timezone.localdate()}


def test_the_report_gathers_views_downloads_thematics_structures_and_unviewed(
    professional_client, resource, library
):
    forgotten = ResourcePageFactory(parent=library, title="Fiche oubliée")
    professional_client.get(resource.url)
    professional_client.get(resource.url)
    professional_client.get(resource.resource_documents.get().document.url)
    old_day = timezone.localdate() - datetime.timedelta(days=40)
    ResourceViewDay.objects.create(day=old_day, resource=resource, views=5)

    figures = visibility_figures(days=30)
    assert figures["total_views"] == 2
    assert figures["total_downloads"] == 1
    assert figures["most_viewed"][0]["resource__title"] == "Guide de la prospection"
    assert figures["most_downloaded"][0]["document__title"] == "Guide PDF"
    assert figures["per_thematic"] == [{"name": "Relations entreprises", "total": 2}]
    assert figures["per_structure"][0]["name"] == "ARML"
    assert [row["title"] for row in figures["never_viewed"]] == ["Fiche oubliée"]
    assert forgotten.pk == figures["never_viewed"][0]["pk"]
    assert visibility_figures(days=90)["total_views"] == 7


def test_editors_read_the_report_with_its_chart_and_csv(client, editor, resource):
    client.force_login(editor)
    client.get(resource.url)
    html = client.get("/admin/reports/visibilite-des-ressources/?jours=7").content.decode()
    assert "Visibilité des ressources" in html
    assert "<svg" in html and "Vues et téléchargements par jour" in html
    assert "Guide de la prospection" in html
    response = client.get("/admin/reports/visibilite-des-ressources/?jours=7&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    csv_text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Les plus consultées;Guide de la prospection;1;" in csv_text


def test_professionals_cannot_read_the_report(professional_client):
    response = professional_client.get("/admin/reports/visibilite-des-ressources/")
    assert response.status_code in (302, 403)


def test_a_resource_shows_its_own_figures_to_its_editors_only(
    client, editor, professional_client, resource
):
    professional_client.get(resource.url)
    DocumentDownloadDay.objects.create(
        day=timezone.localdate(), document=resource.resource_documents.get().document, downloads=4
    )
    assert (
        "Consultation de cette ressource"
        not in professional_client.get(resource.url).content.decode()
    )
    client.force_login(editor)
    html = client.get(resource.url).content.decode()
    assert "Consultation de cette ressource" in html
    assert "vues en 30 jours" in html
    assert '<span class="key-figure__figure">4</span> téléchargements' in html


def test_the_review_report_lists_resources_past_their_review_date(client, editor, library):
    ResourcePageFactory(
        parent=library,
        title="Guide périmé",
        review_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    ResourcePageFactory(
        parent=library,
        title="Guide à jour",
        review_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    client.force_login(editor)
    html = client.get("/admin/reports/ressources-a-reviser/").content.decode()
    assert "Guide périmé" in html
    assert "Guide à jour" not in html
