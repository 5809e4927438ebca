from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategic plan")

    def ready(self):
        from strategy import indexing
        from strategy.models import ActionPage, AxisPage, OrientationPage

        indexing.connect([OrientationPage, AxisPage, ActionPage])
