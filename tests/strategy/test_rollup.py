import csv
import io
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from strategy.models import ActionPage, Indicator, IndicatorValue
from strategy.rollup import network_rollup
from tests.factories import IndicatorFactory, StructureFactory, ThematicFactory, UserFactory

from .network import build_member_plan, build_network, build_regional_plan, editor_user

pytestmark = pytest.mark.django_db


def _url(regional, suffix=""):
    return f"{regional.url}reseau/{suffix}"


def test_editor_sees_each_structure_its_plan_and_counts_by_axis(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=3, actions=4)
    client.force_login(editor_user())
    response = client.get(_url(regional))
    assert response.status_code == 200
    rollup = response.context["rollup"]
    assert [row.structure for row in rollup.rows] == structures
    row = rollup.rows[0]
    assert row.plan == plans[0]
    # Four actions over three axes: axis 1 serves twice.
    assert [cell.count for cell in row.cells] == [2, 1, 1]
    assert row.unaligned.count == 0
    assert row.sections_filled == row.sections_required == 3
    assert [cell.count for cell in rollup.totals] == [6, 3, 3, 0]
    assert rollup.totals[0].progress == 50
    content = response.content.decode()
    assert '<table class="plan-table rollup-table" id="matrice">' in content
    assert "<caption>" in content and 'scope="col"' in content and 'scope="row"' in content
    assert "Mission Locale 00" in content and "Axe 1" in content
    assert 'role="img"' in content  # the chart, beside the table


def test_network_indicator_sums_the_same_definition_and_states_the_method(home_page):
    regional, axes, structures, plans = build_network(home_page, count=3, actions=1)
    rollup = network_rollup(plan=regional, user=editor_user())
    (item,) = rollup.network_indicators
    assert (item.name, item.method, item.year, item.structures) == (
        "Jeunes accompagnés 0",
        "sum",
        2025,
        3,
    )
    assert item.value == 30
    assert "Sum" in str(item.method_label) or "Somme" in str(item.method_label)


def test_rate_indicators_are_averaged(home_page):
    regional, axes, structures, plans = build_network(home_page, count=2, actions=1, indicators=0)
    for plan, value in zip(plans, (40, 60), strict=True):
        action = ActionPage.objects.descendant_of(plan).get()
        indicator = IndicatorFactory(action=action, name="Taux de sorties positives", unit="%")
        IndicatorValue.objects.create(indicator=indicator, year=2025, value=value)
    (item,) = network_rollup(plan=regional, user=editor_user()).network_indicators
    assert (item.method, item.value) == ("mean", 50)


def test_the_page_summarises_each_structure_and_leaves_the_indicator_list_to_the_exports(
    client, home_page
):
    regional, axes, structures, plans = build_network(home_page, count=2, actions=2, indicators=2)
    action = ActionPage.objects.descendant_of(plans[0]).order_by("path").first()
    IndicatorFactory(action=action, name="Sans valeur", unit="jeunes")
    client.force_login(editor_user())
    response = client.get(_url(regional))
    rollup = response.context["rollup"]
    first, second = rollup.rows
    assert (first.indicator_count, first.indicators_with_value) == (5, 4)
    assert (second.indicator_count, second.indicators_with_value) == (4, 4)
    assert first.indicators == []  # the page lists no indicator: only the exports do
    # Each definition is declared twice by each structure: 10 + 11 twice, summed.
    assert [(i.name, i.value, i.structures) for i in rollup.network_indicators] == [
        ("Jeunes accompagnés 0", 42, 2),
        ("Jeunes accompagnés 1", 42, 2),
    ]
    content = response.content.decode()
    structures_table = content[
        content.index('id="structures"') : content.index(
            "</table>", content.index('id="structures"')
        )
    ]
    assert '<th scope="col">Indicateurs</th>' in structures_table
    assert "4 renseignés" in structures_table
    assert 'id="indicateurs-reseau"' in content and "Somme des valeurs des structures" in content
    # The list of every indicator is in the CSV and the PDF, not on the page.
    assert 'id="indicateurs"' not in content and "Sans valeur" not in content
    assert "figurent dans l’export CSV et dans le PDF" in content


def test_pdf_lists_every_indicator_with_its_latest_value(client, home_page, monkeypatch):
    from home import pdf

    regional, axes, structures, plans = build_network(home_page, count=2, actions=1)
    rendered = []

    def fake_pdf_bytes(request, template, context):
        from django.template.loader import render_to_string

        rendered.append(render_to_string(template, context, request=request))
        return b"%PDF-"

    monkeypatch.setattr(pdf, "pdf_bytes", fake_pdf_bytes)
    client.force_login(editor_user())
    assert client.get(_url(regional, "pdf/")).status_code == 200
    (html,) = rendered
    table = html[html.index('id="indicateurs"') :]
    assert table.count('<th scope="row">Mission Locale 0') == 2
    assert "Jeunes accompagnés 0" in table and "(2025)" in table


def test_csv_lists_every_indicator_with_its_latest_value(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=2, actions=2)
    indicator = Indicator.objects.filter(action__path__startswith=plans[0].path).earliest("pk")
    IndicatorValue.objects.create(indicator=indicator, year=2024, value=99)  # older
    IndicatorValue.objects.create(indicator=indicator, year=2026, value=Decimal("7.5"))
    IndicatorFactory(action=indicator.action, name="Sans valeur", unit="%", target=None)
    client.force_login(editor_user())
    text = b"".join(client.get(_url(regional, "csv/")).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = ["Structure", "Action", "Indicateur", "Unité", "Dernière valeur", "Année", "Cible"]
    lines = rows[rows.index(header) + 1 :]
    assert len(lines) == 2 * 2 + 1
    number = indicator.action.number
    assert lines[:2] == [
        ["Mission Locale 00", f"{number} Action locale 0 de Mission Locale 00",
         "Jeunes accompagnés 0", "jeunes", "7,5", "2026", "50"],
        ["Mission Locale 00", f"{number} Action locale 0 de Mission Locale 00",
         "Sans valeur", "%", "", "", ""],
    ]  # fmt: skip
    assert lines[-1][0] == "Mission Locale 01" and lines[-1][4:6] == ["11", "2025"]


def test_department_and_thematic_filters(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=4, actions=2)
    editor = editor_user()
    client.force_login(editor)
    response = client.get(_url(regional), {"departement": "21"})
    names = [row.structure.name for row in response.context["rollup"].rows]
    assert names == ["Mission Locale 01", "Mission Locale 03"]
    content = response.content.decode()
    assert '<label for="filtre-departement">Département</label>' in content
    response = client.get(_url(regional), {"thematique": "inconnue"})
    assert all(row.rollup.count == 0 for row in response.context["rollup"].rows)
    assert all(row.indicator_count == 0 for row in response.context["rollup"].rows)
    action = ActionPage.objects.descendant_of(plans[0]).order_by("path").first()
    action.thematic = ThematicFactory(slug="insertion")
    action.save_revision().publish()
    rows = client.get(_url(regional), {"thematique": "insertion"}).context["rollup"].rows
    assert [row.rollup.count for row in rows] == [1, 0, 0, 0]
    assert [row.indicator_count for row in rows] == [1, 0, 0, 0]
    rows = network_rollup(
        plan=regional, user=editor, filters={"thematique": "insertion"}, with_lines=True
    ).rows
    assert [line.action.pk for line in rows[0].indicators] == [action.pk]
    assert rows[1].indicators == []
    assert client.get(_url(regional), {"departement": "x" * 50}).status_code == 400


def test_a_professional_gets_a_french_403_and_a_director_is_let_in(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=1)
    professional = UserFactory(username="conseillere")
    client.force_login(professional)
    for suffix in ("", "csv/", "pdf/"):
        response = client.get(_url(regional, suffix))
        assert response.status_code == 403
    assert "réservée aux éditeurs régionaux" in response.content.decode()
    structures[0].director = professional
    structures[0].save()
    assert client.get(_url(regional)).status_code == 200


def test_anonymous_is_sent_to_login_and_member_plans_have_no_rollup(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=1)
    assert client.get(_url(regional)).status_code in (302, 403)
    client.force_login(editor_user())
    assert client.get(_url(plans[0])).status_code == 404


def test_plans_the_reader_may_not_view_are_left_out(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=2)
    restriction = PageViewRestriction.objects.create(
        page=plans[1], restriction_type=PageViewRestriction.GROUPS
    )
    director = UserFactory(username="directrice")
    structures[0].director = director
    structures[0].save()
    client.force_login(director)
    rollup = client.get(_url(regional)).context["rollup"]
    assert rollup.rows[1].plan is None and rollup.rows[1].indicator_count == 0
    csv_text = b"".join(client.get(_url(regional, "csv/")).streaming_content).decode("utf-8-sig")
    assert plans[1].title not in csv_text and plans[0].title in csv_text
    assert restriction.pk


def test_csv_has_french_headers_and_neutralises_formulas(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=2)
    hostile = StructureFactory(name='=HYPERLINK("http://x")', departments="21")
    build_member_plan(home_page, hostile, axes)
    client.force_login(editor_user())
    response = client.get(_url(regional, "csv/"), {"departement": "21"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["Structure", "Départements", "Projet associatif", "Statut du projet"]
    assert "Axe 1 – Participation" in rows[0]
    assert any(row and row[0] == '\'=HYPERLINK("http://x")' for row in rows)
    assert [
        "Indicateur du réseau",
        "Unité",
        "Année",
        "Valeur du réseau",
        "Méthode",
        "Structures",
    ] in rows
    assert any("Somme" in row for row in rows)


def test_pdf_is_a_pdf(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=1)
    client.force_login(editor_user())
    response = client.get(_url(regional, "pdf/"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_structure_without_plan_shows_an_empty_row(client, home_page):
    regional, *_ = build_regional_plan(home_page)
    StructureFactory(name="Mission Locale sans projet")
    client.force_login(editor_user())
    response = client.get(_url(regional))
    assert "Aucun projet publié pour l’instant." in response.content.decode()


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_number_of_queries_does_not_grow_with_structures_and_actions(client, home_page):
    regional, axes, structures, plans = build_network(home_page, count=3, actions=2)
    client.force_login(editor_user())
    client.get(_url(regional))  # warm the caches (site, settings, restrictions)
    small = _count_queries(client, _url(regional))
    for n in range(3, 6):
        structure = StructureFactory(name=f"Mission Locale {n:02d}")
        build_member_plan(home_page, structure, axes, actions=5, indicators=2)
    client.get(_url(regional))  # new pages invalidate the cached site settings
    assert _count_queries(client, _url(regional)) == small
    csv_queries = _count_queries(client, _url(regional, "csv/"))
    assert csv_queries <= small


def test_demo_shows_aligned_plans_in_the_rollup_and_is_idempotent(settings, client):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.DEMO_PASSWORD = "mot-de-passe-demo"
    call_command("seed_demo", stdout=StringIO())
    aligned = set(ActionPage.objects.filter(regional_axis__isnull=False).values_list("pk", "title"))
    call_command("seed_demo", stdout=StringIO())
    assert (
        set(ActionPage.objects.filter(regional_axis__isnull=False).values_list("pk", "title"))
        == aligned
    )
    assert len(aligned) >= 6
    client.force_login(get_user_model().objects.get(username="editeur"))
    response = client.get("/projet-associatif/reseau/")
    rollup = response.context["rollup"]
    rows = {row.structure.short_name: row for row in rollup.rows}
    assert rows["ML Jura Nord"].rollup.count == 3 and rows["ML Jura Nord"].plan.status == "in_force"
    assert rows["ML Beaune"].sections_filled < rows["ML Beaune"].sections_required
    (jeunes,) = [i for i in rollup.network_indicators if i.unit == "jeunes"]
    assert (jeunes.method, jeunes.value, jeunes.structures) == ("sum", 1180 + 2460 + 3320, 3)
    (taux,) = [i for i in rollup.network_indicators if i.unit == "%"]
    assert (taux.method, taux.value) == ("mean", Decimal("50.50"))
