"""Warning about workbooks in cloud-synced folders and on network drives."""

from __future__ import annotations

from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from types import SimpleNamespace

import psutil
import pytest

from hiring_desk.services.workbook.location_check import (
    Mount,
    location_risk,
    mount_network_location,
    read_mounts,
    sync_service,
    windows_share,
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


MOUNTS = [
    Mount("/", "ext4"),
    Mount("/tmp", "tmpfs"),
    Mount("/mnt/hr share", "cifs"),
    Mount("/home/ana/nas", "nfs4"),
    Mount("/home/ana/remote", "fuse.sshfs"),
    Mount("/home/ana/container", "fuse.fuse-overlayfs"),
    Mount("/media/usb", "fuseblk"),
]


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
    assert mount_network_location(PurePosixPath(path), MOUNTS) == expected


def test_the_systems_mount_table_is_read() -> None:
    mounts = read_mounts()
    assert mounts, "psutil lists at least the root file system"
    root = PurePath(Path.cwd().anchor)
    assert any(PurePath(m.point) == root for m in mounts)


def partition(point: str, fs_type: str, opts: str = "rw") -> SimpleNamespace:
    """What psutil.disk_partitions lists for one mount."""
    return SimpleNamespace(device="dev", mountpoint=point, fstype=fs_type, opts=opts)


def test_location_risk_reads_the_systems_mount_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = [partition("/", "ext4"), partition(str(tmp_path.resolve()), "nfs")]
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: table)

    risk = location_risk(tmp_path / "team.hiringdesk")

    assert risk is not None
    assert (risk.kind, risk.short) == ("network", "Workbook on a network or remote drive (nfs)")
    assert "network drive" in risk.message.lower()


def test_an_unreadable_mount_table_means_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(all: bool = False) -> list[SimpleNamespace]:
        raise PermissionError("mount table not readable")

    monkeypatch.setattr(psutil, "disk_partitions", refuse)
    assert read_mounts() == []
    assert location_risk(tmp_path / "team.hiringdesk") is None


def test_a_drive_the_system_marks_remote_is_a_network_drive(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = [partition("C:\\", "NTFS", "rw,fixed"), partition("Z:\\", "NTFS", "rw,remote")]
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: table)
    mounts = read_mounts()

    mapped = PureWindowsPath(r"Z:\Hiring\team.hiringdesk")
    assert mount_network_location(mapped, mounts) == "a network drive (Z:)"
    assert mount_network_location(PureWindowsPath(r"C:\Users\ana\x.hd"), mounts) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\fileserver\hr\team.hiringdesk", "a network share"),
        (r"Z:\Hiring\team.hiringdesk", None),
        (r"C:\Users\ana\Documents\team.hiringdesk", None),
    ],
)
def test_windows_shares(path: str, expected: str | None) -> None:
    assert windows_share(path) == expected
