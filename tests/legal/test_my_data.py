"""« Mes données »: a person downloads, as JSON and as a zip of CSVs, everything Trame holds
about them, gathered from every app's contributor, and nothing private about anyone else."""

import io
import json
import zipfile

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from django_otp import DEVICE_ID_SESSION_KEY

from groups.follows import follow_set
from home.data_export import contributors
from home.two_factor.services import recovery_codes_regenerate
from tests.factories import ContentPageFactory, TOTPDeviceFactory


def download_json(client) -> dict:
    response = client.get("/compte/mes-donnees/mes-donnees.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-trame-')
    assert response["Cache-Control"] == "no-store, private"
    return json.loads(response.content)


def test_every_app_contributes_its_part():
    modules = {contribute.__module__ for contribute in contributors()}
    assert {
        "home.personal_data",
        "groups.personal_data",
        "resources.personal_data",
        "strategy.personal_data",
        "search.personal_data",
        "legal.personal_data",
    } <= modules


def test_json_holds_profile_memberships_follows_two_factor_documents_and_pages(
    client, member, private_group, justice, home_page
):
    member.profile.phone = "03 81 00 00 00"
    member.profile.bio = "Conseiller justice à Besançon."
    member.profile.save()
    follow_set(user=member, thematic=justice, follow=True)
    device = TOTPDeviceFactory(user=member)
    codes = recovery_codes_regenerate(user=member)
    document = get_document_model()(
        title="Mon guide", file=ContentFile(b"x", name="guide.txt"),
        collection=private_group.collection, uploaded_by_user=member,
    )  # fmt: skip
    document.save()
    ContentPageFactory(parent=home_page, title="Ma page", owner=member)
    client.force_login(member)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # the code was given at login
    session.save()

    data = download_json(client)

    assert data["compte"]["rows"][0]["courriel"] == member.email
    assert data["profil"]["rows"][0]["telephone"] == "03 81 00 00 00"
    assert data["profil"]["rows"][0]["lettre_d_information"] == "Chaque semaine"
    assert [row["groupe"] for row in data["groupes"]["rows"]] == ["Référents Justice"]
    assert [row["suivi"] for row in data["abonnements"]["rows"]] == ["Justice"]
    assert data["double_authentification"]["rows"] == [
        {"active": True, "codes_de_secours_restants": 10}
    ]
    assert [row["titre"] for row in data["documents_deposes"]["rows"]] == ["Mon guide"]
    assert [row["titre"] for row in data["pages"]["rows"]] == ["Ma page"]
    assert data["historique_de_recherche"]["rows"] == []
    assert "sans le nom" in data["historique_de_recherche"]["note"]
    raw = json.dumps(data)
    assert device.key not in raw
    assert not any(code in raw for code in codes)


def test_nothing_private_about_other_people(client, member, lead, outsider, private_group):
    """A fellow member's email and phone, and a group the person does not belong to, never
    appear in their download."""
    lead.profile.phone = "06 12 34 56 78"
    lead.profile.save()
    client.force_login(outsider)
    raw = json.dumps(download_json(client), ensure_ascii=False)
    for secret in (lead.email, "06 12 34 56 78", member.email, "Référents Justice",
                   "Nouvelle confidentielle"):  # fmt: skip
        assert secret not in raw


def test_owned_pages_in_a_group_left_since_are_not_listed(
    client, outsider, private_group, home_page
):
    ContentPageFactory(parent=home_page, title="Page publique à moi", owner=outsider)
    ContentPageFactory(parent=private_group, title="Page du groupe", owner=outsider)
    client.force_login(outsider)
    titles = [row["titre"] for row in download_json(client)["pages"]["rows"]]
    assert titles == ["Page publique à moi"]


def test_csv_zip_has_one_french_excel_file_per_section(client, member, private_group):
    member.first_name = '=HYPERLINK("http://x")'
    member.save()
    client.force_login(member)
    response = client.get("/compte/mes-donnees/mes-donnees.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"compte.csv", "profil.csv", "groupes.csv", "abonnements.csv"} <= names
    account = archive.read("compte.csv").decode("utf-8")
    assert account.startswith("\ufeffidentifiant;prenom;nom;courriel")
    assert "'=HYPERLINK" in account  # neutralised formula (home/spreadsheets.py)
    assert "Référents Justice" in archive.read("groupes.csv").decode("utf-8")


def test_page_lists_the_sections_and_links_to_both_downloads(professional_client):
    response = professional_client.get("/compte/mes-donnees/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mes données" in html
    assert 'href="/compte/mes-donnees/mes-donnees.json"' in html
    assert 'href="/compte/mes-donnees/mes-donnees.zip"' in html
    assert "Profil et préférences de la lettre d" in html


def test_the_user_menu_links_to_my_data(professional_client):
    assert 'href="/compte/mes-donnees/"' in professional_client.get("/").content.decode()


def test_anonymous_people_are_sent_to_the_login(client, db):
    for url in ("/compte/mes-donnees/", "/compte/mes-donnees/mes-donnees.json"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")
