"""The command cannot destroy: it previews unless told to apply, it refuses removals unless
allowed, every change it makes is a published revision that the page history undoes, and its
cost per page does not grow with the plan."""

import html
import json
import re
from io import StringIO

from django.core.management import CommandError, call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend

import pytest

from strategy.importer import parse_plan, plan_import_apply, plan_import_preview, read_bytes
from strategy.models import ActionPage, IndicatorValue, OrientationPage, StrategyPlanPage
from tests.factories import IndicatorFactory, UserFactory

from .admin_forms import page_form_data
from .seed_variants import renamed_action, without_orientation_4, without_title_line

pytestmark = pytest.mark.django_db


def run_import(path, *args):
    out = StringIO()
    call_command("import_strategy_plan", str(path), *args, stdout=out)
    return out.getvalue()


def state():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
    }


@pytest.fixture
def plan(home_page, seed_path):
    run_import(seed_path, "--apply")
    return StrategyPlanPage.objects.get()


@pytest.fixture
def write(tmp_path):
    def write(text, name="plan.txt"):
        path = tmp_path / name
        path.write_text(text)
        return path

    return write


def test_a_plan_without_its_title_line_changes_nothing_without_apply(plan, seed_text, write):
    path = write(without_title_line(seed_text))
    before = state()

    output = run_import(path)
    assert "un nouveau projet sous « Accueil »" in output
    assert (
        f"Un projet existe déjà ici : « Projet associatif 2024-2027 » (identifiant {plan.pk}). "
        f"Pour le mettre à jour plutôt que d’en créer un autre, relancez avec --plan {plan.pk}."
    ) in output
    assert "Aperçu seulement : rien n’a été enregistré." in output
    output = run_import(path, "--plan", str(plan.pk), "--dry-run")
    assert "Association Régionale 2024-2027 [à modifier : titre]" in output
    assert "Le titre du projet change : « Projet associatif 2024-2027 » devient" in output
    assert state() == before


def test_a_confirmed_import_by_command_is_undone_from_the_page_history(
    plan, seed_text, write, client
):
    run_import(write(without_title_line(seed_text)), "--plan", str(plan.pk), "--apply")
    plan.refresh_from_db()
    assert plan.title == "Association Régionale 2024-2027"

    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    history = client.get(reverse("wagtailadmin_pages:history", args=[plan.pk])).content.decode()
    assert "Importé depuis « plan.txt » : 0 page(s) créée(s), 1 modifiée(s)" in history
    previous = plan.revisions.order_by("-created_at", "-pk")[1]
    url = reverse("wagtailadmin_pages:revisions_revert", args=[plan.pk, previous.pk])
    form = client.get(url).context["form"]
    assert client.post(url, {**page_form_data(form), "action-publish": "1"}).status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.live) == ("Projet associatif 2024-2027", True)


def test_a_file_without_any_title_needs_the_plan_named(plan, write):
    path = write(
        "Orientation 1 : Agir ensemble\n\nAXE 1\nSe rencontrer\n\n- 1.1 Organiser deux journées\n"
    )
    before = state()
    with pytest.raises(CommandError) as error:
        run_import(path, "--apply")
    assert "le fichier n’a pas de ligne de titre avant sa première section" in str(error.value)
    assert f"« Projet associatif 2024-2027 » (identifiant {plan.pk})" in str(error.value)
    assert state() == before

    output = run_import(path, "--plan", str(plan.pk))
    assert "le projet garde son titre « Projet associatif 2024-2027 »" in output
    assert "Projet associatif 2024-2027 [à modifier : sections — vide les sections" in output
    assert state() == before


def test_an_import_with_fewer_orientations_needs_removals_allowed(plan, seed_text, write):
    action = ActionPage.objects.get(number="10.3")
    action.status, action.progress = ActionPage.Status.IN_PROGRESS, 30
    action.save_revision().publish()
    indicator = IndicatorFactory(action=action, name="Études publiées")
    IndicatorValue.objects.create(indicator=indicator, year=2024, value=3)
    path = write(without_orientation_4(seed_text))
    before = state()

    output = run_import(path)
    assert "Cet import retire ou vide :" in output
    assert re.search(r"\n  Action 10\.3 : Renforcer[^\n]* : à retirer : dépubliée", output)
    assert "relancez la commande avec --apply --allow-removals." in output
    with pytest.raises(CommandError, match="cet import retirerait ou viderait du contenu existant"):
        run_import(path, "--apply")
    assert state() == before

    output = run_import(path, "--apply", "--allow-removals")
    assert "Pages : 0 créée(s), 0 mise(s) à jour, 34 inchangée(s), 5 retirée(s)." in output
    action = ActionPage.objects.get(number="10.3")  # unpublished, not deleted: nothing lost
    assert not action.live
    assert (action.status, action.progress) == (ActionPage.Status.IN_PROGRESS, 30)
    assert IndicatorValue.objects.get().value == 3
    assert not OrientationPage.objects.get(number=4).live


def test_emptying_what_an_editor_wrote_needs_removals_allowed(plan, seed_path):
    action = ActionPage.objects.get(number="1.1")
    action.description = "<p>Deux séminaires par an.</p>"
    action.save_revision().publish()
    before = state()

    output = run_import(seed_path)
    assert re.search(r"Action 1\.1 : [^\n]*\[à modifier : description — vide description\]", output)
    with pytest.raises(CommandError, match="retirerait ou viderait"):
        run_import(seed_path, "--apply")
    assert state() == before
    run_import(seed_path, "--apply", "--allow-removals")
    assert ActionPage.objects.get(number="1.1").description == ""


def test_apply_and_dry_run_together_are_refused_in_french(home_page, seed_path):
    with pytest.raises(CommandError, match="donnez --apply ou --dry-run, pas les deux"):
        run_import(seed_path, "--apply", "--dry-run")
    assert not StrategyPlanPage.objects.exists()


def test_every_change_is_a_published_revision(plan, seed_text, write):
    before = Revision.objects.count()
    run_import(write(renamed_action(seed_text, "- 7.2 Engager", "- 7.2 Mener")), "--apply")
    action = ActionPage.objects.get(number="7.2")
    assert Revision.objects.count() == before + 1
    assert action.revisions.count() == 2
    assert action.live_revision_id == action.latest_revision_id
    assert action.live_revision.content["title"].startswith("Mener la réflexion")
    assert not action.has_unpublished_changes
    assert list(
        PageLogEntry.objects.filter(page=action).order_by("pk").values_list("action", flat=True)
    ) == ["wagtail.create", "wagtail.publish", "wagtail.edit", "wagtail.rename", "wagtail.publish"]
    assert PageLogEntry.objects.filter(page=plan, action="strategy.import").count() == 2


def test_a_created_page_is_what_wagtail_would_have_made(plan):
    action = ActionPage.objects.get(number="10.3")
    revision = action.latest_revision
    assert action.live and action.live_revision == revision and not action.has_unpublished_changes
    as_stored = json.loads(json.dumps(action.serializable_data(), cls=DjangoJSONEncoder))
    assert revision.content == as_stored | {
        "latest_revision": None, "live_revision": None, "latest_revision_created_at": None,
    }  # fmt: skip
    assert action.url_path == f"{action.get_parent().url_path}action-10-3/"
    assert action.get_parent().numchild == 3
    entries = PageLogEntry.objects.filter(page=action).order_by("pk")
    assert [e.action for e in entries] == ["wagtail.create", "wagtail.publish"]
    assert entries[1].revision == revision
    assert len({e.uuid for e in PageLogEntry.objects.filter(page__in=[plan, action])}) == 1
    # A page of plain text refers to nothing: rebuilding its references finds none.
    ReferenceIndex.create_or_update_for_object(action)
    assert not ReferenceIndex.get_references_for_object(action).exists()
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths and child counts


def test_imported_and_edited_pages_are_found_by_the_admin_search(plan):
    backend = get_search_backend()
    found = backend.search("observatoire", ActionPage)
    assert [page.number for page in found] == ["10.3"]
    action = ActionPage.objects.get(number="1.1")
    action.title = "Séminaires de l'observatoire"
    action.save_revision().publish()
    assert sorted(page.number for page in backend.search("observatoire", ActionPage)) == [
        "1.1",
        "10.3",
    ]


def generated_plan(actions: int) -> bytes:
    lines = ["Projet associatif 2025-2028", "NOS VALEURS", "- La proximité",
             "QUI SOMMES-NOUS ?", "- 2001 Création", "NOS MISSIONS", "- Accompagner",
             "Orientation 1 : Agir ensemble"]  # fmt: skip
    for axis in range(1, actions // 5 + 1):
        lines += [f"AXE {axis}", f"Se rencontrer, axe {axis}"]
        lines += [f"- {axis}.{k} Organiser l'action {k}" for k in range(1, 6)]
    return "\n".join(lines).encode()


def queries_to_import(home_page, actions: int) -> tuple[int, int]:
    """The SQL queries of the preview and of the application of a new plan."""
    tree = parse_plan(read_bytes(generated_plan(actions)))
    with CaptureQueriesContext(connection) as preview_queries:
        preview = plan_import_preview(tree=tree, parent=home_page)
    with CaptureQueriesContext(connection) as apply_queries:
        report = plan_import_apply(preview=preview)
    with CaptureQueriesContext(connection) as again:
        assert not plan_import_preview(tree=tree, plan=report.plan).has_changes
    report.plan.delete()
    return len(preview_queries), len(apply_queries), len(again)


def test_the_queries_of_an_import_do_not_grow_per_action(home_page):
    small, larger, largest = (queries_to_import(home_page, n) for n in (10, 20, 30))
    assert small[0] == larger[0] == largest[0]  # preview of a new plan: fixed
    assert small[2] == larger[2] == largest[2]  # preview of an existing plan: fixed
    per_five_actions = larger[1] - small[1]  # 2 more axes, 10 more actions
    assert largest[1] - larger[1] == per_five_actions  # each page costs the same
    assert per_five_actions <= 12 * 12  # about ten queries a page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_import_is_found_by_the_site_search(seed_path, professional_client):
    run_import(seed_path, "--apply")
    response = professional_client.get("/recherche/", {"q": "observatoire regional"})
    assert response.status_code == 200
    text = html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))
    assert "Renforcer la fonction d'observatoire régional de l'ARML BFC" in text
