import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from groups.models import (
    MeetingPage,
    NetworkDirectoryPage,
    StructureSpacePage,
    ThematicHubPage,
    ThematicIndexPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage
from resources.models import ResourcePage
from strategy.models import StrategyPlanPage
from tests.factories import (
    ThematicFactory,
    ThematicIndexPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)


class GroupsPageTreeTests(WagtailPageTestCase):
    def test_index_pages_are_singletons_under_home(self):
        for index in (ThematicIndexPage, WorkingGroupIndexPage, NetworkDirectoryPage):
            with self.subTest(index=index):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertEqual(index.max_count, 1)
                self.assertCanCreateAt(HomePage, index)

    def test_hubs_live_in_the_thematics_index(self):
        self.assertAllowedSubpageTypes(ThematicIndexPage, {ThematicHubPage})
        self.assertAllowedParentPageTypes(ThematicHubPage, {ThematicIndexPage})
        self.assertAllowedSubpageTypes(ThematicHubPage, set())

    def test_a_group_space_holds_meetings_news_and_free_pages(self):
        self.assertAllowedSubpageTypes(WorkingGroupIndexPage, {WorkingGroupPage})
        self.assertAllowedSubpageTypes(
            WorkingGroupPage, {MeetingPage, NewsPage, ContentPage, ResourcePage}
        )
        self.assertAllowedParentPageTypes(MeetingPage, {WorkingGroupPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())
        self.assertCanCreateAt(WorkingGroupPage, NewsPage)
        self.assertCanCreateAt(WorkingGroupPage, ContentPage)

    def test_misplaced_pages_are_refused(self):
        self.assertCanNotCreateAt(HomePage, WorkingGroupPage)
        self.assertCanNotCreateAt(HomePage, MeetingPage)
        self.assertCanNotCreateAt(NewsIndexPage, MeetingPage)
        self.assertCanNotCreateAt(ContentPage, MeetingPage)
        self.assertCanNotCreateAt(WorkingGroupIndexPage, MeetingPage)
        self.assertCanNotCreateAt(HomePage, ThematicHubPage)

    def test_a_structure_space_sits_under_the_directory(self):
        self.assertAllowedSubpageTypes(NetworkDirectoryPage, {StructureSpacePage})
        self.assertAllowedParentPageTypes(StructureSpacePage, {NetworkDirectoryPage})
        self.assertAllowedSubpageTypes(StructureSpacePage, {ContentPage, StrategyPlanPage})
        self.assertCanNotCreateAt(HomePage, StructureSpacePage)


class GroupsEditorFormTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_an_editor_creates_the_index_pages(self):
        for model, slug in (
            (ThematicIndexPage, "thematiques"),
            (WorkingGroupIndexPage, "groupes-de-travail"),
            (NetworkDirectoryPage, "annuaire"),
        ):
            with self.subTest(model=model):
                self.assertCanCreate(
                    self.home, model, nested_form_data({"title": slug.title(), "slug": slug})
                )

    def test_an_editor_creates_a_hub_for_a_thematic(self):
        index = ThematicIndexPageFactory(parent=self.home)
        thematic = ThematicFactory(name="Observatoire", slug="observatoire")
        self.assertCanCreate(
            index,
            ThematicHubPage,
            nested_form_data(
                {
                    "title": "Observatoire",
                    "slug": "observatoire",
                    "thematic": thematic.pk,
                    "body": streamfield([]),
                }
            ),
        )
        self.assertEqual(ThematicHubPage.objects.get().thematic, thematic)

    def test_an_editor_creates_a_members_only_group_and_it_is_synced(self):
        index = WorkingGroupIndexPageFactory(parent=self.home)
        thematic = ThematicFactory()
        self.assertCanCreate(
            index,
            WorkingGroupPage,
            nested_form_data(
                {
                    "title": "Référents Justice",
                    "slug": "referents-justice",
                    "mandate": rich_text("<p>Accompagner les jeunes sous main de justice.</p>"),
                    "thematics": str(thematic.pk),
                    "status": "active",
                    "visibility": "members",
                    "action-publish": "publish",
                }
            ),
        )
        group = WorkingGroupPage.objects.get(slug="referents-justice")
        self.assertEqual(list(group.thematics.all()), [thematic])
        self.assertTrue(Group.objects.filter(pk=group.members_group_id).exists())
        self.assertTrue(PageViewRestriction.objects.filter(page=group).exists())

    def test_an_editor_creates_a_meeting(self):
        index = WorkingGroupIndexPageFactory(parent=self.home)
        group = WorkingGroupPageFactory(parent=index)
        start = timezone.localtime() + datetime.timedelta(days=3)
        self.assertCanCreate(
            group,
            MeetingPage,
            nested_form_data(
                {
                    "title": "Réunion de rentrée",
                    "slug": "reunion-de-rentree",
                    "start": start.strftime("%Y-%m-%d %H:%M"),
                    "location": "Besançon",
                    "agenda": rich_text("<ul><li>Tour de table</li></ul>"),
                    "minutes": streamfield([]),
                    "attachments": inline_formset([]),
                }
            ),
        )
        meeting = MeetingPage.objects.get(slug="reunion-de-rentree")
        self.assertEqual(meeting.location, "Besançon")
        self.assertFalse(meeting.has_minutes)
