import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from openpyxl import load_workbook

from strategy.models import ActionPage, AxisPage
from strategy.selectors import plan_overview
from tests.factories import ActionPageFactory, AxisPageFactory, UserFactory

from .plans import add_indicator, build_plan

pytestmark = pytest.mark.django_db


def test_numbers_are_derived_from_order(home_page):
    plan, actions, _ = build_plan(home_page)
    assert [a.number for a in actions.values()] == ["1.1", "1.2", "2.1", "3.1", "3.2"]
    assert list(AxisPage.objects.order_by("path").values_list("number", flat=True)) == [1, 2, 3]
    axis = AxisPage.objects.get(number=2)
    assert ActionPageFactory(parent=axis, title="Nouvelle").number == "2.2"
    assert AxisPageFactory(parent=axis.get_parent(), title="Nouvel axe").number == 4


def test_rollups_are_exact(home_page, professional):
    plan, actions, _ = build_plan(home_page)
    overview = plan_overview(plan=plan, user=professional)
    first, second = overview.orientations
    axis_1, axis_2 = first.axes
    # 1.1 done counts 100 whatever was typed; 2.1 abandoned is left out.
    assert axis_1.rollup.progress == 70  # (100 + 40) / 2
    assert axis_2.rollup.progress is None
    assert first.rollup.progress == 70
    assert second.rollup.progress == 15  # (0 + 30) / 2
    assert overview.rollup.progress == 43  # (100 + 40 + 0 + 30) / 4 = 42.5, rounded half up
    assert overview.rollup.count == 5
    assert overview.rollup.statuses[ActionPage.Status.ABANDONED] == 1


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ({"orientation": "2"}, ["3.1", "3.2"]),
        ({"thematique": "communication"}, ["1.1", "2.1"]),
        ({"statut": "in_progress"}, ["1.2"]),
        ({"thematique": "communication", "statut": "done"}, ["1.1"]),
    ],
)
def test_filters(home_page, professional, query, numbers):
    plan, *_ = build_plan(home_page)
    overview = plan_overview(plan=plan, user=professional, filters=query)
    assert [a.number for a in overview.actions] == numbers


def test_filter_by_pilot_on_the_page(home_page, professional_client):
    plan, actions, _ = build_plan(home_page)
    pilot = actions["1.1"].pilot_structure_id
    content = professional_client.get(plan.url, {"pilote": pilot}).content.decode()
    assert "1.1 Séminaires" in content and "3.2 Instances" in content
    assert "1.2 Parrainage" not in content
    assert "Mission Locale de Dijon" in content


def test_plan_page_shows_the_tree_with_progress(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    content = professional_client.get(plan.url).content.decode()
    assert "Le projet en un coup d’œil" in content
    assert "Orientation 1 : Culture commune" in content
    assert "Axe 3 : Représentation" in content
    assert "Abandonnée" in content and "Reportée" in content
    assert "43 %" in content


def test_charts_have_text_alternatives(home_page, professional_client):
    plan, _actions, indicator = build_plan(home_page)
    content = professional_client.get(plan.url).content.decode()
    assert 'role="img"' in content
    assert f'aria-labelledby="indicateur-{indicator.pk}-titre indicateur-{indicator.pk}-desc"' in (
        content
    )
    assert f'<title id="indicateur-{indicator.pk}-titre">Parrainages conclus</title>' in (content)
    assert "Valeurs par année : 2024 : 12 participants; 2025 : 18 participants." in content
    assert "Cible : 50 participants." in content
    assert '<th scope="row">2025</th><td>18 participants</td>' in content


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_plan_page_queries_do_not_grow_with_the_number_of_actions(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    urls = [plan.url, plan.url + "imprimer/", plan.url + "exporter/csv/"]
    few = [count_queries(professional_client, url) for url in urls]
    axis = AxisPage.objects.get(number=3)
    for n in range(15):
        action = ActionPageFactory(parent=axis, title=f"Autre action {n}", progress=n)
        add_indicator(action, {2024: n, 2025: n + 1})
    assert ActionPage.objects.count() == 20
    assert [count_queries(professional_client, url) for url in urls] == few
    assert max(few) <= 25


def test_restricted_actions_stay_hidden(home_page, client):
    plan, actions, indicator = build_plan(home_page)
    restriction = PageViewRestriction.objects.create(
        page=actions["1.2"], restriction_type=PageViewRestriction.GROUPS
    )
    assert restriction
    client.force_login(UserFactory())
    content = client.get(plan.url).content.decode()
    assert "Parrainage" not in content
    assert "Parrainages conclus" not in content
    csv_content = b"".join(client.get(plan.url + "exporter/csv/").streaming_content).decode()
    assert "Parrainage" not in csv_content


def test_csv_export(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    response = professional_client.get(plan.url + "exporter/csv/")
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:4] == ["Orientation", "Axe", "Numéro", "Action"]
    assert rows[1][:4] == ["1", "1", "1.1", "Séminaires"]
    assert rows[1][8:10] == ["Réalisée", "100"]
    indicators = rows[rows.index([]) + 1 :]
    assert indicators[0] == ["Action", "Indicateur", "Unité", "Référence", "Cible", "Sens", "2024",
                             "2025"]  # fmt: skip
    assert indicators[1][:2] == ["1.2", "Parrainages conclus"]
    assert indicators[1][-2:] == ["12", "18"]


def test_xlsx_export(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    response = professional_client.get(plan.url + "exporter/xlsx/")
    workbook = load_workbook(io.BytesIO(response.content))
    actions, indicators = workbook.worksheets
    assert actions["D2"].value == "Séminaires"
    assert actions.max_row == 6
    assert indicators["B2"].value == "Parrainages conclus"
    assert [indicators["G2"].value, indicators["H2"].value] == [12, 18]


def test_export_neutralises_formulas(home_page, professional_client):
    plan, actions, _ = build_plan(home_page)
    action = actions["1.1"]
    action.title = '=HYPERLINK("http://exemple.org")'
    action.save_revision().publish()
    response = professional_client.get(plan.url + "exporter/csv/")
    assert "'=HYPERLINK" in b"".join(response.streaming_content).decode("utf-8-sig")


def test_print_view_has_the_whole_plan(home_page, professional_client):
    plan, *_ = build_plan(home_page)
    content = professional_client.get(plan.url + "imprimer/").content.decode()
    assert "Nos valeurs" in content
    for title in ["1.1 Séminaires", "2.1 Animation métier", "3.2 Instances"]:
        assert title in content
    assert "Parrainages conclus" in content
    assert 'media="screen"' in content  # the print stylesheet also on screen: one document
