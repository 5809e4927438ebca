"""Helpers for the transactional tests (live server, real commits)."""

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections


def restore_migrated_data() -> None:
    """Put back what the migrations created (content types, permissions, root page, site,
    root collection): a transactional test with serialized rollback ends with a flush that
    skips post_migrate, so later transactional tests would otherwise find none of them."""
    from django.contrib.contenttypes.models import ContentType

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            # The last flush may or may not have emitted post_migrate: start from empty.
            call_command(
                "flush",
                database=connection.alias,
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(contents)
            # The rows came back with their ids: PostgreSQL's sequences must follow, or the
            # next insert of a later test reuses id 1.
            models = apps.get_models(include_auto_created=True)
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)
            ContentType.objects.clear_cache()


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_serialized_rollback"}


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))
