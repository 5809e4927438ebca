from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerDocs(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's static files; its start-up script is a
    separate same-origin file, which the Content-Security-Policy (script-src 'self') allows."""

    template_name = "api/swagger_ui.html"
    title = "API de Trame"
