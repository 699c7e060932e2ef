"""The copy dialog's "write to file" (issue 11 §1): exactly the text, never
over an existing file unless asked, atomically, never over a folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from genevatui.core.save_as import FileExists, SaveError, save_text, target_path

TEXT = "Sherman said that the door stays open (reported)\n¶ 3 — “ok”\n"


def test_writes_exactly_the_text_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cite.txt"
    save_text(path, TEXT)
    assert path.read_bytes() == TEXT.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()
    assert os.listdir(tmp_path) == ["cite.txt"]  # no temporary left


def test_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "cite.txt"
    path.write_text("mine")
    path.chmod(0o600)
    with pytest.raises(FileExists, match="cite.txt exists"):
        save_text(path, TEXT)
    assert path.read_text() == "mine"
    save_text(path, TEXT, overwrite=True)
    assert path.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # its own permissions kept
    assert sorted(os.listdir(tmp_path)) == ["cite.txt"]


def test_a_folder_or_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(SaveError, match="not a regular file"):
        save_text(tmp_path / "dir", TEXT, overwrite=True)
    with pytest.raises(SaveError, match="cannot write: No such file or directory"):
        save_text(tmp_path / "nowhere" / "cite.txt", TEXT)


def test_a_name_with_control_characters_is_shown_safely(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b]0;x\x07.txt"
    path.write_text("x")
    with pytest.raises(FileExists) as info:
        save_text(path, TEXT)
    assert "\x1b" not in str(info.value) and "\x07" not in str(info.value)


def test_the_typed_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert target_path(" ~/c.md ") == tmp_path / "c.md"
    assert target_path("c.md", tmp_path / "x") == tmp_path / "x" / "c.md"
    assert target_path("/abs/c.md") == Path("/abs/c.md")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
