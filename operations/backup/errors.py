class BackupError(Exception):
    """A backup, a check or a restore that cannot go on; the message is French, for people."""
