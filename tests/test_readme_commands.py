"""The README's ways to run the tests stay true: the Quick start holds its two commands,
the install line is unchanged and each quick run names folders that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_says_how_long_the_suite_takes_and_how_to_run_a_part() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest\n' in text
    assert re.search(r"about \d+ minutes on a 2-core machine", text)
    runs = re.findall(r"^python -m pytest (\S+)", text, flags=re.MULTILINE)
    assert "tests/services/candidates" in runs and "-k" in text
    for folder in runs:
        assert (ROOT / folder).is_dir(), folder


def test_the_quick_start_holds_just_the_two_commands() -> None:
    """Run the app; install and run the tests. The quick runs live under a heading
    of their own, so a new user (and a script reading the Quick start) finds two."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start$(.*?)(?=^## )", text, flags=re.MULTILINE | re.DOTALL)
    assert section is not None
    blocks = re.findall(r"```[^\n]*\n(.*?)```", section.group(1), flags=re.DOTALL)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == [
        "pip install . && hiring-desk",
        'pip install -e ".[test]" && python -m pytest',
    ]
