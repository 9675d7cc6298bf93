"""File names made from text a person typed: a role's title, a candidate's name, an
attachment's original name. The one place that knows what a file name may hold.

:func:`safe_file_name` gives one name, never a path, that Windows, macOS and Linux
all accept and that hides nothing: no folder separators, none of the characters
Windows refuses (``<>:"|?*``), no control or invisible formatting characters (a
right-to-left override could disguise ``cv.exe`` as ``exe.vc``), no leading dot
(a hidden file) and no trailing dot or space (Windows drops them), none of the
device names Windows reserves (``CON``, ``NUL``, ``COM1``…, with any extension),
and at most ``max_bytes`` bytes of UTF-8, whole characters only. Letters of every
script are kept. :func:`base_name` is the last part of a path written on any system.

No Qt, engine or services here: every layer may use it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_NAME_BYTES", "base_name", "safe_file_name", "split_extension"]

#: File systems allow 255 bytes; this leaves room for a folder's own suffixes.
MAX_NAME_BYTES = 150

#: An extension longer than this is taken as part of the name.
_MAX_EXTENSION_CHARS = 10

_UNSAFE = re.compile(r'[<>:"/\\|?*]')
_NOT_WORD = re.compile(r"[^\w-]+")
_WINDOWS_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I)
_INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn")


def base_name(path_text: str) -> str:
    """The last part of ``path_text``, whichever separator it was written with."""
    return re.split(r"[/\\]", path_text)[-1]


def split_extension(name: str) -> tuple[str, str]:
    """``("cv", ".pdf")`` for ``"cv.pdf"``; ``(name, "")`` when there is no short
    extension after a non-empty stem."""
    stem, dot, extension = name.rpartition(".")
    short = 0 < len(extension) <= _MAX_EXTENSION_CHARS and not any(c.isspace() for c in extension)
    if dot and stem.strip(". ") and short:
        return stem, dot + extension
    return name, ""


def safe_file_name(
    text: str,
    fallback: str,
    *,
    extension: str = "",
    keep_extension: bool = False,
    word_characters_only: bool = False,
    max_bytes: int = MAX_NAME_BYTES,
) -> str:
    """``text`` as one file name safe on every system (see the module), then ``extension``.

    Characters a name may not hold become spaces (with ``word_characters_only``:
    everything but letters, digits, ``-`` and ``_`` becomes ``_``), runs of white
    space become one space, and an empty result becomes ``fallback`` (which should
    itself be safe). With ``keep_extension`` a short extension already in ``text``
    is kept when a long name is shortened. ``extension`` (``".pdf"``) is added as
    given and counts towards ``max_bytes``.
    """
    name = unicodedata.normalize("NFC", " ".join(text.split()))
    name = "".join(ch for ch in name if unicodedata.category(ch) not in _INVISIBLE)
    name = " ".join(_UNSAFE.sub(" ", name).split())
    stem, kept = split_extension(name) if keep_extension else (name, "")
    if word_characters_only:
        stem = _NOT_WORD.sub("_", stem).strip("_-")
        kept = "." + _NOT_WORD.sub("", kept[1:]) if kept[1:].strip("_-.") else ""
    ending = kept + extension
    stem = stem.strip(". ") or fallback
    if _WINDOWS_DEVICES.match(stem.split(".")[0].rstrip(" ")):
        stem = "_" + stem
    stem = _shorten(stem, max_bytes - len(ending.encode("utf-8"))).rstrip(". ")
    return (stem or fallback) + ending


def _shorten(text: str, max_bytes: int) -> str:
    """``text`` cut to at most ``max_bytes`` bytes of UTF-8, between characters."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[: max(max_bytes, 0)].decode("utf-8", "ignore")
