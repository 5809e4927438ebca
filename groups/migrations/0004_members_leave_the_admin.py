"""Plain members of working groups no longer get the Wagtail admin (leads keep it): the
permission is taken back from the members' Django groups created before."""

from django.db import migrations


def members_leave_the_admin(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    WorkingGroupPage = apps.get_model("groups", "WorkingGroupPage")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is None:
        return
    member_groups = WorkingGroupPage.objects.exclude(members_group=None).values_list(
        "members_group", flat=True
    )
    access_admin.group_set.remove(*access_admin.group_set.filter(pk__in=member_groups))


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0003_working_groups_directory_follows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(members_leave_the_admin, migrations.RunPython.noop)]
