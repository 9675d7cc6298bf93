"""The top of the candidate detail: who they are, where each application stands, what next.

An initials avatar, the name (page title size), the current title, the location
and, when the app knows their time zone, the time it is for them now; then one
stage chip per application (role and stage written on the stage's colour) and the
next step as the panel's one primary button ("Schedule interview…", "Score
interview…", "Make offer…"...; worked out by ``services.pipeline.next_steps``).
The button only asks: ``step_requested`` hands the step to the panel, which opens
the dialog the step names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from hiring_desk.domain.formatting import format_clock
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common.time_zones import zone_or_utc
from hiring_desk.services.pipeline.next_steps import NextStep
from hiring_desk.services.pipeline.stage_moves import ApplicationInfo
from hiring_desk.ui.avatars import Avatar
from hiring_desk.ui.stage_colours import CHIP_GAP, chip_font, chip_size, stage_chip
from hiring_desk.ui.theme import (
    SPACE_M,
    SPACE_S,
    SPACE_XS,
    TextRole,
    is_dark,
    make_primary,
    styled,
)
from hiring_desk.ui.widgets import plain_label

#: The avatar's side, in pixels.
AVATAR_SIZE = 48
#: How often the candidate's local time is brought up to date, in milliseconds.
CLOCK_TICK_MS = 20_000


def chip_text(application: ApplicationInfo) -> str:
    """A chip's words: "Backend Developer · Screening", or with a role's own stage
    "Backend Developer · Take-home test" (its colour is its phase's)."""
    return f"{application.role_title} · {application.step or application.stage_label}"


class StageChips(QWidget):
    """A row of stage chips, wrapped onto more lines when they do not fit (a chip
    wider than the row has its text shortened with "…"; its tool tip lists them all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_stage_chips")
        self.setFont(chip_font(self.font()))
        self.chips: list[tuple[str, str]] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_chips(self, chips: Sequence[tuple[str, str]]) -> None:
        """Show ``chips``: (stage key, text) pairs."""
        self.chips = list(chips)
        listed = "\n".join(text for _stage, text in self.chips)
        self.setToolTip(listed)
        self.setAccessibleName("Applications")
        self.setAccessibleDescription(listed.replace("\n", "; "))
        self.setVisible(bool(self.chips))
        self.updateGeometry()
        self.update()

    def _placed(self, width: int) -> list[tuple[QRect, str, str]]:
        """Where each chip goes at ``width``: (its box, stage, the text that fits)."""
        metrics = QFontMetrics(self.font())
        placed: list[tuple[QRect, str, str]] = []
        x = y = 0
        for stage, text in self.chips:
            size = chip_size(metrics, text)
            if size.width() > width:  # too wide for any line: shorten the words
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width - 16, 8))
                size = chip_size(metrics, text)
            if x > 0 and x + size.width() > width:
                x, y = 0, y + size.height() + CHIP_GAP
            placed.append((QRect(x, y, size.width(), size.height()), stage, text))
            x += size.width() + CHIP_GAP
        return placed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        placed = self._placed(width)
        return max((box.bottom() + 1 for box, _s, _t in placed), default=0)

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        one_line = sum(chip_size(metrics, t).width() + CHIP_GAP for _s, t in self.chips)
        width = min(one_line, 320)
        return QSize(width, self.heightForWidth(max(width, 1)))

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(60, metrics.height() if self.chips else 0)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        dark = is_dark(self.palette())
        for box, stage, text in self._placed(self.width()):
            stage_chip(painter, box, stage, text, dark=dark, font=self.font())
        painter.end()


class CandidateHeader(QWidget):
    """Avatar, name, title, place and local time, stage chips and the next step."""

    #: The next step's button was pressed: the ``NextStep`` to take.
    step_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidate_header")
        self.step: NextStep | None = None
        self._zone: str | None = None
        self._locale = "en_GB"
        self.avatar = Avatar(AVATAR_SIZE)
        self.name = styled(plain_label(name="detail_name", selectable=True), TextRole.PAGE_TITLE)
        self.name.setWordWrap(True)
        self.title = styled(plain_label(name="detail_subtitle", selectable=True), TextRole.BODY)
        self.title.setWordWrap(True)
        self.place = styled(plain_label(name="detail_place", selectable=True), TextRole.SECONDARY)
        self.place.setWordWrap(True)
        self.chips = StageChips()
        self.next_button = make_primary(QPushButton())
        self.next_button.setObjectName("next_step")
        self.next_button.clicked.connect(self._next_clicked)
        self.why = styled(plain_label(name="next_step_why"), TextRole.SECONDARY)
        self.why.setWordWrap(True)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self._show_place)
        self._location = ""

        self.corner = QHBoxLayout()  # the panel's own buttons, top right (Write…)
        self.corner.setSpacing(SPACE_S)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, SPACE_S)
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_XS)
        grid.addWidget(self.avatar, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name, 0, 1)
        grid.addLayout(self.corner, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, 1, 1, 1, 2)
        grid.addWidget(self.place, 2, 1, 1, 2)
        grid.addWidget(self.chips, 3, 1, 1, 2)
        step_row = QHBoxLayout()
        step_row.setContentsMargins(0, SPACE_XS, 0, 0)
        step_row.setSpacing(SPACE_M)
        step_row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        step_row.addWidget(self.why, 1)
        grid.addLayout(step_row, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.show_nobody("No candidate selected")

    def show_nobody(self, text: str) -> None:
        """No one to show: ``text`` where the name goes, the rest empty."""
        self.avatar.set_name("")
        self.name.setText(text)
        self.title.clear()
        self.title.hide()
        self._location, self._zone = "", None
        self._show_place()
        self.chips.set_chips([])
        self.show_step(None)

    def show_candidate(
        self,
        name: str,
        title: str,
        location: str,
        zone: str | None,
        applications: Sequence[ApplicationInfo],
        locale: str,
    ) -> None:
        """Show a candidate; ``zone`` (IANA) is theirs when known, else None."""
        self._locale = locale
        self.avatar.set_name(name)
        self.name.setText(name)
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self._location, self._zone = location, zone
        self._show_place()
        # Open applications first, closed ones (hired, rejected, withdrawn) after them.
        ordered = sorted(applications, key=lambda a: Stage(a.stage).is_closed)
        self.chips.set_chips([(a.stage, chip_text(a)) for a in ordered])

    def show_step(self, step: NextStep | None) -> None:
        """Offer ``step`` on the primary button (hidden when there is none)."""
        self.step = step
        self.next_button.setVisible(step is not None)
        self.why.setVisible(step is not None)
        if step is not None:
            self.next_button.setText(step.label.replace("&", "&&"))  # a stage "Q&A": no mnemonic
            self.next_button.setAccessibleDescription(step.why)
            self.why.setText(step.why)

    def local_time_text(self, now: datetime | None = None) -> str:
        """ "14:05 their time (Asia/Tokyo)", or "" when their time zone is not known."""
        if self._zone is None:
            return ""
        moment = now or datetime.now(UTC)
        clock = format_clock(moment, self._locale, zone_or_utc(self._zone))
        return f"{clock} their time ({self._zone.replace('_', ' ')})"

    def _show_place(self) -> None:
        parts = [p for p in (self._location, self.local_time_text()) if p]
        self.place.setText(" · ".join(parts))
        self.place.setVisible(bool(parts))
        if self._zone is None:
            self._clock.stop()
            self.place.setToolTip("")
        else:
            self._clock.start()
            self.place.setToolTip("Their time zone is the one their latest interview is in")

    def _next_clicked(self) -> None:
        if self.step is not None:
            self.step_requested.emit(self.step)
