"""Team & Company: members, company profile, rejection reasons, acting member."""
