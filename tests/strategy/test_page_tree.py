from wagtail.test.utils import WagtailPageTestCase

from groups.models import StructureSpacePage
from home.models import ContentPage, HomePage
from strategy.models import ActionPage, AxisPage, OrientationPage, StrategyPlanPage


class StrategyPageTreeTests(WagtailPageTestCase):
    def test_plan_tree(self):
        self.assertAllowedParentPageTypes(
            StrategyPlanPage, {HomePage, ContentPage, StructureSpacePage}
        )
        self.assertAllowedSubpageTypes(StrategyPlanPage, {OrientationPage})
        self.assertAllowedSubpageTypes(OrientationPage, {AxisPage})
        self.assertAllowedSubpageTypes(AxisPage, {ActionPage})
        self.assertAllowedSubpageTypes(ActionPage, set())

    def test_a_member_writes_its_plan_in_its_own_space(self):
        self.assertCanCreateAt(ContentPage, StrategyPlanPage)
        self.assertCanNotCreateAt(HomePage, ActionPage)
