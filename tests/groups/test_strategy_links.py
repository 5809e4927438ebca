"""The projet associatif shows through the groups' pages, and the reverse, within rights."""

import pytest

from tests.factories import (
    ActionPageFactory,
    AxisPageFactory,
    NetworkDirectoryPageFactory,
    OrientationPageFactory,
    StrategyPlanPageFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(home_page, justice, private_group):
    plan = StrategyPlanPageFactory(
        parent=home_page, title="Projet associatif de Dijon", structure=StructureFactory()
    )
    axis = AxisPageFactory(parent=OrientationPageFactory(parent=plan))
    action = ActionPageFactory(
        parent=axis, title="Outiller les référents Justice", thematic=justice
    )
    action.working_groups.add(private_group)
    action.save_revision().publish()
    return action


def test_the_hub_lists_the_actions_of_its_thematic(client, outsider, hub, action):
    client.force_login(outsider)
    html = client.get(hub.url).content.decode()
    assert "Actions du projet associatif" in html
    assert "Outiller les référents Justice" in html


def test_an_action_links_its_groups_only_for_those_who_may_view_them(
    client, member, outsider, action
):
    client.force_login(member)
    assert "Référents Justice" in client.get(action.url).content.decode()
    client.force_login(outsider)
    html = client.get(action.url).content.decode()
    assert "Outiller les référents Justice" in html
    assert "Référents Justice</a>" not in html


def test_the_directory_lists_the_plans_in_force(client, outsider, home_page, action):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    client.force_login(outsider)
    html = client.get(directory.url).content.decode()
    assert "Projets en vigueur dans le réseau" in html
    assert "Projet associatif de Dijon" in html


def test_an_action_lists_its_resources_within_rights(
    client, home_page, member, outsider, private_group, action
):
    from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

    library = ResourceIndexPageFactory(parent=home_page)
    public = ResourcePageFactory(parent=library, title="Guide public du parrainage")
    private = ResourcePageFactory(parent=private_group, title="Fiche interne du groupe")
    action.resources.add(public, private)
    action.save_revision().publish()
    client.force_login(member)
    html = client.get(action.url).content.decode()
    assert "Guide public du parrainage" in html and "Fiche interne du groupe" in html
    client.force_login(outsider)
    html = client.get(action.url).content.decode()
    assert "Guide public du parrainage" in html
    assert "Fiche interne du groupe" not in html


def test_the_hub_shows_the_news_events_and_resources_of_its_thematic(
    client, outsider, home_page, hub, justice, news_index, event_index
):
    from tests.factories import (
        EventPageFactory,
        NewsPageFactory,
        ResourceIndexPageFactory,
        ResourcePageFactory,
    )

    tagged_news = NewsPageFactory(parent=news_index, title="Justice : nouveau partenariat")
    tagged_news.thematics.add(justice)
    tagged_news.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Une nouvelle sans rapport")
    event = EventPageFactory(parent=event_index, title="Séminaire des référents Justice")
    event.thematics.add(justice)
    event.save_revision().publish()
    resource = ResourcePageFactory(
        parent=ResourceIndexPageFactory(parent=home_page), title="Guide Justice"
    )
    resource.thematics.add(justice)
    resource.save_revision().publish()
    client.force_login(outsider)
    html = client.get(hub.url).content.decode()
    assert "Justice : nouveau partenariat" in html
    assert "Une nouvelle sans rapport" not in html
    assert "Séminaire des référents Justice" in html
    assert "Guide Justice" in html
