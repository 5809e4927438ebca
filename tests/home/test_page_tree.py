from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from groups.models import NetworkDirectoryPage, ThematicIndexPage, WorkingGroupIndexPage
from home.models import ContentPage, EventIndexPage, EventPage, HomePage, NewsIndexPage, NewsPage
from legal.models import AccessibilityPage, LegalNoticesPage, PrivacyPage
from participation.proposals.models import GoodPracticeIndexPage
from resources.models import ResourceIndexPage
from strategy.models import StrategyPlanPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_is_created_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                NewsIndexPage,
                EventIndexPage,
                ContentPage,
                ThematicIndexPage,
                WorkingGroupIndexPage,
                NetworkDirectoryPage,
                StrategyPlanPage,
                ResourceIndexPage,
                GoodPracticeIndexPage,
                AccessibilityPage,
                PrivacyPage,
                LegalNoticesPage,
            },
        )

    def test_index_pages_are_singletons_under_home(self):
        for index in (NewsIndexPage, EventIndexPage):
            with self.subTest(index=index):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertEqual(index.max_count, 1)

    def test_news_and_events_live_in_their_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(ContentPage, EventPage)

    def test_content_pages_nest(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(NewsIndexPage, ContentPage)


class EditorFormTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_an_editor_creates_a_content_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Nos valeurs",
                    "slug": "nos-valeurs",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Solidarité", "level": "h2"}),
                            ("paragraph", rich_text("<p>Ensemble, plus forts.</p>")),
                            ("quote", {"quote": "Un réseau qui coopère.", "attribution": ""}),
                        ]
                    ),
                }
            ),
        )
        page = ContentPage.objects.get(slug="nos-valeurs")
        self.assertEqual(
            [block.block_type for block in page.body], ["heading", "paragraph", "quote"]
        )
