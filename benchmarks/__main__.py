"""``python -m benchmarks``: run every figure and print the table (see ``run``)."""

from benchmarks.run import main

main()
