"""The terminal: whether it can show the explorer at all, and signals that
end the app the way `q` does, giving the terminal back.

A terminal that cannot draw a screen (TERM=dumb: Emacs' shell, some CI
logs and IDE consoles) gets one line saying so and nothing else: Textual
would send it the alternate screen, mouse modes and 24-bit colour all the
same. Nothing here imports Textual, so that refusal costs no start-up.

Without signal handlers, SIGTERM and SIGHUP kill the process at once, leaving the
terminal in the alternate screen with mouse tracking on and the cursor
hidden, and asyncio's own SIGINT handler cancels the app, which then exits
0. Here each becomes `app.exit(return_code=128 + signum)`: the driver
restores the terminal on the way out and the shell sees 143, 129 or 130.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


DUMB_TERMINALS = frozenset({"dumb"})
"""TERM values of terminals without cursor addressing (terminfo's `dumb`)."""


def unfit_terminal(environ: Mapping[str, str] | None = None) -> str | None:
    """Why the terminal described by `environ` (default: os.environ) cannot
    show the explorer, in words for the user; None when it can."""
    term = (os.environ if environ is None else environ).get("TERM", "")
    if term.strip().lower() in DUMB_TERMINALS:
        return (
            "the explorer draws a full screen, and TERM=dumb cannot show one "
            "(run it in a terminal emulator, or set TERM to its type, e.g. xterm-256color)"
        )
    return None


def _on_signal(app: App[Any], received: list[int], signum: int) -> None:
    if received:
        # A second signal: the shutdown is stuck somewhere. The default action
        # (death) rather than an app that cannot be stopped.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    received.append(signum)
    app.exit(return_code=128 + signum)


@contextmanager
def exit_on_signals(app: App[Any]) -> Iterator[None]:
    """While inside, SIGTERM, SIGHUP and SIGINT make `app` exit cleanly with
    128 + the signal's number. Only the main thread can own signals; elsewhere
    (an app run from a test thread) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    installed: list[int] = []
    received: list[int] = []
    for signum in SIGNALS:
        try:
            loop.add_signal_handler(signum, _on_signal, app, received, signum)
        except (NotImplementedError, RuntimeError, ValueError):  # not on this platform
            continue
        installed.append(signum)
    try:
        yield
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)
