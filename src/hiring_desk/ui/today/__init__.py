"""The Today page: what needs doing now, each item one click from where it is done."""
