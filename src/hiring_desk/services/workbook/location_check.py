"""Is a workbook in a cloud-synced folder or on a network drive? Then the window warns.

A workbook is a SQLite database with a write-ahead log beside it while it is open.
Sync clients (Dropbox, OneDrive, Google Drive, iCloud Drive, Nextcloud...) copy
the main file on their own schedule, without the log and without the lock, so
the copy in the cloud or on another laptop may be torn or out of date, and two
laptops editing "the same" workbook produce conflicting copies. Network file
systems (SMB/CIFS, NFS, sshfs...) may not honour SQLite's locks, and a dropped
connection in the middle of a commit can damage the file.

Detection is best effort and never blocks opening:

- sync folders by a path component the clients create (``Dropbox``,
  ``OneDrive - Company``, ``Library/CloudStorage/...``, ``Mobile Documents``...),
  after following symbolic links;
- Windows network paths (``\\\\server\\share``);
- the mount holding the file, from the system's mount table as psutil reads it
  (``disk_partitions``): a drive Windows marks remote (a mapped network drive),
  or a file system type that reaches another computer (cifs, smb3, nfs, nfs4,
  sshfs and other FUSE file systems except ones known to be local).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

import psutil

__all__ = [
    "LocationRisk",
    "Mount",
    "location_risk",
    "mount_network_location",
    "read_mounts",
    "sync_service",
    "windows_share",
]

#: Kernel file system types that reach another computer.
NETWORK_FS_TYPES: frozenset[str] = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "ceph",
        "glusterfs",
        "ncpfs",
        "davfs",
        "9p",
    }
)
#: FUSE file systems (``fuse.NAME``) that keep the file on this computer. Any other
#: FUSE file system (sshfs, rclone, s3fs, gvfs, google-drive-ocamlfuse...) is
#: treated as remote.
LOCAL_FUSE_TYPES: frozenset[str] = frozenset(
    {
        "fuse.fuse-overlayfs",
        "fuse.lxcfs",
        "fuse.bindfs",
        "fuse.encfs",
        "fuse.gocryptfs",
        "fuse.cryfs",
        "fuse.squashfuse",
        "fuse.appimagefuse",
        "fuse.portal",
        "fuse.ntfs-3g",
        "fuse.mergerfs",
    }
)

#: Folder names sync clients create, compared case-insensitively: exact names,
#: then prefixes ("OneDrive - Contoso", "Dropbox (Team)", "GoogleDrive-me@...").
_SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mobile documents", "iCloud Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box sync", "Box"),
    ("pcloud drive", "pCloud"),
    ("pclouddrive", "pCloud"),
    ("megasync", "MEGA"),
    ("seafile", "Seafile"),
    ("synologydrive", "Synology Drive"),
)
_SYNC_PREFIXES: tuple[tuple[str, str], ...] = (
    ("dropbox (", "Dropbox"),
    ("onedrive - ", "OneDrive"),
    ("onedrive-", "OneDrive"),
    ("googledrive-", "Google Drive"),
    ("box-", "Box"),
)


@dataclass(frozen=True)
class Mount:
    """One entry of the mount table: where a file system is mounted, its type, and
    whether the system says it is remote (Windows marks mapped network drives)."""

    point: str
    fs_type: str
    remote: bool = False


@dataclass(frozen=True)
class LocationRisk:
    """Why the workbook's folder is risky, for a status-bar note and one message."""

    kind: str  # "cloud" or "network"
    where: str  # "Dropbox", "a network drive (nfs4)"
    message: str

    @property
    def short(self) -> str:
        return f"Workbook in {self.where}" if self.kind == "cloud" else f"Workbook on {self.where}"


def location_risk(path: Path, *, mounts: Iterable[Mount] | None = None) -> LocationRisk | None:
    """The risk of keeping a workbook at ``path``, or None for an ordinary local folder.

    ``mounts`` (the mount table) is read from the system when not given.
    """
    table = read_mounts() if mounts is None else list(mounts)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        # Before resolving: resolve() turns a mapped drive into its \\server\share path.
        given = Path(path).absolute()
        where = windows_share(str(given)) or mount_network_location(given, table)
        path = _resolved(path)
        where = where or windows_share(str(path))
    else:
        path = _resolved(path)
        where = mount_network_location(path, table)
    service = sync_service(path)
    if service is not None:
        return LocationRisk("cloud", service, _cloud_message(service))
    if where is not None:
        return LocationRisk("network", where, _network_message(where))
    return None


def sync_service(path: PurePath) -> str | None:
    """The sync client whose folder holds ``path``, from the folder names alone."""
    parts = [part.casefold() for part in path.parts]
    for index, part in enumerate(parts):
        if part == "cloudstorage" and index > 0 and parts[index - 1] == "library":
            provider = path.parts[index + 1] if index + 1 < len(parts) else ""
            plain = re.sub(r"[^\w .]", "", provider.split("-")[0]).strip()
            return _named(provider.casefold()) or plain or "a cloud storage service"
        if (service := _named(part)) is not None:
            return service
    return None


def _named(part: str) -> str | None:
    for name, service in _SYNC_FOLDERS:
        if part == name:
            return service
    for prefix, service in _SYNC_PREFIXES:
        if part.startswith(prefix):
            return service
    return None


def windows_share(path: str) -> str | None:
    """For a Windows UNC path (``\\\\server\\share\\...``): "a network share"."""
    return "a network share" if PureWindowsPath(path).drive.startswith("\\\\") else None


def mount_network_location(path: PurePath, mounts: Iterable[Mount]) -> str | None:
    """Where a path is remote by the mount that holds it."""
    mount = _mount_of(path, list(mounts))
    if mount is None:
        return None
    if mount.remote:
        return f"a network drive ({PureWindowsPath(mount.point).drive or mount.point})"
    if mount.fs_type in NETWORK_FS_TYPES or (
        mount.fs_type.startswith("fuse.") and mount.fs_type not in LOCAL_FUSE_TYPES
    ):
        return f"a network or remote drive ({mount.fs_type})"
    return None


def _mount_of(path: PurePath, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point that contains it."""
    best: Mount | None = None
    for mount in mounts:
        point = type(path)(mount.point)
        if (path == point or point in path.parents) and (
            best is None or len(mount.point) > len(best.point)
        ):
            best = mount
    return best


def read_mounts() -> list[Mount]:
    """This system's mount table (psutil); empty where it cannot be read."""
    try:
        partitions = psutil.disk_partitions(all=True)
    except (OSError, psutil.Error):
        return []
    return [
        Mount(part.mountpoint, part.fstype, remote="remote" in part.opts.split(","))
        for part in partitions
    ]


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def _cloud_message(service: str) -> str:
    return (
        f"This workbook is in a folder that {service} keeps in sync. Sync programs copy a "
        "file on their own schedule, even while Hiring Desk is writing to it, so the synced "
        "copy can be incomplete, and opening the workbook on two computers makes "
        "conflicting copies.\n\n"
        "Keep the workbook in a folder on this computer that is not synced. To keep a copy "
        "in the cloud, use File ▸ Save a Copy and save the copy into the synced folder."
    )


def _network_message(where: str) -> str:
    return (
        f"This workbook is on {where}. Network drives do not always honour the locks that "
        "keep a workbook safe, and if the connection drops while Hiring Desk is saving, "
        "the file can be damaged.\n\n"
        "Keep the workbook on this computer's own disk. To share a copy, use File ▸ Save a "
        "Copy and save the copy onto the network drive."
    )
