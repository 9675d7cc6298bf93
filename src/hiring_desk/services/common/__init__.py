"""What every feature's services share: typed errors, the cleaning of text from
outside, the audit trail, stored match scores and time zones. Imports no feature."""
