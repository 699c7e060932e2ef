"""Run genevatui in a real pseudo-terminal and read every byte it writes.

The app gets the pty as stdin, stdout and stderr (Textual draws on stderr),
a window size, and a session of its own so that signals reach it alone.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini" / "events.yaml"
# What a terminal must be given back: the normal screen, mouse reports off,
# the cursor shown.
ALT_ON, ALT_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_ON, MOUSE_OFF = b"\x1b[?1000h", b"\x1b[?1000l"
CURSOR_OFF, CURSOR_ON = b"\x1b[?25l", b"\x1b[?25h"
_ONLY_MODES = re.compile(rb"(?:\x1b\[[?<>=]?[0-9;]*[A-Za-z])*")


class Tui:
    """A genevatui process on a pty; `out` holds everything it wrote."""

    def __init__(
        self,
        args: Sequence[str],
        size: tuple[int, int] = (100, 30),
        cwd: Path | None = None,
        *,
        term: str = "xterm-256color",
        pipe_stdout: bool = False,
    ) -> None:
        """`pipe_stdout`: stdout is a pipe (`genevatui | cat`), read by `piped()`."""
        columns, lines = size
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        env = dict(os.environ, TERM=term, COLUMNS=str(columns), LINES=str(lines))
        env.pop("GENEVATUI_DEBUG", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "genevatui", *args],
            stdin=slave,
            stdout=subprocess.PIPE if pipe_stdout else slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            cwd=cwd,
        )
        os.close(slave)
        self.out = bytearray()
        self.closed = False

    def drain(self, seconds: float, until: bytes = b"") -> bool:
        """Read for up to `seconds` (less once `until` has been written);
        False once the app has closed its side."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.closed:
            if select.select([self.master], [], [], 0.02)[0]:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the child closed its side
                    chunk = b""
                if not chunk:
                    self.closed = True
                    break
                self.out.extend(chunk)
                if until and until in self.out:
                    break
        return not self.closed

    def wait_for(self, text: bytes, seconds: float = 60) -> None:
        self.drain(seconds, until=text)
        assert text in self.out, self.tail()

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def signal(self, signum: int) -> None:
        os.kill(self.proc.pid, signum)

    def finish(self, seconds: float = 60) -> int:
        """Read until the app exits; its exit code."""
        end = time.monotonic() + seconds
        while self.proc.poll() is None and time.monotonic() < end:
            self.drain(0.2)
        code = self.proc.wait(timeout=max(end - time.monotonic(), 1))
        self.drain(0.5)
        return code

    def piped(self) -> bytes:
        """What the app wrote to a piped stdout (after `finish`)."""
        assert self.proc.stdout is not None
        return self.proc.stdout.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        os.close(self.master)

    def tail(self, n: int = 3000) -> bytes:
        return bytes(self.out[-n:])

    def __enter__(self) -> Tui:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def assert_terminal_restored(out: bytes) -> None:
    """Alternate screen left, mouse off and cursor shown, after anything drawn:
    what follows the last `leave the alternate screen` is only mode switches."""
    assert ALT_ON in out, out[-2000:]
    last_off = out.rfind(ALT_OFF)
    assert last_off > out.rfind(ALT_ON), out[-2000:]
    assert out.rfind(MOUSE_OFF) > out.rfind(MOUSE_ON), out[-2000:]
    assert out.rfind(CURSOR_ON) > out.rfind(CURSOR_OFF), out[-2000:]
    tail = out[last_off:]
    assert CURSOR_ON in tail and _ONLY_MODES.fullmatch(tail), tail
