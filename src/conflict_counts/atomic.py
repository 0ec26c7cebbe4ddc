"""All-or-nothing writes: a reader never sees half a file or half a folder.

Files are written unnamed (``O_TMPFILE``) in their target's folder and named only when
every one of them is complete, so a killed run leaves no temporary file behind; they
get the mode a plain ``open(path, "w")`` would give (the target's, else 0666 less the
umask). A folder is filled under ``.NAME.partial-*`` beside its target and exchanged
with it in one rename; staging folders of an interrupted run are removed by the next
one. Writers of the same folder take turns (a lock on the parent folder).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TextIO

from conflict_counts.errors import InputError

PARTIAL = ".partial-"  # staging folders: .NAME.partial-XXXXXXXX


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def normal_mode(target: Path) -> int:
    """The mode ``open(target, "w")`` leaves: the existing file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _cannot_write(error: OSError, target: Path) -> InputError:
    where = str(getattr(error, "filename", "") or target)
    return InputError.at(where, None, None, f"cannot write: {error.strerror or error}")


_AT_FDCWD = -100


def _libc_call(name: str, *args: object) -> None:
    function = getattr(ctypes.CDLL(None, use_errno=True), name)
    if function(*args) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(args[-2]) if len(args) > 2 else None)


def _link_descriptor(descriptor: int, name: Path) -> None:
    """Give an unnamed file a name (linkat with AT_SYMLINK_FOLLOW on its /proc entry)."""
    at_symlink_follow = 0x400
    source = os.fsencode(f"/proc/self/fd/{descriptor}")
    _libc_call("linkat", _AT_FDCWD, source, _AT_FDCWD, os.fsencode(name), at_symlink_follow)


def _remove_abandoned(directory: Path, name: str) -> None:
    """Temporary files of ``name`` left by writers that were killed (their process is gone)."""
    for path in directory.glob(f".{name}.*-*.tmp"):
        pid = path.name[len(name) + 2 :].split("-", 1)[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            path.unlink(missing_ok=True)


class _Staged:
    """One file being written: unnamed while it is written, named when it is placed."""

    def __init__(self, target: Path, binary: bool = False) -> None:
        self.target = target
        self.mode = normal_mode(target)
        directory = target.resolve().parent
        self.named: Path | None = None
        try:
            descriptor = os.open(directory, os.O_TMPFILE | os.O_WRONLY, 0o600)
        except (AttributeError, OSError):  # no O_TMPFILE on this system or file system
            _remove_abandoned(directory, target.name)
            prefix = f".{target.name}.{os.getpid()}-"
            descriptor, name = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
            self.named = Path(name)
        self.handle: IO = (
            open(descriptor, "wb")  # noqa: SIM115
            if binary
            else open(descriptor, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        )

    def place(self) -> None:
        self.handle.flush()
        os.fchmod(self.handle.fileno(), self.mode)
        if self.named is None:
            name = self.target.resolve().parent / f".{self.target.name}.{secrets.token_hex(4)}.tmp"
            _link_descriptor(self.handle.fileno(), name)
            self.named = name
        self.handle.close()
        os.replace(self.named, self.target)
        self.named = None

    def place_new(self) -> bool:
        """Name the file ``target`` only if no file has that name; False (and nothing named) if one has."""
        self.handle.flush()
        os.fchmod(self.handle.fileno(), self.mode)
        try:
            if self.named is None:
                _link_descriptor(self.handle.fileno(), self.target)
            else:
                os.link(self.named, self.target)
        except FileExistsError:
            return False
        return True

    def discard(self) -> None:
        self.handle.close()
        if self.named is not None:
            self.named.unlink(missing_ok=True)


@contextlib.contextmanager
def replacing(target: str | Path) -> Iterator[TextIO]:
    """A text handle whose content replaces ``target`` when the block ends without error."""
    target = Path(target)
    try:
        staged = _Staged(target)
    except OSError as error:
        raise _cannot_write(error, target) from error
    try:
        yield staged.handle
        staged.place()
    except OSError as error:
        raise _cannot_write(error, target) from error
    finally:
        staged.discard()


def write_all(files: Sequence[tuple[str | Path, str]]) -> None:
    """Write every ``(path, text)`` or none: all are written in full before any is named."""
    staged: list[_Staged] = []
    current = Path("output")
    try:
        for target, text in files:
            current = Path(target)
            staged.append(_Staged(current))
            staged[-1].handle.write(text)
        for item in staged:
            current = item.target
            item.place()
    except OSError as error:
        raise _cannot_write(error, current) from error
    finally:
        for item in staged:
            item.discard()


def write_lines(target: str | Path, lines: Iterable[str]) -> int:
    """Stream ``lines`` to ``target`` all-or-nothing; returns how many were written.

    Memory does not grow with the input: each line is written as it comes. If the iterable
    raises, or the process is killed, ``target`` is left untouched.
    """
    count = 0
    with replacing(target) as handle:
        for line in lines:
            handle.write(line)
            count += 1
    return count


def write_text(path: str | Path, text: str) -> None:
    """Replace one file atomically."""
    write_all([(path, text)])


def create_bytes(path: str | Path, data: bytes) -> bool:
    """Write a new file all-or-nothing, never replacing one: False (nothing written) if ``path``
    exists, as when another process wrote it first. Raises OSError if it cannot be written."""
    staged = _Staged(Path(path), binary=True)
    try:
        staged.handle.write(data)
        return staged.place_new()
    finally:
        staged.discard()


@contextlib.contextmanager
def folder_lock(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` (no lock file: the folder itself is locked)."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    rename_exchange = 2
    try:
        _libc_call("renameat2", _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), rename_exchange)
    except AttributeError:  # a C library without renameat2
        return False
    except OSError as error:
        if error.errno in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            return False
        raise
    return True


def staging_folders(target: Path) -> list[Path]:
    """Folders an interrupted :func:`replace_directory` of ``target`` left behind."""
    return sorted(p for p in target.parent.glob(f".{target.name}{PARTIAL}*") if p.is_dir())


def replace_directory(
    target: Path,
    fill: Callable[[Path], None],
    written_by_us: Callable[[Path], bool],
    after: Callable[[], None] | None = None,
) -> None:
    """Let ``fill`` write into a fresh folder beside ``target``, then swap it in whole.

    Only a new or empty ``target``, or one ``written_by_us`` says this program wrote, is
    replaced; anything else is refused untouched. ``after`` runs once the new folder is
    in place, still under the lock (the build writes the dataset card there).
    """
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(target.parent):
        if target.exists() and not (target.is_dir() and (written_by_us(target) or not any(target.iterdir()))):
            raise InputError.at(
                str(target),
                None,
                None,
                "exists and was not written by this command; choose a new or empty folder",
            )
        retired = target.with_name(f".{target.name}{PARTIAL}retired")
        if not target.exists() and retired.is_dir():
            retired.rename(target)  # a run killed between the two renames of the fallback swap
        for leftover in staging_folders(target):
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{PARTIAL}", dir=target.parent))
        try:
            fill(staging)
            staging.chmod(0o777 & ~_umask())
            if not target.exists():
                staging.rename(target)
            elif not _exchange(staging, target):
                target.rename(retired)
                staging.rename(target)
                shutil.rmtree(retired, ignore_errors=True)
            if after is not None:
                after()
        finally:
            shutil.rmtree(staging, ignore_errors=True)
