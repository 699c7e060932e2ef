"""Text from the user (a path, a search, a name typed on the command line) made
safe to draw.

The dataset's own text is cleaned when it is loaded; what the user supplies
is not, and Rich and Textual pass ESC, CSI, OSC, C1 and bidi controls
straight to the terminal. Such characters are shown as escapes (`\\x1b`),
not dropped, so the user sees what was actually given.
"""

from __future__ import annotations


def visible(text: str) -> str:
    """`text` with every non-printable character (controls, tab and newline,
    bidi and other format characters, lone surrogates from an undecodable
    file name) written as a Python-style escape: one safe line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
