from django.db import migrations

# The kinds of resources the network produces; editors may add or rename them (snippets).
RESOURCE_TYPES = [
    ("guide", "Guide"),
    ("fiche-pratique", "Fiche pratique"),
    ("compte-rendu", "Compte-rendu"),
    ("support-de-presentation", "Support de présentation"),
    ("modele-trame", "Modèle / trame"),
    ("outil", "Outil"),
    ("etude-observatoire", "Étude / observatoire"),
    ("veille", "Veille"),
    ("support-de-communication", "Support de communication"),
    ("support-de-formation", "Support de formation"),
]


def create_resource_types(apps, schema_editor):
    ResourceType = apps.get_model("resources", "ResourceType")
    for order, (slug, name) in enumerate(RESOURCE_TYPES):
        ResourceType.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("resources", "0002_library")]

    operations = [migrations.RunPython(create_resource_types, migrations.RunPython.noop)]
