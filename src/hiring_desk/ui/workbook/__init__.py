"""The welcome page, backups, preferences, recent files, undo and location notices."""
