"""Emails to candidates: templates, drafts for the mail program, the messages made."""
