"""The fields of one interview round in the plan editor: name, duration, competencies."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from hiring_desk.domain.competencies import Competency
from hiring_desk.services.interviews.plan_defaults import MAX_MINUTES, MIN_MINUTES
from hiring_desk.services.interviews.plan_views import RoundView
from hiring_desk.ui.forms import FieldWithError, name_from_labels


class RoundForm(QWidget):
    """Shows a round and asks for changes; the editor saves them and shows the result.

    ``rename_requested(name)`` when the name field is left or Return is pressed,
    ``duration_requested(minutes)`` when the spin box settles on a new value, and
    ``competencies_requested(keys)`` when a box is ticked or cleared (the round's
    order kept, new ones last). None is emitted while a round is being shown.
    """

    rename_requested = Signal(str)
    duration_requested = Signal(int)
    competencies_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._round: RoundView | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("round_name")
        self.duration_spin = QSpinBox()
        self.duration_spin.setObjectName("round_duration")
        self.duration_spin.setRange(MIN_MINUTES, MAX_MINUTES)
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setKeyboardTracking(False)  # typed values count once finished
        self.competency_boxes: dict[str, QCheckBox] = {}
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, competency in enumerate(Competency):
            box = QCheckBox(competency.label)
            box.setObjectName(f"round_competency_{competency.value}")
            box.toggled.connect(self._toggled)
            self.competency_boxes[competency.value] = box
            grid.addWidget(box, index // 3, index % 3)
        self.fields = {
            "name": FieldWithError(self.name_edit),
            "duration_minutes": FieldWithError(self.duration_spin),
            "competencies": FieldWithError(boxes),
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for text, name, buddy in (
            ("Round &name:", "name", self.name_edit),
            ("Dura&tion:", "duration_minutes", self.duration_spin),
            ("Competencies:", "competencies", None),
        ):
            label = QLabel(text)
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, self.fields[name])
        self.name_edit.editingFinished.connect(self._name_finished)
        self.duration_spin.valueChanged.connect(self._duration_changed)
        self.show_round(None)
        name_from_labels(self)

    def show_round(self, round_view: RoundView | None) -> None:
        self._round = round_view
        self.clear_errors()
        widgets = (self.name_edit, self.duration_spin, *self.competency_boxes.values())
        for widget in widgets:
            widget.blockSignals(True)
        self.name_edit.setText(round_view.name if round_view else "")
        self.duration_spin.setValue(round_view.duration_minutes if round_view else 60)
        for key, box in self.competency_boxes.items():
            box.setChecked(round_view is not None and key in round_view.competencies)
        for widget in widgets:
            widget.blockSignals(False)
            widget.setEnabled(round_view is not None)

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.set_error(None)

    def show_error(self, field: str, message: str) -> None:
        target = self.fields.get(field, self.fields["name"])
        target.set_error(message)
        target.field.setFocus()

    def _name_finished(self) -> None:
        if self._round is not None and self.name_edit.text() != self._round.name:
            self.rename_requested.emit(self.name_edit.text())

    def _duration_changed(self, minutes: int) -> None:
        if self._round is not None and minutes != self._round.duration_minutes:
            self.duration_requested.emit(minutes)

    def _toggled(self) -> None:
        if self._round is None:
            return
        checked = {key for key, box in self.competency_boxes.items() if box.isChecked()}
        keys = [k for k in self._round.competencies if k in checked]
        keys += [k for k in self.competency_boxes if k in checked and k not in keys]
        self.competencies_requested.emit(keys)
