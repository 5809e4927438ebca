from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from groups.models import WorkingGroupPage
from home.models import HomePage
from resources.models import ResourceIndexPage, ResourcePage, ResourceType
from tests.factories import ResourceIndexPageFactory, ThematicFactory


class ResourcePageTreeTests(WagtailPageTestCase):
    def test_the_library_is_a_singleton_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertEqual(ResourceIndexPage.max_count, 1)

    def test_resources_live_in_the_library(self):
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage, WorkingGroupPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())

    def test_an_editor_creates_a_resource_with_its_metadata(self):
        self.login()
        library = ResourceIndexPageFactory(parent=HomePage.objects.get())
        thematic = ThematicFactory(name="Emploi", slug="emploi")
        data = nested_form_data(
            {
                "title": "Guide de la prospection",
                "slug": "guide-prospection",
                "summary": "Méthodes partagées.",
                "resource_type": ResourceType.objects.get(slug="guide").pk,
                "audience": "counsellors",
                "publication_date": "2024-05-02",
                "body": rich_text("<p>Un guide.</p>"),
                "resource_documents": inline_formset([]),
                "links": inline_formset(
                    [{"title": "Site du ministère", "url": "https://travail-emploi.gouv.fr"}]
                ),
                "related_resources": inline_formset([]),
                "action-publish": "publish",
            }
        )
        data["thematics"] = [thematic.pk]  # nested_form_data would number a list's items
        self.assertCanCreate(library, ResourcePage, data)
        resource = ResourcePage.objects.get(slug="guide-prospection")
        self.assertEqual(list(resource.thematics.all()), [thematic])
        self.assertEqual(resource.links.get().title, "Site du ministère")
