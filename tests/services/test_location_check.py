"""Warning about workbooks in cloud-synced folders and on network drives."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from hiring_desk.services import location_check
from hiring_desk.services.location_check import (
    Mount,
    location_risk,
    mount_network_location,
    parse_mounts,
    sync_service,
    windows_network_location,
)

LOCAL_MOUNTS = [Mount("/", "ext4"), Mount("/tmp", "tmpfs"), Mount("/boot", "vfat")]


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (PurePosixPath("/home/ana/Dropbox/Hiring/team.hiringdesk"), "Dropbox"),
        (PurePosixPath("/home/ana/Dropbox (Acme)/team.hiringdesk"), "Dropbox"),
        (PureWindowsPath("C:/Users/ana/OneDrive/Documents/team.hiringdesk"), "OneDrive"),
        (PureWindowsPath("C:/Users/ana/OneDrive - Acme Ltd/team.hiringdesk"), "OneDrive"),
        (PureWindowsPath("G:/My Drive/team.hiringdesk"), "Google Drive"),
        (PurePosixPath("/Users/ana/Google Drive/team.hiringdesk"), "Google Drive"),
        (
            PurePosixPath("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com/x.hd"),
            "Google Drive",
        ),
        (PurePosixPath("/Users/ana/Library/CloudStorage/OneDrive-Personal/x.hd"), "OneDrive"),
        (PurePosixPath("/Users/ana/Library/CloudStorage/Tresorit-Work/x.hd"), "Tresorit"),
        (
            PurePosixPath("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/x.hd"),
            "iCloud Drive",
        ),
        (PureWindowsPath("C:/Users/ana/iCloudDrive/x.hd"), "iCloud Drive"),
        (PurePosixPath("/home/ana/Nextcloud/Hiring/x.hd"), "Nextcloud"),
        (PurePosixPath("/home/ana/ownCloud/x.hd"), "ownCloud"),
    ],
)
def test_sync_folders_are_recognised_by_their_names(path: PurePosixPath, service: str) -> None:
    assert sync_service(path) == service


@pytest.mark.parametrize(
    "path",
    [
        "/home/ana/Documents/team.hiringdesk",
        "/home/ana/dropbox-notes.txt/../team.hiringdesk",
        "/home/ana/My Drives/team.hiringdesk",
        "/home/ana/Boxes/x.hd",
    ],
)
def test_ordinary_folders_are_not_sync_folders(path: str) -> None:
    assert sync_service(PurePosixPath(path)) is None


def test_a_workbook_in_a_sync_folder_gets_a_plain_warning(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox" / "Hiring"
    folder.mkdir(parents=True)

    risk = location_risk(folder / "team.hiringdesk", mounts=LOCAL_MOUNTS)

    assert risk is not None
    assert (risk.kind, risk.where, risk.short) == ("cloud", "Dropbox", "Workbook in Dropbox")
    assert "Save a Copy" in risk.message
    assert location_risk(tmp_path / "team.hiringdesk", mounts=LOCAL_MOUNTS) is None


def test_a_symbolic_link_into_a_sync_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "OneDrive" / "Documents").mkdir(parents=True)
    (tmp_path / "Documents").symlink_to(tmp_path / "OneDrive" / "Documents")

    risk = location_risk(tmp_path / "Documents" / "team.hiringdesk", mounts=LOCAL_MOUNTS)

    assert risk is not None and risk.where == "OneDrive"


MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//fileserver/hr /mnt/hr\\040share cifs rw,vers=3.0 0 0
nas:/export/home /home/ana/nas nfs4 rw 0 0
ana@box:/srv /home/ana/remote fuse.sshfs rw 0 0
fuse-overlayfs /home/ana/container fuse.fuse-overlayfs rw 0 0
/dev/sdb1 /media/usb fuseblk rw 0 0
"""


def test_the_mount_table_is_parsed_with_escaped_spaces() -> None:
    mounts = parse_mounts(MOUNTS)
    assert Mount("/mnt/hr share", "cifs") in mounts
    assert len(mounts) == 7


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/hr share/team.hiringdesk", "a network or remote drive (cifs)"),
        ("/home/ana/nas/Hiring/team.hiringdesk", "a network or remote drive (nfs4)"),
        ("/home/ana/remote/team.hiringdesk", "a network or remote drive (fuse.sshfs)"),
        ("/home/ana/container/team.hiringdesk", None),
        ("/media/usb/team.hiringdesk", None),
        ("/home/ana/nas-notes/team.hiringdesk", None),
        ("/tmp/team.hiringdesk", None),
    ],
)
def test_network_mounts_are_recognised_by_their_type(path: str, expected: str | None) -> None:
    assert mount_network_location(Path(path), parse_mounts(MOUNTS)) == expected


def test_location_risk_reads_the_systems_mount_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "mounts"
    table.write_text(f"/dev/vda1 / ext4 rw 0 0\nnas:/x {tmp_path} nfs rw 0 0\n")
    monkeypatch.setattr(location_check, "MOUNTS_FILE", table)

    risk = location_risk(tmp_path / "team.hiringdesk")

    assert risk is not None
    assert (risk.kind, risk.short) == ("network", "Workbook on a network or remote drive (nfs)")
    assert "network drive" in risk.message.lower()


def test_an_unreadable_mount_table_means_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location_check, "MOUNTS_FILE", tmp_path / "missing")
    assert location_risk(tmp_path / "team.hiringdesk") is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\fileserver\hr\team.hiringdesk", "a network share"),
        (r"Z:\Hiring\team.hiringdesk", "a network drive (Z:)"),
        (r"C:\Users\ana\Documents\team.hiringdesk", None),
    ],
)
def test_windows_shares_and_mapped_drives(path: str, expected: str | None) -> None:
    def drive_type(root: str) -> int:
        return 4 if root == "Z:\\" else 3  # DRIVE_REMOTE, DRIVE_FIXED

    assert windows_network_location(path, drive_type) == expected
