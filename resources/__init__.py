"""Built-in content: icons, catalogs, templates and question banks."""
