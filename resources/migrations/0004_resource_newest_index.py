from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_resource_types"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="resourcepage",
            index=models.Index(fields=["publication_date", "page_ptr"], name="resource_newest_idx"),
        ),
    ]
