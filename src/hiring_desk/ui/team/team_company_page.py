"""Team & Company: the people who hire and the company profile, as two tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.permissions import Permission, refusal
from hiring_desk.ui.privacy.retention_review import RetentionSettings
from hiring_desk.ui.team import people_page
from hiring_desk.ui.team.company_page import CompanyPage
from hiring_desk.ui.team.reasons_page import ReasonsPage
from hiring_desk.ui.team.team_page import TeamPage


class TeamCompanyPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team_company_page")
        self.team = TeamPage()
        self.company = CompanyPage()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("team_company_tabs")
        self.tabs.addTab(self.team, "&Team")
        self.tabs.addTab(self.company, "&Company Profile")
        self.reasons = ReasonsPage()
        self.tabs.addTab(self.reasons, "&Rejection Reasons")
        self.privacy = RetentionSettings()
        self.tabs.addTab(self.privacy, "&Privacy")
        #: On a team workbook, for its admins: who signs in, and as what.
        self.people = people_page.PeoplePage()
        self.tabs.addTab(self.people, "People Who &Sign In")
        self.tabs.setTabVisible(self.tabs.indexOf(self.people), False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_workbook(self, workbook: Workbook | None) -> None:
        """Show ``workbook``; its People tab only to its admins, Privacy to whom may use it."""
        self.tabs.setTabVisible(self.tabs.indexOf(self.people), people_page.offered(workbook))
        self.tabs.setTabVisible(
            self.tabs.indexOf(self.privacy), refusal(workbook, Permission.PRIVACY) is None
        )
        self.people.set_workbook(workbook)
        self.team.set_workbook(workbook)
        self.company.set_workbook(workbook)
        self.reasons.set_workbook(workbook)
        self.privacy.set_workbook(workbook)

    def refresh(self) -> None:
        self.team.refresh()
        self.company.refresh()
        self.reasons.refresh()
        if self.tabs.isTabVisible(self.tabs.indexOf(self.privacy)):
            self.privacy.refresh()
        self.people.refresh()
