"""Reports: how hiring is going, counted from the stage history and the records kept."""
