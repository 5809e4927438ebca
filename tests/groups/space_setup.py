"""Two structures with their spaces, people and roles, and the common model (trame): shared
by the tests of structure spaces, structure plans and the permission matrix."""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from groups.spaces import structure_editor_add, structure_space_create
from home.roles import editors_group_sync
from tests.factories import (
    ContentPageFactory,
    NetworkDirectoryPageFactory,
    ProfileFactory,
    StrategyPlanPageFactory,
    StructureFactory,
    UserFactory,
)

TRAME_SECTIONS = [
    ("history", {"heading": "Qui sommes-nous", "guidance": "Votre histoire en quelques dates.",
                 "required": True, "content": []}),
    ("values", {"heading": "Nos valeurs", "guidance": "Trois à cinq valeurs.", "required": True,
                "content": [("bullet_list", ["Exemple : la proximité"])]}),
    ("missions", {"heading": "Nos missions", "guidance": "", "required": True, "content": []}),
    ("review", {"heading": "État des lieux", "guidance": "Forces et axes de progrès.",
                "required": False, "content": []}),
]  # fmt: skip


def person(username, structure, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs), structure=structure).user


def add_document(collection, title, name):
    document = get_document_model()(
        title=title, file=ContentFile(b"contenu", name=name), collection=collection
    )
    document.save()
    return document


def build_spaces(home_page, *, trame=True):
    directory = NetworkDirectoryPageFactory(parent=home_page, title="Le réseau", slug="le-reseau")
    a = StructureFactory(name="Mission Locale du Chalonnais", short_name="ML Chalon")
    b = StructureFactory(name="Mission Locale de Nevers", short_name="ML Nevers")
    s = SimpleNamespace(directory=directory, a=a, b=b)
    s.director_a = person("directrice-a", a, first_name="Claire", last_name="Roux")
    a.director = s.director_a
    a.save()
    s.colleague_a = person("collegue-a", a, first_name="Karim", last_name="Haddad")
    s.member_a = person("membre-a", a, first_name="Inès", last_name="Faure")
    s.member_b = person("membre-b", b, first_name="Hugo", last_name="Blanc")
    s.editor_b = person("editeur-b", b, first_name="Emma", last_name="Garnier")
    s.regional_editor = person("editrice-arml", None, first_name="Julie", last_name="Moreau")
    s.regional_editor.groups.add(editors_group_sync())
    s.space_a = structure_space_create(structure=a, parent=directory)
    s.space_b = structure_space_create(structure=b, parent=directory)
    structure_editor_add(structure=b, user=s.editor_b, by=s.regional_editor)
    s.private_page_a = ContentPageFactory(
        parent=s.space_a.private_page, title="Notes du comité de direction", slug="notes-codir"
    )
    s.private_document_a = add_document(
        s.space_a.private_collection, "Budget prévisionnel confidentiel", "budget.txt"
    )
    s.public_document_a = add_document(s.space_a.collection, "Plaquette de présentation", "p.txt")
    # Collections are kept in name order: creating B's moved A's; read them afresh.
    Document = get_document_model()
    s.private_document_a = Document.objects.get(pk=s.private_document_a.pk)
    s.public_document_a = Document.objects.get(pk=s.public_document_a.pk)
    if trame:
        s.trame = StrategyPlanPageFactory(
            parent=home_page, title="Trame commune 2025-2028", slug="trame", is_model=True,
            period_start=2025, period_end=2028, sections=TRAME_SECTIONS,
        )  # fmt: skip
    return s
