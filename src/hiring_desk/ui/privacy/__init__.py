"""Consent, retention review, erasure and access-request dialogs."""
