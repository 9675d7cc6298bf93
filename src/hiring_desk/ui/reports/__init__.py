"""The Reports page: charts of how hiring is going, and printing them."""
