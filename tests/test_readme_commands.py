"""The README's ways to run the tests stay true: the install line is unchanged and each
quick run names folders that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_says_how_long_the_suite_takes_and_how_to_run_a_part() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest\n' in text
    assert "about 5 minutes on a 2-core machine" in text
    runs = re.findall(r"^python -m pytest (\S+)", text, flags=re.MULTILINE)
    assert "tests/services/candidates" in runs and "-k" in text
    for folder in runs:
        assert (ROOT / folder).is_dir(), folder
