"""Consent, retention, erasure and access-request exports."""
