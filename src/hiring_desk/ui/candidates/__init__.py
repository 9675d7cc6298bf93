"""Candidates page, its table model, detail panel, dialogs, import and merge."""
