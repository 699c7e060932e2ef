"""What can honestly be known about whether a copy (OSC 52) reaches the
clipboard.

`App.copy_to_clipboard` writes the OSC 52 sequence; no terminal answers
it, so success cannot be seen. One case can be checked: inside tmux
(TMUX is set) the sequence goes to tmux, which passes it on (and keeps
it as a paste buffer) only when its `set-clipboard` option is `on`; `off`
drops it, and `external` takes OSC 52 from tmux itself but not from the
programs inside it. Anything else (a terminal that ignores OSC 52, GNU
screen, a terminal multiplexer we cannot ask) is not guessed at: the
help says what the copy needs, and `Y` always shows the text.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping

TMUX_TIMEOUT = 1.0
"""Seconds to wait for `tmux show-options` (a stuck server must not hang the app)."""


def osc52_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why a copy would not reach the clipboard, when that is known; else None."""
    env = os.environ if env is None else env
    if not env.get("TMUX"):
        return None
    try:
        done = subprocess.run(
            ["tmux", "show-options", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=TMUX_TIMEOUT,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no tmux command, or it hung: nothing is known
    value = done.stdout.strip()
    if done.returncode != 0:
        return None
    if value == "off":
        return "tmux drops the copy (set-clipboard is off; `set -g set-clipboard on` fixes it)"
    if value == "external":
        return (
            "tmux ignores copies from programs (set-clipboard is external; "
            "`set -g set-clipboard on` fixes it)"
        )
    return None
