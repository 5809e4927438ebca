"""The editors' index health panel on the Wagtail dashboard."""

from wagtail.admin.ui.components import Component

from search.health import IndexHealth

HEALTH_PERMISSION = "search.view_indexcheck"


class IndexHealthPanel(Component):
    name = "search_index_health"
    template_name = "search/admin/index_health_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {"health": IndexHealth()}
