"""Admin panels of the strategy pages."""

from wagtail.admin.panels import Panel


class MissingSectionsPanel(Panel):
    """On a structure's plan in the admin: the required sections of the current common
    model it lacks or leaves empty. Nothing on a regional plan or on the model."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "strategy/admin/missing_sections_panel.html"

        def is_shown(self):
            from strategy.models.trame import follows_the_trame

            return follows_the_trame(self.instance)

        def get_context_data(self, parent_context=None):
            from strategy.models.trame import missing_sections

            context = super().get_context_data(parent_context)
            context["missing"] = missing_sections(self.instance)
            return context
