"""Applications and their stages: moves by the rules, the board, match scores."""
