"""What a client may send to create or update a news item or a resource. Text comes in as
plain text and is stored escaped: no HTML from outside reaches the pages."""

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from groups.models import Structure, Thematic
from resources.models import ResourceType
from resources.models.pages import Audience

ACTIONS = [
    ("draft", _("Save a draft")),
    ("submit", _("Submit to moderation")),
    ("publish", _("Publish")),
]


def paragraphs_html(text: str) -> str:
    """Plain text, one paragraph per blank-line-separated block, escaped."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks if block)


class PageWriteSerializer(serializers.Serializer):
    parent_id = serializers.IntegerField(
        required=False, help_text="Page parente (création seulement)."
    )
    title = serializers.CharField(max_length=255)
    summary = serializers.CharField(max_length=400, required=False, allow_blank=True)
    thematics = serializers.PrimaryKeyRelatedField(
        queryset=Thematic.objects.all(), many=True, required=False
    )
    body = serializers.CharField(
        required=False, allow_blank=True, max_length=50000, help_text="Texte brut."
    )
    action = serializers.ChoiceField(choices=ACTIONS, default="draft")
    revision_id = serializers.IntegerField(
        required=False, help_text="Révision lue (au lieu de l'en-tête If-Match)."
    )


class NewsWriteSerializer(PageWriteSerializer):
    date = serializers.DateField(required=False)


class ResourceWriteSerializer(PageWriteSerializer):
    resource_type = serializers.PrimaryKeyRelatedField(
        queryset=ResourceType.objects.all(), required=False, allow_null=True
    )
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)
    producing_structure = serializers.PrimaryKeyRelatedField(
        queryset=Structure.objects.filter(is_active=True), required=False, allow_null=True
    )
    publication_date = serializers.DateField(required=False)
    file = serializers.FileField(
        required=False, help_text="Le fichier (multipart) ; contrôlé comme sur le site."
    )
    document_title = serializers.CharField(max_length=255, required=False)
