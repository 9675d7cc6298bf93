"""A role's stages: add its own inside the phases, rename, reorder, hide, remove, copy.

Every change is saved at once (one service call each) and announced, so the
board shows the new columns. Hired, Rejected and Withdrawn are the same for
every role and are not listed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.pipeline import role_stage_edits as edits
from hiring_desk.services.pipeline import role_stages
from hiring_desk.services.pipeline.role_stages import CUSTOM_PHASES, StageInfo
from hiring_desk.services.roles.role_records import RoleSummary
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import describe_errors, show_errors_in
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import line_edit, plain_label, push_button

KEY_ROLE = Qt.ItemDataRole.UserRole


class StageList(QListWidget):
    """The stages, dragged to reorder; ``dropped`` is called after a drop."""

    def __init__(self, dropped: Callable[[], None]) -> None:
        super().__init__()
        self._dropped = dropped
        self.setObjectName("stages_list")
        self.setAccessibleName("Stages")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.model().rowsMoved.connect(self._moved)

    def _moved(self, *_args: QModelIndex | int) -> None:
        self._dropped()


class StagesDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        workbook: Workbook,
        role: RoleSummary,
        other_roles: list[RoleSummary],
    ) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self.setObjectName("stages_dialog")
        self.setWindowTitle(f"Stages — {role.title}")
        self._workbook, self._role_id = workbook, role.id
        self._stages: list[StageInfo] = []
        intro = plain_label(
            "Add the steps this role goes through inside each phase, such as a take-home "
            "test inside Interview. The rules of the pipeline still work on the phases. "
            "Hired, Rejected and Withdrawn are the same for every role."
        )
        self.stages_list = StageList(self._dropped)
        self.stages_list.currentRowChanged.connect(self._update_buttons)
        self.up_button = push_button("Move &Up", "stage_up", lambda: self._shift(-1))
        self.down_button = push_button("Move &Down", "stage_down", lambda: self._shift(1))
        self.hide_button = push_button("&Hide", "stage_hide", self._toggle_hidden)
        self.remove_button = push_button("&Remove…", "stage_remove", self._remove)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.hide_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.stages_list, 1)
        middle.addLayout(side)

        self.name = line_edit("stage_name", "A stage's name, such as Take-home test")
        self.phase = QComboBox()
        self.phase.setObjectName("stage_phase")
        for phase in CUSTOM_PHASES:
            self.phase.addItem(phase.label, phase.value)
        self.add_button = push_button("&Add Stage", "stage_add", self._add)
        self.rename_button = push_button("Re&name Selected", "stage_rename", self._rename)
        self.copy_from = QComboBox()
        self.copy_from.setObjectName("stages_copy_from")
        for other in other_roles:
            if other.id != role.id:
                self.copy_from.addItem(other.title, other.id)
        self.copy_button = push_button("&Copy", "stages_copy", self._copy)
        self.copy_button.setEnabled(self.copy_from.count() > 0)
        form = QFormLayout()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.rename_button)
        form.addRow(_buddy("&Name:", self.name), name_row)
        phase_row = QHBoxLayout()
        phase_row.addWidget(self.phase, 1)
        phase_row.addWidget(self.add_button)
        form.addRow(_buddy("&Phase:", self.phase), phase_row)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_from, 1)
        copy_row.addWidget(self.copy_button)
        form.addRow(_buddy("Start from the stages &of:", self.copy_from), copy_row)
        self.name.setAccessibleName("Stage name")
        self.phase.setAccessibleName("Phase")
        self.copy_from.setAccessibleName("Role to copy the stages of")

        self.error = QLabel()
        self.error.setObjectName("stages_error")
        show_errors_in(self.error)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.reload()

    # -- showing -------------------------------------------------------------------

    def reload(self, select_key: str | None = None) -> None:
        if select_key is None and (current := self.selected()) is not None:
            select_key = current.key
        self._stages = [
            s for s in role_stages.stages(self._workbook, self._role_id) if s.phase in CUSTOM_PHASES
        ]
        self.stages_list.blockSignals(True)
        self.stages_list.clear()
        for stage in self._stages:
            text = stage.name
            if stage.name.casefold() != stage.phase.label.casefold():
                text = f"{stage.phase.label}  ›  {stage.name}"
            if stage.applications:
                text += f"  ({stage.applications})"
            if stage.hidden:
                text += "  — hidden"
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, stage.key)
            if stage.hidden:
                quiet = self.stages_list.palette().brush(QPalette.ColorRole.PlaceholderText)
                item.setForeground(quiet)
            self.stages_list.addItem(item)
        self.stages_list.blockSignals(False)
        keys = [s.key for s in self._stages]
        self.stages_list.setCurrentRow(keys.index(select_key) if select_key in keys else 0)
        self._update_buttons()

    def selected(self) -> StageInfo | None:
        row = self.stages_list.currentRow()
        return self._stages[row] if 0 <= row < len(self._stages) else None

    def _update_buttons(self) -> None:
        stage = self.selected()
        for button in (self.up_button, self.down_button, self.hide_button, self.remove_button):
            button.setEnabled(stage is not None)
        self.rename_button.setEnabled(stage is not None)
        if stage is not None:
            self.hide_button.setText("S&how" if stage.hidden else "&Hide")
            self.phase.setCurrentIndex(CUSTOM_PHASES.index(stage.phase))

    # -- changing ------------------------------------------------------------------

    def _run(self, work: Callable[[], object], select_key: str | None = None) -> bool:
        """Run one change; on success the list is shown again, else the error under it."""

        def refused(exc: Exception) -> None:
            self.error.setText(str(exc))
            self.error.show()

        def invalid(exc: ValidationError) -> None:
            self.error.setText(describe_errors(exc.errors))
            self.error.show()

        def done() -> bool:
            work()
            return True

        ok = run_operation(
            self,
            done,
            changes=Change.ROLES | Change.APPLICATIONS,
            on_refused=refused,
            on_invalid=invalid,
        )
        if ok:
            self.error.hide()
        self.reload(select_key)
        return bool(ok)

    def _add(self) -> None:
        phase = Stage(self.phase.currentData())
        current = self.selected()
        after = current.name if current is not None and current.phase is phase else None
        name = self.name.text()
        made: list[StageInfo] = []

        def work() -> None:
            made.append(edits.add_stage(self._workbook, self._role_id, name, phase, after=after))

        if self._run(work):
            self.name.clear()
            self.reload(made[0].key)

    def _rename(self) -> None:
        stage, name = self.selected(), self.name.text()
        if stage is None:
            return
        renamed: list[StageInfo] = []

        def work() -> None:
            renamed.append(edits.rename_stage(self._workbook, self._role_id, stage.key, name))

        if self._run(work):
            self.name.clear()
            self.reload(renamed[0].key)

    def _shift(self, step: int) -> None:
        stage = self.selected()
        if stage is not None:
            key = stage.key
            self._run(lambda: edits.shift_stage(self._workbook, self._role_id, key, step))
            self._reselect(stage)

    def _toggle_hidden(self) -> None:
        stage = self.selected()
        if stage is not None:
            self._run(
                lambda: edits.set_hidden(self._workbook, self._role_id, stage.key, not stage.hidden)
            )
            self._reselect(stage)

    def _reselect(self, stage: StageInfo) -> None:
        """Select ``stage`` again (its key changes once a standard stage becomes a row)."""
        names = [(s.phase, s.name) for s in self._stages]
        if (stage.phase, stage.name) in names:
            self.stages_list.setCurrentRow(names.index((stage.phase, stage.name)))

    def _remove(self) -> None:
        stage = self.selected()
        if stage is None:
            return
        others = [s for s in self._stages if s.phase is stage.phase and s.key != stage.key]
        move_to: str | None = None
        if stage.applications and others:
            choice, ok = QInputDialog.getItem(
                self,
                "Remove Stage",
                f"{stage.applications} application(s) are at {stage.name}. Move them to:",
                [s.name for s in others],
                0,
                False,
            )
            if not ok:
                return
            move_to = next(s.key for s in others if s.name == choice)
        elif not messages.confirm(
            self, "Remove Stage", f"Remove the stage {stage.name} from this role?", "Remove"
        ):
            return
        self._run(
            lambda: edits.remove_stage(self._workbook, self._role_id, stage.key, move_to=move_to)
        )

    def _copy(self) -> None:
        source = self.copy_from.currentData()
        if source is None or not messages.confirm(
            self,
            "Copy Stages",
            f"Replace this role's stages with those of {self.copy_from.currentText()}? "
            "Applications keep a stage of the same name, or go to the first stage of "
            "their phase.",
            "Copy",
        ):
            return
        self._run(lambda: edits.copy_stages(self._workbook, self._role_id, int(source)))

    def _dropped(self) -> None:
        """A stage dragged to another place: saved if it stayed inside its phase."""
        keys = [
            str(self.stages_list.item(i).data(KEY_ROLE)) for i in range(self.stages_list.count())
        ]
        by_key = {s.key: s for s in self._stages}
        phases = [by_key[k].phase for k in keys]
        if phases != sorted(phases, key=CUSTOM_PHASES.index):
            self.error.setText("A stage stays inside its phase; drag it among its phase's stages.")
            self.error.show()
            self.reload()
            return
        changed = [
            phase
            for phase in CUSTOM_PHASES
            if [k for k in keys if by_key[k].phase is phase]
            != [s.key for s in self._stages if s.phase is phase]
        ]
        # A standard role has one stage per phase, so only a role's own rows get here.
        for phase in changed:
            ids = [by_key[k].id for k in keys if by_key[k].phase is phase]
            self._reorder(phase, [i for i in ids if i is not None])

    def _reorder(self, phase: Stage, order: list[int]) -> None:
        self._run(lambda: edits.reorder_stages(self._workbook, self._role_id, phase, order))


def _buddy(text: str, control: QWidget) -> QLabel:
    """A form label whose mnemonic (Alt+letter) goes to ``control``."""
    label = QLabel(text)
    label.setBuddy(control)
    return label
