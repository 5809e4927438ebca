"""Replace Wagtail's placeholder page with Trame's home page, so that a fresh install
(without demo content) already serves a home page."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    page_content_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    # Deleting the placeholder also deletes the site pointing to it.
    Page.objects.filter(content_type=page_content_type, slug="home", depth=2).delete()
    if HomePage.objects.exists():
        return

    homepage_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Accueil",
        draft_title="Accueil",
        slug="accueil",
        content_type=homepage_content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=Locale.objects.first(),
        live=True,
    )
    Page.objects.filter(pk=root.pk).update(numchild=1)
    Site.objects.create(
        hostname="localhost", port=80, site_name="Trame", root_page=homepage, is_default_site=True
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
