"""`python -m hiring_desk`: the same entry point as the `hiring-desk` command."""

from hiring_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
