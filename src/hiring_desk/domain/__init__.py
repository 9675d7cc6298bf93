"""Pure rules and vocabularies of hiring, with no I/O and no Qt."""
