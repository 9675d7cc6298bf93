"""Window and app settings, kept in an INI file in the platform config folder."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from hiring_desk import paths

if TYPE_CHECKING:
    from hiring_desk.services.workbook.locations import Location

RECENT_LIMIT = 8
#: The remembered acting member when the person chose to be nobody in particular.
NOBODY = 0
#: The window themes: follow the platform, or always light or dark.
THEMES = ("system", "light", "dark")


class Settings:
    def __init__(self) -> None:
        target = paths.settings_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(target), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def recent_workbooks(self) -> list[Location]:
        """The workbooks opened lately, newest first: files, and team workbooks by their
        URL without password (a password is never written here: ``ui.workbook.passwords``)."""
        from hiring_desk.services.workbook.locations import parse_location

        value = self._qs.value("recent/files", [])
        items: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [parse_location(v) for v in items if isinstance(v, str) and v]

    def add_recent_workbook(self, location: Location) -> None:
        location = _without_password(location)
        items = [p for p in self.recent_workbooks() if p != location]
        self._set_recent([location, *items][:RECENT_LIMIT])

    def remove_recent_workbook(self, location: Location) -> None:
        location = _without_password(location)
        self._set_recent([p for p in self.recent_workbooks() if p != location])

    def clear_recent_workbooks(self) -> None:
        self._set_recent([])

    def _set_recent(self, items: list[Location]) -> None:
        self._qs.setValue("recent/files", [str(p) for p in items])  # a URL's str has no password

    def theme(self) -> str:
        """ "system", "light" or "dark" (anything else reads as "system")."""
        value = str(self._qs.value("appearance/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, value: str) -> None:
        self._qs.setValue("appearance/theme", value if value in THEMES else "system")

    def last_area(self) -> str | None:
        """The key of the area last shown (``ui.areas``), if any: the window opens on it."""
        value = self._qs.value("window/last_area", "")
        return value if isinstance(value, str) and value else None

    def set_last_area(self, key: str) -> None:
        self._qs.setValue("window/last_area", key)

    def last_folder(self) -> Path | None:
        """The folder a file was last saved to or opened from, if it still exists."""
        value = self._qs.value("files/last_folder", "")
        folder = Path(value) if isinstance(value, str) and value else None
        return folder if folder is not None and folder.is_dir() else None

    def set_last_folder(self, folder: Path) -> None:
        self._qs.setValue("files/last_folder", str(folder))

    # -- per workbook (keyed by a digest of its path: paths make poor INI keys) ----------

    def acting_member(self, workbook: Location) -> int | None:
        """The team member remembered for ``workbook``: an id, NOBODY, or None if never chosen."""
        value = self._qs.value(self._workbook_key(workbook, "acting_member"))
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    def set_acting_member(self, workbook: Location, member_id: int) -> None:
        self._qs.setValue(self._workbook_key(workbook, "acting_member"), member_id)

    def location_warned(self, workbook: Location) -> bool:
        """True once the warning about where ``workbook`` is kept has been shown."""
        return str(self._qs.value(self._workbook_key(workbook, "location_warned"), "")) == "true"

    def set_location_warned(self, workbook: Location) -> None:
        self._qs.setValue(self._workbook_key(workbook, "location_warned"), "true")

    def role_visits(self, workbook: Location) -> dict[int, datetime]:
        """When each role of ``workbook`` was last looked at on the Roles page (aware)."""
        self._qs.beginGroup(self._workbook_key(workbook, "role_visits"))
        try:
            found: dict[int, datetime] = {}
            for key in self._qs.childKeys():
                try:
                    moment = datetime.fromisoformat(str(self._qs.value(key)))
                except ValueError:
                    continue
                if key.isdigit() and moment.tzinfo is not None:
                    found[int(key)] = moment
            return found
        finally:
            self._qs.endGroup()

    def set_role_visit(self, workbook: Location, role_id: int, moment: datetime) -> None:
        key = self._workbook_key(workbook, f"role_visits/{role_id}")
        self._qs.setValue(key, moment.isoformat())

    @staticmethod
    def _workbook_key(workbook: Location, name: str) -> str:
        workbook = _without_password(workbook)
        digest = hashlib.sha256(str(workbook).encode("utf-8", "surrogatepass")).hexdigest()
        return f"workbooks/{digest[:20]}/{name}"

    def remembered(self, choice: str, default: bool = False) -> bool:
        """A ticked-or-not choice of a dialog, as the person last left it."""
        value = self._qs.value(f"choices/{choice}", default)
        return value in (True, "true", "1", 1) if not isinstance(value, bool) else value

    def remember(self, choice: str, value: bool) -> None:
        self._qs.setValue(f"choices/{choice}", value)

    def sync(self) -> None:
        self._qs.sync()


def _without_password(location: Location) -> Location:
    """A team workbook's address with no password (a file's path as it is)."""
    from hiring_desk.services.workbook.locations import ServerAddress, without_password

    return without_password(location) if isinstance(location, ServerAddress) else location
