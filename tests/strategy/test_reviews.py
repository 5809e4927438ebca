from decimal import Decimal

from django.core.exceptions import ValidationError

from wagtail.models import GroupPagePermission, Page

import pytest

from home.roles import editors_group_sync
from strategy.models import ActionPage, IndicatorValue, YearlyReview
from strategy.reviews import review_comparison
from strategy.services import plan_close_year
from tests.factories import UserFactory

from .plans import build_plan

pytestmark = pytest.mark.django_db


def close(plan, year, text="Une année de mise en route."):
    return plan_close_year(plan=plan, year=year, assessment=text)


def test_closing_a_year_freezes_every_action(home_page):
    plan, actions, indicator = build_plan(home_page)
    review = close(plan, 2024)
    snapshots = list(review.action_snapshots.all())
    assert [(s.number, s.status, s.progress) for s in snapshots] == [
        ("1.1", "done", 100),
        ("1.2", "in_progress", 40),
        ("2.1", "abandoned", 10),
        ("3.1", "not_started", 0),
        ("3.2", "postponed", 30),
    ]
    assert (snapshots[1].orientation_number, snapshots[1].axis_number) == (1, 1)
    assert snapshots[1].axis_title == "Participation"
    frozen = snapshots[1].indicator_snapshots.get()
    assert (frozen.name, frozen.value, frozen.target) == ("Parrainages conclus", 12, 50)


def test_changing_an_action_after_closing_does_not_change_the_snapshot(home_page):
    plan, actions, indicator = build_plan(home_page)
    review = close(plan, 2024)
    action = actions["1.2"]
    action.title, action.status, action.progress = "Parrainage élargi", ActionPage.Status.DONE, 90
    action.save_revision().publish()
    IndicatorValue.objects.filter(indicator=indicator, year=2024).update(value=99)
    indicator.name = "Autre nom"
    indicator.save()

    snapshot = review.action_snapshots.get(number="1.2")
    assert (snapshot.title, snapshot.status, snapshot.progress) == ("Parrainage", "in_progress", 40)
    frozen = snapshot.indicator_snapshots.get()
    assert (frozen.name, frozen.value) == ("Parrainages conclus", Decimal("12.00"))


def test_a_year_is_closed_once_and_within_the_period(home_page):
    plan, *_ = build_plan(home_page)
    close(plan, 2024)
    with pytest.raises(ValidationError, match="déjà close"):
        close(plan, 2024)
    with pytest.raises(ValidationError, match="hors de la période"):
        close(plan, 2031)
    with pytest.raises(ValidationError, match="Rédigez le bilan"):
        close(plan, 2025, text="  ")
    assert YearlyReview.objects.count() == 1


def test_years_compare_and_actions_that_did_not_move_are_flagged(home_page, professional):
    plan, actions, indicator = build_plan(home_page)
    close(plan, 2024)
    moved = actions["3.2"]
    moved.status, moved.progress = ActionPage.Status.IN_PROGRESS, 50
    moved.save_revision().publish()
    review_2025 = close(plan, 2025)

    rows = {row.snapshot.number: row for row in review_comparison(review=review_2025,
                                                                    user=professional)}  # fmt: skip
    assert rows["3.2"].previous.progress == 30 and not rows["3.2"].stalled
    assert rows["3.1"].stalled  # still not started, still 0 %
    assert not rows["1.2"].stalled  # its indicator went from 12 to 18
    assert rows["1.2"].indicators[0][0].value == 18 and rows["1.2"].indicators[0][1] == 12
    assert not rows["1.1"].stalled  # done
    assert not rows["2.1"].stalled  # abandoned


def test_review_page_shows_the_comparison(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    close(plan, 2024, "Bonne dynamique sur la culture commune.")
    close(plan, 2025)
    response = professional_client.get(plan.url + "bilans/2025/")
    content = response.content.decode()
    assert "Bilan annuel 2025" in content
    assert "n’a pas avancé" in content
    assert "avant : 12" in content
    assert professional_client.get(plan.url + "bilans/2024/").status_code == 200
    assert "Bonne dynamique" in professional_client.get(plan.url + "bilans/2024/").content.decode()
    assert professional_client.get(plan.url + "bilans/2023/").status_code == 404


def test_only_editors_close_a_year(home_page, professional_client, client):
    plan, *_ = build_plan(home_page)
    url = plan.url + "bilans/clore/"
    data = {"year": 2024, "assessment": "Année de lancement."}
    assert professional_client.post(url, data).status_code == 403
    assert not YearlyReview.objects.exists()

    editor = UserFactory(username="editrice")
    editor.groups.add(editors_group_sync())
    assert GroupPagePermission.objects.filter(page=Page.get_first_root_node()).exists()
    client.force_login(editor)
    assert "Clore une année" in client.get(plan.url).content.decode()
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith("/bilans/2024/")
    assert YearlyReview.objects.get().action_snapshots.count() == 5
    again = client.post(url, data)
    assert "L’année 2024 est déjà close." in again.content.decode()


def test_editors_may_enter_indicator_values(db):
    editor = UserFactory(username="editeur-indicateurs")
    editor.groups.add(editors_group_sync())
    assert editor.has_perm("strategy.change_indicator")
    assert editor.has_perm("strategy.add_indicator")
