"""The people who hire, the company profile and the list of rejection reasons."""
