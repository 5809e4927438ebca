"""The network directory and editing one's own profile, photo included."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from groups.models import Profile
from groups.services import membership_add
from tests.factories import NetworkDirectoryPageFactory, StructureFactory

from .conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    return NetworkDirectoryPageFactory(parent=home_page)


def image_upload(size=(1200, 900), image_format="JPEG", name="photo.jpg", exif=True):
    image = Image.new("RGB", size, "teal")
    output = io.BytesIO()
    kwargs = {}
    if exif and image_format == "JPEG":
        exif_data = Image.Exif()
        exif_data[0x010F] = "Appareil secret"  # Make
        exif_data[0x8825] = {2: (45.0, 0.0, 0.0)}  # GPS latitude
        kwargs["exif"] = exif_data.tobytes()
    image.save(output, format=image_format, **kwargs)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def profile_data(**extra):
    return {
        "first_name": "Thomas",
        "last_name": "Girard",
        "job_title": "Conseiller",
        "phone": "",
        "bio": "",
        "digest_frequency": "weekly",
        **extra,
    }


def test_structures_list_their_people(client, directory, professional):
    professional.last_name = "Girard"
    professional.save()
    client.force_login(professional)
    text = client.get(directory.url).content.decode()
    assert professional.profile.structure.name in text
    assert "Thomas Girard" in text


def test_people_are_filtered_by_structure_thematic_and_group(
    client, directory, open_group, justice, professional, member
):
    other = make_person("autre", first_name="Inès", last_name="Roux")
    other.profile.structure = StructureFactory(name="Mission Locale de Gray")
    other.profile.save()
    member.profile.referent_thematics.add(justice)
    membership_add(group=open_group, user=member)
    client.force_login(professional)
    url = directory.url + "personnes/"
    by_structure = client.get(url, {"structure": other.profile.structure_id}).content.decode()
    assert "Inès Roux" in by_structure and "Paul Durand" not in by_structure
    by_thematic = client.get(url, {"thematic": justice.pk}).content.decode()
    assert "Paul Durand" in by_thematic and "Inès Roux" not in by_thematic
    by_group = client.get(url, {"group": open_group.pk}).content.decode()
    assert "Paul Durand" in by_group and "Inès Roux" not in by_group
    by_name = client.get(url, {"q": "roux"}).content.decode()
    assert "Inès Roux" in by_name and "Paul Durand" not in by_name


def test_people_filter_offers_no_hidden_group(client, directory, private_group, outsider):
    client.force_login(outsider)
    text = client.get(directory.url + "personnes/").content.decode()
    assert "Référents Justice" not in text
    response = client.get(directory.url + "personnes/", {"group": private_group.pk})
    assert "Paul Durand" not in response.content.decode()


def test_profile_page_shows_only_the_groups_the_viewer_may_view(
    client, directory, private_group, open_group, member, outsider
):
    membership_add(group=open_group, user=member)
    client.force_login(outsider)
    text = client.get(f"{directory.url}personnes/{member.pk}/").content.decode()
    assert "Référents entreprises" in text
    assert "Référents Justice" not in text
    client.force_login(member)
    text = client.get(f"{directory.url}personnes/{member.pk}/").content.decode()
    assert "Référents Justice" in text


def test_a_photo_is_resized_and_stripped_of_its_metadata(client, directory, professional):
    client.force_login(professional)
    response = client.post(
        "/reseau/mon-profil/", profile_data(photo=image_upload(exif=True)), follow=True
    )
    assert "Votre profil est enregistré." in response.content.decode()
    profile = Profile.objects.get(user=professional)
    with Image.open(profile.photo.path) as stored:
        assert max(stored.size) <= 400
        assert stored.format == "JPEG"
        assert not stored.getexif()
    assert profile.photo.name.startswith("images/profiles/")
    assert client.get(profile.photo.url).status_code == 200


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("cv.pdf", b"%PDF-1.4 pas une image"),
            "Les fichiers se terminant par .pdf ne sont pas acceptés.",
        ),
        (
            SimpleUploadedFile("faux.jpg", b"\xff\xd8\xff\xe0 tronque"),
            "Le fichier .jpg est endommagé ou incomplet et ne peut pas être ouvert.",
        ),
    ],
)
def test_non_images_are_refused_in_french(client, professional, upload, message):
    client.force_login(professional)
    response = client.post("/reseau/mon-profil/", profile_data(photo=upload))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Profile.objects.get(user=professional).photo


def test_oversized_files_are_refused(client, professional, settings):
    settings.TRAME_AVATAR_MAX_UPLOAD_SIZE = 1000
    client.force_login(professional)
    response = client.post("/reseau/mon-profil/", profile_data(photo=image_upload()))
    assert "Le fichier est trop volumineux : " in response.content.decode()
    assert "alors que la limite est de 1\xa0000 octets." in response.content.decode()


def test_decompression_bombs_are_refused(client, professional):
    # A tiny PNG declaring 30 000 × 30 000 pixels: refused before any pixel is decoded.
    output = io.BytesIO()
    Image.new("1", (30_000, 30_000)).save(output, format="PNG", optimize=True)
    assert output.tell() < 5 * 1024 * 1024
    client.force_login(professional)
    response = client.post(
        "/reseau/mon-profil/",
        profile_data(photo=SimpleUploadedFile("bombe.png", output.getvalue())),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "L’image déclare tant de pixels qu’elle n’a pas été ouverte" in text
