"""Help ▸ User Guide and F1: which section of the built-in guide each place opens.

The guide is built from docs/guide/*.md into resources/guide/*.html
(docs/guide/build_guide.py) and ships inside the package, so it opens with no
network: the system browser shows the page at the section for where the person is.
``AREA_TOPICS`` maps each area of the window to its section, ``DIALOG_TOPICS`` each
dialog class with an F1 key to its own; tests/ui/test_help_topics.py checks that
every target exists in the built guide and that F1 hands the right URL to the desktop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hiring_desk import bundled

#: The guide's first page: Help ▸ User Guide with no workbook open.
START = "index.html"

#: Each area of the window (ui.areas.AREAS) -> page#section of the guide.
AREA_TOPICS: dict[str, str] = {
    "today": "stages-and-today.html#the-today-page",
    "roles": "first-hire.html#open-the-role",
    "candidates": "first-hire.html#add-candidates",
    "interviews": "interviews.html#schedule-an-interview",
    "offers": "offers.html#make-an-offer",
    "team": "first-hire.html#set-up-your-company-and-team",
    "reports": "reports.html#the-reports-page",
}

#: Dialogs with their own section: class name -> page#section. A dialog gets its F1
#: key from ``add_help_key`` (FormDialog calls it for every form).
DIALOG_TOPICS: dict[str, str] = {
    "RoleDialog": "first-hire.html#open-the-role",
    "JDEditor": "first-hire.html#write-the-job-description",
    "StagesDialog": "stages-and-today.html#your-own-stages",
    "CandidateDialog": "first-hire.html#add-candidates",
    "ImportDialog": "importing.html#import-a-spreadsheet",
    "PlanEditorDialog": "interviews.html#interview-plans",
    "PrintPackDialog": "interviews.html#interview-packs",
    "ScheduleDialog": "interviews.html#schedule-an-interview",
    "ScorecardDialog": "interviews.html#scorecards",
    "OfferDialog": "offers.html#make-an-offer",
    "OfferLetterDialog": "offers.html#the-offer-letter",
    "OfferTemplatesDialog": "offers.html#letter-templates-and-merge-fields",
    "ComposeDialog": "email.html#write-to-one-candidate",
    "BackupsDialog": "backups.html#restore-a-backup",
    "ConsentDialog": "privacy.html#consent",
    "KeepUntilDialog": "privacy.html#how-long-records-are-kept",
    "MemberDialog": "first-hire.html#set-up-your-company-and-team",
    "PreferencesDialog": "stages-and-today.html#preferences",
}


def guide_folder() -> Path:
    """The built guide's folder inside the installed package."""
    return Path(str(bundled.resource("guide")))


def guide_url(target: str = START) -> QUrl:
    """The file:// URL of ``page.html#section`` in the built guide."""
    page, _, section = target.partition("#")
    url = QUrl.fromLocalFile(str(guide_folder() / page))
    if section:
        url.setFragment(section)
    return url


def open_guide(target: str = START) -> bool:
    """Show the guide at ``target`` in the system browser (a local file: no network)."""
    return QDesktopServices.openUrl(guide_url(target))


def topic_of_area(area: str | None) -> str:
    """The section for the area in view (the first page when none is)."""
    return AREA_TOPICS.get(area or "", START)


def add_help_key(dialog: QWidget) -> None:
    """Give ``dialog`` an F1 key that opens its section, if ``DIALOG_TOPICS`` names one
    (once: calling it again does nothing)."""
    target = DIALOG_TOPICS.get(type(dialog).__name__)
    if target is None or dialog.findChild(QShortcut, "help_key") is not None:
        return
    key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
    if key.key().isEmpty():  # a platform with no standard help key
        key.setKey(QKeySequence("F1"))
    key.setObjectName("help_key")
    key.setWhatsThis("Open the user guide at this dialog's section")
    key.activated.connect(lambda: open_guide(target))
