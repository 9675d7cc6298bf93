"""The editable list of rejection reasons."""

from __future__ import annotations

import pytest

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.team import rejection_reasons
from hiring_desk.store import Workbook


def test_add_rename_remove_and_order(workbook: Workbook) -> None:
    first = rejection_reasons.add_reason(workbook, "Skills do not match")
    rejection_reasons.add_reason(workbook, "Salary above budget")
    assert stage_moves.rejection_reasons(workbook) == ["Skills do not match", "Salary above budget"]
    rejection_reasons.rename_reason(workbook, first, "Skills do not match the brief")
    with pytest.raises(ValidationError):
        rejection_reasons.add_reason(workbook, "salary ABOVE budget")
    with pytest.raises(ValidationError):
        rejection_reasons.add_reason(workbook, "   ")
    rejection_reasons.remove_reason(workbook, first)
    assert stage_moves.rejection_reasons(workbook) == ["Salary above budget"]
