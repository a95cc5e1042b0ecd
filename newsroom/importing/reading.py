"""Finding source files and reading them as text, whatever the scrape did to them."""

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings


class SourceError(Exception):
    """A source file that cannot be read; the message names the file and says what to do."""


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The `.txt` files named by `paths` (files or folders), sorted, without duplicates."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise SourceError(f"{path}: the folder holds no .txt files.")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder.")
    return list(dict.fromkeys(files))


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of `data` and any warnings: UTF-8, else cp1252 (with a warning); binary refused."""
    if not data.strip():
        raise SourceError(f"{name}: the file is empty.")
    if b"\x00" in data[:4096]:
        raise SourceError(f"{name}: the file is binary, not page text; save the page as text.")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise SourceError(
                f"{name}, line {line}: not UTF-8 nor Windows-1252 text; re-save the page as UTF-8."
            ) from None
        return text, [
            f"{name}, line {line}: not valid UTF-8; read as Windows-1252. "
            "Check accented letters, then re-save the file as UTF-8."
        ]


def read_source(path: str | Path) -> tuple[str, list[str]]:
    """The text of the file at `path` and any warnings about how it was read."""
    path = Path(path)
    try:
        check_size(path)
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror}).") from None
    return decode(data, path.name)


def check_size(path: Path) -> None:
    """Refuse a file over SOURCE_IMPORT_MAX_BYTES before reading it."""
    size, limit = path.stat().st_size, settings.SOURCE_IMPORT_MAX_BYTES
    if size > limit:
        raise SourceError(
            f"{path.name}: {readable_size(size)} ({size:,} bytes), over the limit of "
            f"{readable_size(limit)} for one source text. A saved page is far smaller: check "
            "that this is a page's text and split it if it holds several; to import it "
            "anyway, raise SOURCE_IMPORT_MAX_BYTES (in .env)."
        )


def readable_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size // 1024} kB"
    return f"{size / (1024 * 1024):.1f} MB"
