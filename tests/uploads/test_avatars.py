"""Profile pictures: the admin's (Wagtail's account page) and the intranet's profile photo.
A refused one says why; an accepted one is re-encoded and served to logged-in people."""

import io

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from PIL import Image

from groups.models import Profile

from .paths import admin_avatar, profile_photo

pytestmark = pytest.mark.django_db


def photo_with_exif(size=(1200, 900)) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"  # Make
    exif[0x8825] = {2: (45.0, 0.0, 0.0)}  # GPS latitude
    output = io.BytesIO()
    Image.new("RGB", size, "teal").save(output, format="JPEG", exif=exif.tobytes())
    return output.getvalue()


def stored_photo(user, path_name):
    if path_name == "admin_avatar":
        return UserProfile.get_for_user(user).avatar
    return Profile.objects.get(user=user).photo


@pytest.mark.parametrize(
    ("path_name", "upload"), [("admin_avatar", admin_avatar), ("profile_photo", profile_photo)]
)
def test_an_accepted_picture_is_re_encoded_and_served(client, upload_context, path_name, upload):
    client.force_login(upload_context.user)
    answer = upload(client, upload_context, "portrait.jpg", photo_with_exif())
    assert answer.accepted, answer.text[:2000]

    photo = stored_photo(upload_context.user, path_name)
    with Image.open(photo.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) <= 400
        assert not stored.getexif()
    response = client.get(photo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == photo.read()
    client.logout()
    assert client.get(photo.url).status_code == 302  # to the login page


def test_the_admin_account_page_shows_the_new_picture(client, upload_context):
    client.force_login(upload_context.user)
    admin_avatar(client, upload_context, "portrait.jpg", photo_with_exif())
    avatar = UserProfile.get_for_user(upload_context.user).avatar
    assert avatar.name.startswith("avatar_images/")
    assert avatar.url in client.get(reverse("wagtailadmin_account")).content.decode()


@pytest.mark.parametrize(
    ("path_name", "upload"), [("admin_avatar", admin_avatar), ("profile_photo", profile_photo)]
)
def test_a_refused_picture_says_why_and_keeps_the_previous_one(
    client, upload_context, path_name, upload
):
    client.force_login(upload_context.user)
    upload(client, upload_context, "portrait.jpg", photo_with_exif())
    previous = stored_photo(upload_context.user, path_name).name

    answer = upload(client, upload_context, "cv.pdf", b"%PDF-1.4 pas une image")

    assert not answer.accepted
    assert (
        "Les fichiers se terminant par .pdf ne sont pas acceptés. "
        "Extensions acceptées : .jpg, .jpeg, .png, .webp, .gif."
    ) in answer.text
    assert stored_photo(upload_context.user, path_name).name == previous


def test_the_profile_form_states_the_size_limit(client, upload_context, settings):
    settings.TRAME_AVATAR_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
    client.force_login(upload_context.user)
    page = client.get(reverse("groups:profile_edit")).content.decode()
    assert "JPEG, PNG, WebP ou GIF, 5 Mo au plus." in page
