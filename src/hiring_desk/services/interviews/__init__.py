"""Question bank, interview plans, scheduling, calendar export, scorecards and interview packs."""
