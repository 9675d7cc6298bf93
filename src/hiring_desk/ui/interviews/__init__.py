"""Interviews page, calendar, scheduling, scorecards, plans, question bank, packs."""
