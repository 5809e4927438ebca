"""A structure's plan from the common trame: created once from its space, compared with the
model as it is now, and published only once the required sections are written."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from groups.spaces import structure_editor_add
from strategy.models import StrategyPlanPage
from strategy.models.trame import missing_sections
from strategy.services import plan_create_from_trame, structure_plan
from tests.factories import AxisPageFactory, OrientationPageFactory
from tests.groups.space_setup import build_spaces

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(home_page):
    spaces = build_spaces(home_page)
    structure_editor_add(structure=spaces.a, user=spaces.colleague_a, by=spaces.director_a)
    return spaces


def create_url(space):
    return f"/reseau/structures/{space.pk}/projet/creer/"


def headings(plan):
    return [(block.block_type, block.value["heading"]) for block in plan.sections]


def test_the_plan_is_a_draft_copy_of_the_trame_in_the_space(s):
    plan, created = plan_create_from_trame(space=s.space_a, user=s.colleague_a)
    plan = StrategyPlanPage.objects.get(pk=plan.pk)
    assert created and not plan.live and plan.latest_revision is not None
    assert plan.get_parent().pk == s.space_a.pk
    assert plan.structure == s.a and not plan.is_model
    assert (plan.period_start, plan.period_end) == (2025, 2028)
    assert headings(plan) == headings(s.trame)
    values = plan.sections[1].value
    assert values["guidance"] == "Trois à cinq valeurs." and values["required"]
    assert len(values["content"]) == 0  # the model's example text is not copied as written
    assert [m.heading for m in missing_sections(plan)] == [
        "Qui sommes-nous",
        "Nos valeurs",
        "Nos missions",
    ]
    assert not any(m.absent for m in missing_sections(plan))


def test_double_click_creates_one_plan(client, s):
    client.force_login(s.colleague_a)
    first = client.post(create_url(s.space_a))
    second = client.post(create_url(s.space_a))
    plans = StrategyPlanPage.objects.filter(structure=s.a)
    assert plans.count() == 1
    edit = f"/admin/pages/{plans.get().pk}/edit/"
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == edit


def test_space_links_to_the_plan_once_created(client, s):
    client.force_login(s.colleague_a)
    text = client.get(s.space_a.url).content.decode()
    assert "Créer notre projet à partir de la trame" in text
    client.post(create_url(s.space_a))
    text = client.get(s.space_a.url).content.decode()
    assert "Créer notre projet à partir de la trame" not in text
    assert "Modifier notre projet" in text
    assert "La section obligatoire « Nos missions » est encore vide." in text


def test_who_may_create_the_plan(client, s):
    for user in (s.member_a, s.member_b, s.editor_b):
        client.force_login(user)
        assert client.post(create_url(s.space_a)).status_code == 403
    assert client.get(create_url(s.space_a)).status_code == 405
    assert not StrategyPlanPage.objects.filter(structure=s.a).exists()
    for user in (s.director_a, s.regional_editor):
        client.force_login(user)
        assert client.post(create_url(s.space_a)).status_code == 302
    assert StrategyPlanPage.objects.filter(structure=s.a).count() == 1


def test_without_a_trame_a_clear_french_message(client, s):
    s.trame.delete()
    client.force_login(s.colleague_a)
    response = client.post(create_url(s.space_a), follow=True)
    assert "Le réseau n’a pas encore de trame commune à copier." in response.content.decode()
    assert structure_plan(s.space_a) is None


def fill(plan, kinds=("history", "values", "missions")):
    plan.sections = [
        (
            block.block_type,
            {
                **dict(block.value),
                "content": [("paragraph", "<p>Écrit par la structure.</p>")]
                if block.block_type in kinds
                else [],
            },
        )
        for block in plan.sections
    ]
    plan.save_revision()
    return StrategyPlanPage.objects.get(pk=plan.pk).get_latest_revision_as_object()


def test_a_new_required_heading_of_the_model_shows_on_every_structure_plan(client, s):
    plan_a, _created = plan_create_from_trame(space=s.space_a, user=s.colleague_a)
    plan_b, _created = plan_create_from_trame(space=s.space_b, user=s.editor_b)
    plan_a = fill(plan_a)
    plan_b = fill(plan_b)
    assert missing_sections(plan_a) == missing_sections(plan_b) == []

    # The region adds a required heading to the common model.
    trame = StrategyPlanPage.objects.get(pk=s.trame.pk)
    trame.sections.append(
        ("other", {"heading": "Accessibilité de nos locaux", "guidance": "Vos engagements.",
                   "required": True, "content": []})
    )  # fmt: skip
    trame.save()
    for plan in (plan_a, plan_b):
        gap = missing_sections(plan)
        assert [(m.heading, m.absent, m.guidance) for m in gap] == [
            ("Accessibilité de nos locaux", True, "Vos engagements.")
        ]
    # Shown to the plan's editors in the space and in the admin's edit view.
    client.force_login(s.colleague_a)
    text = client.get(s.space_a.url).content.decode()
    assert "La section obligatoire « Accessibilité de nos locaux » manque." in text
    text = client.get(f"/admin/pages/{plan_a.pk}/edit/").content.decode()
    assert "Accessibilité de nos locaux" in text and "data-missing-sections" in text
    client.force_login(s.editor_b)
    text = client.get(s.space_b.url).content.decode()
    assert "La section obligatoire « Accessibilité de nos locaux » manque." in text
    # Not to the structure's readers.
    client.force_login(s.member_a)
    assert "Accessibilité de nos locaux" not in client.get(s.space_a.url).content.decode()


def plan_post_data(plan, filled):
    sections = []
    for block in plan.sections:
        content = (
            streamfield([("paragraph", rich_text("Écrit par la structure."))])
            if block.block_type in filled
            else streamfield([])
        )
        sections.append(
            (block.block_type, {"heading": block.value["heading"],
                                "guidance": block.value["guidance"],
                                "required": "on" if block.value["required"] else "",
                                "content": content})
        )  # fmt: skip
    return nested_form_data({
        "title": plan.title, "slug": plan.slug, "summary": "", "period_start": 2025,
        "period_end": 2028, "status": "voted", "vote_date": "", "structure": plan.structure_id,
        "sections": streamfield(sections), "action-publish": "publish",
    })  # fmt: skip


def test_the_structure_editor_publishes_once_the_required_sections_are_written(client, s):
    plan, _created = plan_create_from_trame(space=s.space_a, user=s.colleague_a)
    AxisPageFactory(parent=OrientationPageFactory(parent=plan, title="Accompagner"))
    client.force_login(s.colleague_a)
    url = f"/admin/pages/{plan.pk}/edit/"
    response = client.post(url, plan_post_data(plan, filled={"history", "values"}))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert "La section obligatoire « Nos missions » est encore vide." in errors
    assert not StrategyPlanPage.objects.get(pk=plan.pk).live

    response = client.post(url, plan_post_data(plan, filled={"history", "values", "missions"}))
    assert response.status_code == 302, response.context["form"].errors
    assert StrategyPlanPage.objects.get(pk=plan.pk).live


def test_editor_of_another_structure_cannot_edit_the_plan(client, s):
    plan, _created = plan_create_from_trame(space=s.space_a, user=s.colleague_a)
    client.force_login(s.editor_b)
    response = client.get(f"/admin/pages/{plan.pk}/edit/")
    assert response.status_code in (302, 403)
    assert not plan.permissions_for_user(s.editor_b).can_edit()
    assert plan.permissions_for_user(s.colleague_a).can_publish()
