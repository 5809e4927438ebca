"""The resources app's part of « Mes données »: the documents and images the person uploaded,
in collections they may still view (a group's space they left is not theirs to list)."""

from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.data_export import Section
from home.visibility import documents_visible_to, in_visible_collections


def personal_data(user) -> list[Section]:
    documents = documents_visible_to(
        get_document_model().objects.filter(uploaded_by_user=user), user
    ).select_related("collection")
    images = in_visible_collections(
        get_image_model().objects.filter(uploaded_by_user=user), user
    ).select_related("collection")
    return [
        Section(
            key="documents_deposes",
            title=_("Documents you uploaded"),
            columns=["titre", "fichier", "collection", "depose_le"],
            rows=[
                [d.title, d.filename, d.collection.name, d.created_at]
                for d in documents.order_by("created_at")
            ],
        ),
        Section(
            key="images_deposees",
            title=_("Images you uploaded"),
            columns=["titre", "fichier", "collection", "deposee_le"],
            rows=[
                [i.title, i.filename, i.collection.name, i.created_at]
                for i in images.order_by("created_at")
            ],
        ),
    ]
