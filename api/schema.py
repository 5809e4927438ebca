"""The OpenAPI schema of /api/v1/ only (Wagtail's own admin API is not ours to document),
with the personal token described and one operation id per view and method."""

import re

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


def only_api_v1(endpoints):
    """drf-spectacular preprocessing hook: keep the endpoints under /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class TrameAutoSchema(AutoSchema):
    def get_operation_id(self):
        # Lists and items are separate views, so their names tell them apart.
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", type(self.view).__name__).lower()
        return f"{name}_{self.method.lower()}"


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "jetonPersonnel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Jeton personnel créé depuis « Mon profil » (trame_…).",
        }
