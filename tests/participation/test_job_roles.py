"""Job roles: each person states theirs, editors correct it in the admin, the directory shows
it, and the demo gives its people believable roles."""

from io import StringIO

from django.core.management import call_command

import pytest

from groups.models import JobRole, Profile
from home.models import NewsPage
from home.roles import editors_group_sync
from participation.kinds import NotificationKind
from participation.models import Notification
from tests.factories import NetworkDirectoryPageFactory, StructureFactory

from .conftest import make_person

pytestmark = pytest.mark.django_db


def profile_data(**extra):
    return {
        "first_name": "Thomas",
        "last_name": "Girard",
        "job_title": "Conseiller en insertion",
        "phone": "",
        "bio": "",
        "digest_frequency": "weekly",
        **extra,
    }


def test_each_person_states_their_job_role_in_their_profile(client, reader):
    adviser = JobRole.objects.get(slug="conseiller")
    client.force_login(reader)
    form = client.get("/reseau/mon-profil/")
    assert "Fonction" in form.text and "Conseiller·ère" in form.text

    response = client.post("/reseau/mon-profil/", profile_data(job_role=adviser.pk), follow=True)

    assert "Votre profil est enregistré." in response.text
    assert Profile.objects.get(user=reader).job_role == adviser


def test_an_unknown_job_role_is_refused_in_french(client, reader):
    client.force_login(reader)
    response = client.post("/reseau/mon-profil/", profile_data(job_role=999999))
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in response.text
    assert Profile.objects.get(user=reader).job_role is None


def test_editors_edit_a_persons_job_role_in_the_admin(client, reader):
    editor = make_person("editrice")
    editor.groups.add(editors_group_sync())
    director = JobRole.objects.get(slug="direction")
    structure = StructureFactory(name="Mission Locale de Dijon")
    profile = Profile.objects.get(user=reader)
    client.force_login(editor)
    url = f"/admin/snippets/groups/profile/edit/{profile.pk}/"

    listing = client.get("/admin/snippets/groups/profile/")
    assert listing.status_code == 200 and "Garnier" in listing.text
    response = client.post(
        url, {"structure": structure.pk, "job_title": "Directrice", "job_role": director.pk}
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.job_role, profile.structure) == (director, structure)
    assert client.get("/admin/snippets/groups/jobrole/").status_code == 200


def test_a_professional_cannot_edit_profiles_in_the_admin(client, reader, other):
    client.force_login(other)
    profile = Profile.objects.get(user=reader)
    response = client.post(
        f"/admin/snippets/groups/profile/edit/{profile.pk}/",
        {"job_title": "Pirate", "job_role": ""},
    )
    assert response.status_code in (302, 403)
    profile.refresh_from_db()
    assert profile.job_title != "Pirate"


def test_the_directory_shows_and_filters_by_job_role(client, home_page, reader, other):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    adviser = JobRole.objects.get(slug="conseiller")
    Profile.objects.filter(user=reader).update(job_role=adviser)
    client.force_login(make_person("visiteuse", first_name="Zoé", last_name="Blanc"))

    people = client.get(directory.url + "personnes/", {"job_role": adviser.pk})
    person = client.get(directory.url + f"personnes/{reader.pk}/")

    assert "Garnier" in people.text and "Roux" not in people.text
    assert "Conseiller·ère" in people.text
    assert person.status_code == 200 and "Conseiller·ère" in person.text


def test_the_demo_gives_roles_and_tells_the_advisers_once(
    settings, django_capture_on_commit_callbacks
):
    settings.DEMO_PASSWORD = "mot-de-passe-demo"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())

    thomas = Profile.objects.select_related("job_role").get(user__username="professionnel")
    assert thomas.job_role.slug == "conseiller"
    demo_people = Profile.objects.filter(user__email__endswith="@trame.example")
    assert not demo_people.filter(job_role=None).exists()
    news = NewsPage.objects.get(slug="conseillers-nouvelle-grille-entretien-diagnostic-cej")
    told = Notification.objects.filter(kind=NotificationKind.NEWS)
    advisers = demo_people.filter(job_role__slug="conseiller").count()
    assert told.count() == advisers > 1
    assert told.filter(recipient=thomas.user).exists()
    assert thomas.user.notifications.count() >= 2
    snapshot = (
        list(Profile.objects.order_by("pk").values_list("pk", "job_role")),
        Notification.objects.count(),
        JobRole.objects.count(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())

    assert snapshot == (
        list(Profile.objects.order_by("pk").values_list("pk", "job_role")),
        Notification.objects.count(),
        JobRole.objects.count(),
    )
    assert news.live


def test_editors_address_a_news_item_to_a_job_role_in_the_admin(client, home_page):
    from tests.factories import NewsIndexPageFactory, NewsPageFactory

    editor = make_person("editrice")
    editor.groups.add(editors_group_sync())
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    client.force_login(editor)

    response = client.get(f"/admin/pages/{news.pk}/edit/")

    assert response.status_code == 200
    assert "Destinataires" in response.text
    assert "Conseiller·ère" in response.text
