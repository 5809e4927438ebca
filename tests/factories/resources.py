from django.core.files.base import ContentFile

import factory
import wagtail_factories

from resources.file_builders import build_pdf
from resources.models import ResourceDocument, ResourceIndexPage, ResourcePage, ResourceType


class ResourceTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")


class ResourceDocumentFactory(factory.django.DjangoModelFactory):
    """A document with a real PDF file (its text is extracted when saved)."""

    class Meta:
        model = ResourceDocument

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            build_pdf(document.title, ["Un document du réseau des Missions Locales."]),
            name="document.pdf",
        )
    )


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Ressources"
    slug = "ressources"


class ResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Ressource {n}")
    summary = "Une ressource du réseau."
