from .action import ActionPage, Indicator, IndicatorValue
from .imports import PlanImport
from .plan import AxisPage, OrientationPage, StrategyPlanPage
from .review import ActionSnapshot, IndicatorSnapshot, YearlyReview

__all__ = [
    "ActionPage",
    "ActionSnapshot",
    "AxisPage",
    "Indicator",
    "IndicatorSnapshot",
    "IndicatorValue",
    "OrientationPage",
    "PlanImport",
    "StrategyPlanPage",
    "YearlyReview",
]
