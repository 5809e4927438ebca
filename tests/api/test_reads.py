"""The read endpoints answer what the site shows to the same person, no more."""

import pytest

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["results"]}


def test_news_list_hides_a_members_only_group_news_from_outsiders(private_group, open_group,
                                                                    outsider, member):  # fmt: skip
    outsider_client, _ = token_client(outsider)
    member_client, _ = token_client(member)
    assert "Nouvelle confidentielle" not in titles(outsider_client.get("/api/v1/news/"))
    assert "Nouvelle ouverte" in titles(outsider_client.get("/api/v1/news/"))
    assert "Nouvelle confidentielle" in titles(member_client.get("/api/v1/news/"))


def test_page_detail_of_a_hidden_page_is_404_in_french(private_group, outsider):
    client, _ = token_client(outsider)
    response = client.get(f"/api/v1/pages/{private_group.news.pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Introuvable, ou vous n'avez pas le droit de le voir."}


def test_page_detail_gives_the_structured_fields_and_an_etag(private_group, member):
    client, _ = token_client(member)
    response = client.get(f"/api/v1/pages/{private_group.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["type"] == "groups.workinggrouppage"
    assert data["fields"]["visibility"] == "members"
    assert [t["label"] for t in data["fields"]["thematics"]] == ["Justice"]
    assert "members_group" not in data["fields"]
    assert response["ETag"] == f'"rev-{private_group.latest_revision_id or 0}"'


def test_groups_list_only_the_visible_groups(private_group, open_group, outsider, member):
    outsider_client, _ = token_client(outsider)
    assert titles(outsider_client.get("/api/v1/groups/")) == {"Référents entreprises"}
    member_client, _ = token_client(member)
    groups = member_client.get("/api/v1/groups/").json()["results"]
    assert {g["title"]: g["is_member"] for g in groups} == {
        "Référents entreprises": False,
        "Référents Justice": True,
    }


def test_person_detail_hides_the_memberships_of_members_only_groups(
    private_group, open_group, lead, outsider, member
):
    outsider_client, _ = token_client(outsider)
    groups = outsider_client.get(f"/api/v1/people/{lead.pk}/").json()["groups"]
    assert [g["title"] for g in groups] == ["Référents entreprises"]
    member_client, _ = token_client(member)
    groups = member_client.get(f"/api/v1/people/{lead.pk}/").json()["groups"]
    assert {g["title"] for g in groups} == {"Référents entreprises", "Référents Justice"}


def test_people_filtered_by_a_hidden_group_is_a_french_400(private_group, outsider):
    client, _ = token_client(outsider)
    response = client.get(f"/api/v1/people/?group={private_group.pk}")
    assert response.status_code == 400
    assert "group" in response.json()


def test_people_list_gives_directory_fields_only(lead, outsider):
    client, _ = token_client(outsider)
    people = client.get("/api/v1/people/?q=Benali").json()["results"]
    assert len(people) == 1
    assert set(people[0]) == {
        "id", "first_name", "last_name", "full_name", "email", "job_title", "phone", "bio",
        "structure", "referent_thematics", "profile_url",
    }  # fmt: skip


def test_pagination_is_bounded(outsider, open_group):
    client, _ = token_client(outsider)
    response = client.get("/api/v1/pages/?page_size=100000")
    assert response.status_code == 200
    assert response.json()["count"] >= 1
    response = client.get("/api/v1/pages/?page=999")
    assert response.status_code == 404


def test_a_resource_lists_only_the_documents_the_caller_may_download(
    home_page, private_group, open_group, outsider, member
):
    from resources.models import ResourcePageDocument
    from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library, title="Guide partagé")
    ResourcePageDocument.objects.create(page=resource, document=open_group.document, sort_order=0)
    ResourcePageDocument.objects.create(
        page=resource, document=private_group.document, sort_order=1
    )
    outsider_client, _ = token_client(outsider)
    documents = outsider_client.get(f"/api/v1/resources/{resource.pk}/").json()["documents"]
    assert [d["title"] for d in documents] == ["Guide ouvert"]
    assert documents[0]["download_url"] == f"http://testserver{open_group.document.url}"
    member_client, _ = token_client(member)
    documents = member_client.get(f"/api/v1/resources/{resource.pk}/").json()["documents"]
    assert [d["title"] for d in documents] == ["Guide ouvert", "Compte rendu secret"]


def test_a_strategy_action_gives_its_fields_and_indicators(home_page, outsider):
    from tests.factories import (
        ActionPageFactory,
        AxisPageFactory,
        IndicatorFactory,
        OrientationPageFactory,
        StrategyPlanPageFactory,
    )

    plan = StrategyPlanPageFactory(parent=home_page)
    axis = AxisPageFactory(parent=OrientationPageFactory(parent=plan))
    action = ActionPageFactory(parent=axis, title="Accueillir les jeunes", partners="La CAF")
    IndicatorFactory(action=action, name="Jeunes accueillis")
    client, _ = token_client(outsider)
    data = client.get(f"/api/v1/pages/{action.pk}/").json()
    assert data["type"] == "strategy.actionpage"
    assert data["fields"]["partners"] == "La CAF"
    assert [i["name"] for i in data["indicators"]] == ["Jeunes accueillis"]
    plan_data = client.get(f"/api/v1/pages/{plan.pk}/").json()
    assert plan_data["fields"]["sections"][0]["type"] == "history"
    listed = client.get("/api/v1/pages/?type=strategy.actionpage").json()["results"]
    assert [page["title"] for page in listed] == ["Accueillir les jeunes"]
