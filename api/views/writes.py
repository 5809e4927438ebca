"""POST (create) and PATCH (update) of news items and resources. Files go through the
document form of the site, hence through the upload checks of home/uploads."""

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from api.etags import check_if_match, with_etag
from api.serializers.pages import page_detail
from api.serializers.writes import NewsWriteSerializer, ResourceWriteSerializer, paragraphs_html
from api.writes import editable_page, page_create, page_update, parent_for_create
from groups.models import WorkingGroupPage
from home.blocks import ContentBlocks
from home.models import NewsPage
from resources.models import ResourcePage, ResourcePageDocument

SIMPLE_FIELDS = ("title", "summary", "date", "audience", "publication_date")
RELATED_FIELDS = ("resource_type", "producing_structure")


def _fill(page, data):
    for name in SIMPLE_FIELDS:
        if name in data and hasattr(page, name):
            setattr(page, name, data[name])
    for name in RELATED_FIELDS:
        if name in data:
            setattr(page, name, data[name])
    if "thematics" in data:
        page.thematics.set(data["thematics"])
    if "body" in data:
        html = paragraphs_html(data["body"])
        if isinstance(page, NewsPage):
            page.body = ContentBlocks().to_python(
                [{"type": "paragraph", "value": html}] if html else []
            )
        else:
            page.body = html


def _answer(request, page, outcome, status):
    page.refresh_from_db()
    page = page.specific
    data = page_detail(page, request.user, request) | {"outcome": outcome}
    return with_etag(Response(data, status=status), page)


class PageWriteMixin:
    page_class = None
    serializer_class = None
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def _data(self, *, partial):
        serializer = self.serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def create(self, request):
        data = self._data(partial=False)
        if "parent_id" not in data:
            raise ValidationError({"parent_id": [_("This field is required.")]})
        parent = parent_for_create(request.user, data["parent_id"], self.page_class)
        page = self.page_class(title=data["title"])
        with transaction.atomic():
            _fill(page, data)  # in memory, relations included, until the page is saved
            self.before_create(page, parent, data)
            page, _revision, outcome = page_create(
                parent=parent, page=page, user=request.user, action=data["action"]
            )
        return _answer(request, page, outcome, 201)

    def update(self, request, pk):
        page = editable_page(request.user, self.page_class, pk)
        if page is None:
            raise NotFound()
        page = page.get_latest_revision_as_object()
        check_if_match(request, page)
        data = self._data(partial=True)
        with transaction.atomic():
            _fill(page, data)
            self.before_update(page, data)
            _revision, outcome = page_update(
                page=page, user=request.user, action=data.get("action", "draft")
            )
        return _answer(request, page, outcome, 200)

    def before_create(self, page, parent, data):
        pass

    def before_update(self, page, data):
        pass


class NewsWrite(PageWriteMixin):
    page_class = NewsPage
    serializer_class = NewsWriteSerializer

    @extend_schema(
        summary="Créer une actualité",
        request=NewsWriteSerializer,
        responses={201: OpenApiTypes.OBJECT},
    )
    def post(self, request):
        return self.create(request)

    @extend_schema(summary="Modifier une actualité (If-Match requis)",
                   request=NewsWriteSerializer, responses=OpenApiTypes.OBJECT)  # fmt: skip
    def patch(self, request, pk):
        return self.update(request, pk)


def _document_form(user, *, title, collection_id, file, instance):
    Document = get_document_model()
    DocumentForm = get_document_form(Document, fields=["title", "file", "collection"])
    return DocumentForm(
        {"title": title, "collection": str(collection_id)},
        {"file": file},
        user=user,
        instance=instance,
    )


def _checked_document(form):
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        raise ValidationError({"file": errors})
    return form


class ResourceWrite(PageWriteMixin):
    page_class = ResourcePage
    serializer_class = ResourceWriteSerializer

    def before_create(self, page, parent, data):
        if "file" not in data:
            raise ValidationError({"file": [_("Send the resource's file.")]})
        if isinstance(parent, WorkingGroupPage) and parent.collection_id:
            collection_id = parent.collection_id
        else:
            collection_id = Collection.get_first_root_node().pk
        Document = get_document_model()
        document = _checked_document(
            _document_form(
                self.request.user,
                title=data.get("document_title") or data["title"],
                collection_id=collection_id,
                file=data["file"],
                instance=Document(uploaded_by_user=self.request.user),
            )
        ).save()
        # Part of the page before its first revision, so that moderation sees the file.
        page.resource_documents = [ResourcePageDocument(document=document, sort_order=0)]

    def before_update(self, page, data):
        if "file" not in data:
            return
        link = page.resource_documents.select_related("document").order_by("sort_order").first()
        if link is None:
            raise ValidationError({"file": [_("This resource has no document to replace.")]})
        document = link.document
        policy = policy_registry.get_by_type(get_document_model())
        if not policy.user_has_permission_for_instance(self.request.user, "change", document):
            raise PermissionDenied(_("You may not replace this resource's document."))
        _checked_document(
            _document_form(
                self.request.user,
                title=data.get("document_title") or document.title,
                collection_id=document.collection_id,
                file=data["file"],
                instance=document,
            )
        ).save()

    @extend_schema(
        summary="Créer une ressource avec son fichier (multipart)",
        request=ResourceWriteSerializer,
        responses={201: OpenApiTypes.OBJECT},
    )
    def post(self, request):
        return self.create(request)

    @extend_schema(summary="Modifier une ressource, remplacer son fichier (If-Match requis)",
                   request=ResourceWriteSerializer, responses=OpenApiTypes.OBJECT)  # fmt: skip
    def patch(self, request, pk):
        return self.update(request, pk)
