"""`python -m hiring_desk`: the same entry point as the `hiring-desk` command."""

import multiprocessing

from hiring_desk.cli import main

if __name__ == "__main__":
    # In a frozen build, the processes that read PDFs (services.pdf_reading) start here.
    multiprocessing.freeze_support()
    raise SystemExit(main())
