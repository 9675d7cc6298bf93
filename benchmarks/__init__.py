"""Benchmarks for Hiring Desk: synthetic workbooks, and a runner that compares each
figure with its bare lower bound measured on the same machine in the same run.

``python -m benchmarks`` runs everything and prints the table; ``python -m
benchmarks.generate`` only makes (or reuses) the synthetic workbooks. This folder is
not part of the installed package. Nothing heavy is imported here, so the
fresh-process probes (``benchmarks.probe``) start as quickly as the app would.
"""
