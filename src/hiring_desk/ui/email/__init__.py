"""Writing to candidates: the compose, bulk and email-templates dialogs."""
