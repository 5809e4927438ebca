"""A French, accent-insensitive text search configuration for PostgreSQL.

`french_unaccent` folds accents (unaccent) then stems in French (french_stem), so `equipe`
finds `équipe` and `formations` finds `formation`. Other databases need nothing here.
"""

from django.db import migrations

CREATE_SQL = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
DROP_SQL = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_config, drop_config)]
