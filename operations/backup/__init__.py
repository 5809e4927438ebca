"""Backups of the database and MEDIA_ROOT in one tar archive with a manifest (see README,
« Sauvegarde et restauration »).

Why the databases' own tools rather than django-dbbackup (5.4, which does support Django
5.2): django-dbbackup writes the database and the media as two separate files with no
manifest, so "one archive that proves it is complete" would still have to be built around
it; its default SQLite connector replays a SQL text dump, which does not round-trip the FTS5
tables of the search index; and on PostgreSQL it runs pg_dump itself. Here:

- SQLite: the online backup API (`sqlite3.Connection.backup`), a consistent copy of a live
  database (WAL readers and writers keep working), pages and FTS5 tables included;
- PostgreSQL: `pg_dump --format=custom` / `pg_restore` (client tools of the server's major
  version or newer), with an exported snapshot so the manifest's counts are those of the
  dump exactly.
"""

from operations.backup.errors import BackupError

__all__ = ["BackupError"]
