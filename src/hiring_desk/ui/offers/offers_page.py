"""The Offers page: every offer with its status and dates, and what can happen next.

Approve, send, accept, decline and withdraw each ask first. Accepting hires the
candidate; when that fills the role's headcount the page offers to mark the
role filled and close the applications still open, with a reason. Then it
offers to cancel the interviews still scheduled that the hire leaves without a
purpose: the hired candidate's for the role, and once the role is filled the
other candidates' too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from hiring_desk.domain.offer_rules import (
    EDITABLE_STATUSES,
    OPEN_STATUSES,
    STATUS_ORDER,
    allowed_targets,
)
from hiring_desk.domain.vocab import OfferStatus
from hiring_desk.services.offers import offer_records, offer_status
from hiring_desk.services.offers.offer_records import OfferSummary
from hiring_desk.services.offers.offer_status import AcceptResult
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.interviews.cancel_after_hire import offer_to_cancel_interviews
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.offers import offer_emails
from hiring_desk.ui.offers.offer_columns import offer_columns
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.offers.offer_prompts import ApproveDialog, ask_to_fill_role
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.table_model import (
    RowsTableModel,
    make_table_view,
    selected_row,
    show_rows,
)
from hiring_desk.ui.table_pages import lay_out_table_page

#: What the list shows: offers, who they are for and who approved them, in the locale.
SHOWS = (
    Change.OFFERS
    | Change.CANDIDATES
    | Change.APPLICATIONS
    | Change.ROLES
    | Change.TEAM
    | Change.COMPANY
    | Change.PREFERENCES
)
#: The filter entry for offers still waiting on someone.
WAITING = "waiting"
T = TypeVar("T")


class StatusChange(Protocol):
    """An ``offer_status`` change made to the offer as it was shown (its version)."""

    def __call__(
        self, workbook: Workbook, offer_id: int, *, expected_version: int | None
    ) -> object: ...


class OffersPage(QWidget):
    """Lists offers and moves them on (announced on the change hub);
    ``candidate_activated(id)`` on double-click, ``print_letter_requested(offer id)`` from
    Print Letter… (the window shows the candidate or prints); ``area_requested(key)``
    from the empty page."""

    candidate_activated = Signal(int)
    print_letter_requested = Signal(int)
    #: Asks the window to show an area (the empty page leads to Candidates).
    area_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offers_page")
        self._workbook: Workbook | None = None
        self._locale = "en_GB"
        self.model: RowsTableModel[OfferSummary] = RowsTableModel(offer_columns(self._locale), self)
        self.table = make_table_view("offers_table")
        self.table.setAccessibleName("Offers")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self._activate)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("offers_filter")
        # As wide as a short status, not the longest entry: the toolbar keeps its room.
        self.status_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_filter.setMinimumContentsLength(12)
        self.status_filter.addItem("All offers", None)
        self.status_filter.addItem("Waiting (draft, approved, sent)", WAITING)
        for status in STATUS_ORDER:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(lambda _index: self.refresh())

        self.toolbar = bar = PageToolbar("offers_toolbar")
        self.print_button = bar.primary(
            "Print &Letter…",
            "print_offer_letter",
            self.print_selected,
            "Print the offer letter to sign and send",
        )
        self.edit_action = bar.action("&Edit…", "edit_offer", self.edit_selected, "edit")
        self.approve_action = bar.action(
            "A&pprove…", "approve_offer", self.approve_selected, "approve"
        )
        self.send_action = bar.action("Mark &Sent", "send_offer", self.send_selected, "send")
        self.accept_action = bar.action("&Accept", "accept_offer", self.accept_selected, "accept")
        self.decline_action = bar.action(
            "&Decline", "decline_offer", self.decline_selected, "decline"
        )
        self.withdraw_action = bar.action(
            "&Withdraw", "withdraw_offer", self.withdraw_selected, "withdraw", overflow=True
        )
        self.write_action = bar.action(
            "Wr&ite…",
            "write_offer",
            self.write_selected,
            "write",
            "Write to the candidate about this offer, letter attached",
            overflow=True,
        )
        self.edit_button = bar.button(self.edit_action)
        self.approve_button = bar.button(self.approve_action)
        self.send_button = bar.button(self.send_action)
        self.accept_button = bar.button(self.accept_action)
        self.decline_button = bar.button(self.decline_action)
        bar.attach_context_menu(self.table)

        self.empty = EmptyState("offers_empty", "", "", "", lambda: None)
        self._say_why_empty()
        show = QWidget()
        show.setObjectName("offers_show")
        top = QHBoxLayout(show)
        top.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Sho&w:")
        label.setBuddy(self.status_filter)
        top.addWidget(label)
        top.addWidget(self.status_filter)
        bar.add_trailing(show)
        lay_out_table_page(self, [bar], self.table, self.empty, SHOWS, self.refresh)
        self._update_buttons()

    # -- showing ------------------------------------------------------------------------

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None and (current := self.selected_offer()) is not None:
            select_id = current.id
        rows: list[OfferSummary] = []
        if self._workbook is not None:
            locale = company.get_company(self._workbook).locale
            if locale != self._locale:
                self._locale = locale
                self.model.set_columns(offer_columns(locale))
            chosen = self.status_filter.currentData()
            if chosen == WAITING:
                waiting = {s.value for s in OPEN_STATUSES}
                rows = [o for o in offer_records.list_offers(self._workbook) if o.status in waiting]
            else:
                rows = offer_records.list_offers(self._workbook, chosen)
        show_rows(self.table, self.model, rows, self.empty, lambda offer: offer.id == select_id)
        if select_id is None and rows:
            self.table.selectRow(0)
        if not rows:
            self._say_why_empty()
        # No offers at all: the empty state's button is the way on, nothing to act on.
        self.toolbar.setVisible(bool(rows) or self.status_filter.currentIndex() > 0)
        self._update_buttons()

    def _say_why_empty(self) -> None:
        """No offers at all: where they come from; none of a status: show them all."""
        if self.status_filter.currentIndex() > 0:
            self.empty.set_content(
                "No offers with this status",
                f"None of the offers is {self.status_filter.currentText().lower()}.",
                "Show &All Offers",
                lambda: self.status_filter.setCurrentIndex(0),
            )
            return
        self.empty.set_content(
            "No offers yet",
            "An offer is made for a candidate who reached the offer stage: select them "
            "on the Candidates page and choose Make Offer. It shows here, with its "
            "letter, until it is answered.",
            "Go to &Candidates",
            lambda: self.area_requested.emit("candidates"),
        )

    def selected_offer(self) -> OfferSummary | None:
        return selected_row(self.table, self.model)

    def _update_buttons(self) -> None:
        offer = self.selected_offer()
        allowed = allowed_targets(OfferStatus(offer.status)) if offer else []
        self.edit_action.setEnabled(
            offer is not None and OfferStatus(offer.status) in EDITABLE_STATUSES
        )
        for action, target in (
            (self.approve_action, OfferStatus.APPROVED),
            (self.send_action, OfferStatus.SENT),
            (self.accept_action, OfferStatus.ACCEPTED),
            (self.decline_action, OfferStatus.DECLINED),
            (self.withdraw_action, OfferStatus.WITHDRAWN),
        ):
            action.setEnabled(target in allowed)
        self.print_button.setEnabled(offer is not None)
        self.write_action.setEnabled(offer is not None)
        self._follow_role(offer)

    def _follow_role(self, offer: OfferSummary | None) -> None:
        """Changing an offer is the pipeline's work: on its role, a hiring manager's own."""
        workbook = self._workbook
        role_id = offer.role_id if offer is not None else None
        for action in (
            self.edit_action,
            self.approve_action,
            self.send_action,
            self.accept_action,
            self.decline_action,
            self.withdraw_action,
        ):
            apply_permission(
                action, workbook, Permission.PIPELINE, role_id=role_id, enabled=action.isEnabled()
            )
        apply_permission(
            self.write_action, workbook, Permission.EMAIL, enabled=self.write_action.isEnabled()
        )

    def _activate(self, index: QModelIndex) -> None:
        self.candidate_activated.emit(self.model.row(index.row()).candidate_id)

    # -- actions ------------------------------------------------------------------------

    def edit_selected(self) -> None:
        workbook, offer = self._workbook, self.selected_offer()
        if workbook is None or offer is None:
            return
        dialog = OfferDialog(workbook, offer.application_id, self, offer.id)
        if run_modal(dialog) and dialog.saved is not None:
            self._done(offer.id)

    def approve_selected(self) -> None:
        workbook, offer = self._workbook, self.selected_offer()
        if workbook is None or offer is None:
            return
        members = team_members.list_members(workbook)
        if not members:
            messages.show_warning(
                self,
                "Nobody to Approve",
                "An approval names the team member who agreed to the terms. Add your team "
                "under Team & Company first.",
            )
            return
        dialog = ApproveDialog(self, _who(offer), members)
        member_id = dialog.member_id() if run_modal(dialog) else None
        if member_id is not None:
            self._run(
                "Cannot Approve",
                lambda: offer_status.approve(
                    workbook, offer.id, member_id, expected_version=offer.version
                ),
                Change.OFFERS,
            )

    def write_selected(self) -> None:
        workbook, offer = self._workbook, self.selected_offer()
        if workbook is not None and offer is not None:
            offer_emails.write_offer(self, workbook, offer)

    def send_selected(self) -> None:
        workbook, offer = self._workbook, self.selected_offer()
        sent = self._confirmed(
            "Mark Offer Sent",
            "Record that the offer to {who} was sent today?",
            "Mark Sent",
            offer_status.mark_sent,
            Change.OFFERS | Change.APPLICATIONS,  # sending moves the candidate to Offer
        )
        if sent and workbook is not None and offer is not None:
            offer_emails.offer_to_write(self, workbook, offer)

    def decline_selected(self) -> None:
        self._confirmed(
            "Offer Declined",
            "Record that {name} declined the offer for {role}? The application stays where "
            "it is: you can make another offer or close it.",
            "Record Decline",
            offer_status.decline,
        )

    def withdraw_selected(self) -> None:
        self._confirmed(
            "Withdraw Offer",
            "Withdraw the offer to {who}? A withdrawn offer cannot be reopened; "
            "the application stays where it is.",
            "Withdraw",
            offer_status.withdraw,
        )

    def accept_selected(self) -> None:
        workbook, offer = self._workbook, self.selected_offer()
        if workbook is None or offer is None:
            return
        if not messages.confirm(
            self,
            "Accept Offer",
            f"Record that {offer.candidate_name} accepted the offer? They move to Hired "
            f"for {offer.role_title}.",
            "Accept",
        ):
            return
        result = self._run(
            "Cannot Accept",
            lambda: offer_status.accept(workbook, offer.id, expected_version=offer.version),
            Change.OFFERS | Change.APPLICATIONS | Change.ROLES,  # hired for the role
        )
        if not isinstance(result, AcceptResult):
            return
        if result.headcount_filled:
            self._offer_to_fill(workbook, result)
        if offer_to_cancel_interviews(
            self,
            workbook,
            result.offer.context.application_id,
            offer.candidate_name,
            result.role_title,
        ):
            self.refresh(offer.id)

    def print_selected(self) -> None:
        offer = self.selected_offer()
        if offer is not None:
            self.print_letter_requested.emit(offer.id)

    def _offer_to_fill(self, workbook: Workbook, result: AcceptResult) -> None:
        """Ask to mark the role filled and close the applications still open."""
        reason = ask_to_fill_role(self, result, lambda: stage_moves.rejection_reasons(workbook))
        if reason is None:
            return
        self._run(
            "Cannot Fill the Role",
            lambda: offer_status.fill_role(workbook, result.role_id, reason),
            Change.ROLES | Change.APPLICATIONS,
        )

    def _confirmed(
        self,
        title: str,
        question: str,
        action: str,
        change: StatusChange,
        changes: Change = Change.OFFERS,
    ) -> bool:
        """Ask, then make the change to the offer as the list shows it; True once made."""
        workbook, offer = self._workbook, self.selected_offer()
        if workbook is None or offer is None:
            return False
        text = question.format(who=_who(offer), name=offer.candidate_name, role=offer.role_title)
        if not messages.confirm(self, title, text, action):
            return False
        shown = {"expected_version": offer.version}
        made = self._run(f"Cannot {action}", lambda: change(workbook, offer.id, **shown), changes)
        return made is not None

    def _run(self, failure_title: str, change: Callable[[], T], changes: Change) -> T | None:
        """Make one change; a refusal is shown; either way the list is brought up to date."""
        selected = self.selected_offer()
        done = run_operation(
            self,
            change,
            changes=changes,
            on_refused=lambda exc: messages.show_warning(self, failure_title, str(exc)),
        )
        self.refresh(selected.id if selected else None)
        return done

    def _done(self, offer_id: int | None) -> None:
        self.refresh(offer_id)


def _who(offer: OfferSummary) -> str:
    return f"{offer.candidate_name} for {offer.role_title}"
