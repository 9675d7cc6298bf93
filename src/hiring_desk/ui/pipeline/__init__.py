"""The board and the move dialog."""
