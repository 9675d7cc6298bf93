"""The list of rejection reasons offered when an application is rejected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.team import rejection_reasons
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.workbook import undo_stack


class ReasonsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasons_page")
        self._workbook: Workbook | None = None
        intro = QLabel(
            "Offered when you reject an application. Changing the list does not change "
            "the reasons already recorded."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("reasons_list")
        self.list.setAccessibleName("Rejection reasons")
        self.toolbar = bar = PageToolbar("reasons_toolbar")
        self.add_button = bar.primary("&Add Reason…", "add_reason", self.add)
        self.rename_action = bar.action("&Rename…", "rename_reason", self.rename, "edit")
        self.remove_action = bar.action("Re&move", "remove_reason", self.remove, "delete")
        self.rename_button = bar.button(self.rename_action)
        self.remove_button = bar.button(self.remove_action)
        bar.attach_context_menu(self.list)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(bar)
        layout.addWidget(self.list, 1)
        self._update_buttons()
        ChangeListener(self, Change.REJECTION_REASONS, lambda _changes: self.refresh())

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self) -> None:
        selected = self._selected()
        self.list.clear()
        for reason_id, text in (
            rejection_reasons.list_reasons(self._workbook) if self._workbook else []
        ):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, reason_id)
            self.list.addItem(item)
            if selected is not None and reason_id == selected[0]:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def _selected(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        return (int(item.data(Qt.ItemDataRole.UserRole)), item.text()) if item else None

    def add(self) -> None:
        if self._workbook is None:
            return
        text, ok = QInputDialog.getText(self, "Add Reason", "Reason:")
        if ok:
            self._apply(lambda wb: rejection_reasons.add_reason(wb, text))

    def rename(self) -> None:
        selected = self._selected()
        if self._workbook is None or selected is None:
            return
        text, ok = QInputDialog.getText(self, "Rename Reason", "Reason:", text=selected[1])
        if ok:
            self._apply(lambda wb: rejection_reasons.rename_reason(wb, selected[0], text))

    def remove(self) -> None:
        selected = self._selected()
        if self._workbook is None or selected is None:
            return
        if messages.confirm(
            self, "Remove Reason", f"Remove '{selected[1]}' from the list?", "Remove"
        ):
            self._apply(
                lambda wb: undo_stack.record_deletion(
                    self,
                    wb,
                    "Remove Rejection Reason",
                    rejection_reasons.remove_reason(wb, selected[0]),
                    rejection_reasons.remove_reason,
                )
            )

    def _apply(self, change: Callable[[Workbook], object]) -> None:
        workbook = self._workbook
        assert workbook is not None
        run_operation(
            self,
            lambda: change(workbook),
            changes=Change.REJECTION_REASONS,
            on_refused=lambda exc: messages.show_warning(self, "Reason Not Saved", str(exc)),
        )
        self.refresh()

    def _update_buttons(self) -> None:
        workbook = self._workbook
        selected = self._selected() is not None
        apply_permission(self.add_button, workbook, Permission.TEMPLATES, enabled=bool(workbook))
        apply_permission(self.rename_action, workbook, Permission.TEMPLATES, enabled=selected)
        apply_permission(self.remove_action, workbook, Permission.TEMPLATES, enabled=selected)
