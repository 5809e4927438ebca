"""Images of a members-only group's collection, originals and renditions alike, are served
only to those who may view the group: the file path alone gives a non-member a 404 (the
production proxy serves nothing from MEDIA_ROOT, every media request reaches this view)."""

import pytest

pytestmark = pytest.mark.django_db


def media_urls(image):
    rendition = image.get_rendition("fill-20x20")
    return [f"/media/{image.file.name}", f"/media/{rendition.file.name}"]


def test_non_member_gets_not_found_for_private_original_and_rendition(
    client, private_image, outsider, other_lead
):
    urls = media_urls(private_image)
    assert urls[0].startswith("/media/original_images/")
    assert urls[1].startswith("/media/images/")
    for user in (outsider, other_lead):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)


def test_member_and_editor_get_private_original_and_rendition(
    client, private_image, member, editor
):
    for user in (member, editor):
        client.force_login(user)
        for url in media_urls(private_image):
            response = client.get(url)
            assert response.status_code == 200, (user, url)
            assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"  # a JPEG


def test_image_of_an_open_collection_is_served_to_anyone_logged_in(
    client, private_image, open_group, outsider
):
    private_image.collection = open_group.collection
    private_image.save()
    client.force_login(outsider)
    for url in media_urls(private_image):
        assert client.get(url).status_code == 200, url
