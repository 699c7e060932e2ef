"""Sanitising and normalising helpers shared by the loader, anchoring and query.

Dataset text ends up in a terminal. Rich and Textual strip only a handful of
control characters (BEL, BS, VT, FF, CR), so anything else (ESC, CSI, OSC,
NUL, C1, bidi overrides) must be removed before it can reach the screen.
"""

from __future__ import annotations

import re
import unicodedata

# C0 except tab and newline, DEL, C1, and the bidi embedding/override/isolate
# controls that can visually reorder a line (the "Trojan Source" characters).
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_CONTROL_RE = re.compile(_CONTROL)

# Article text keeps its length so that offsets stay valid: each control
# character becomes one visible replacement character instead of vanishing.
PLACEHOLDER = "\ufffd"

_QUOTE_FOLD = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
    }
)


def clean(text: str) -> str:
    """Remove control characters other than newline and tab."""
    return _CONTROL_RE.sub("", text)


# What `shown` escapes: every C0 character (tab and newline too: a message is
# one line), DEL, C1, the bidi marks, embeddings, overrides and isolates, the
# Unicode line separators, and lone surrogates (undecodable bytes of a file
# name, which no encoder can print).
_UNSHOWABLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHOWN_AS = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def shown(text: str) -> str:
    """`text` made safe to print in a message, keeping it readable and exact.

    Unlike `clean` (dataset text, at load), nothing is removed: a path or a
    value the user typed is shown with its unsafe characters as visible
    escapes (`\\x1b`, `\\u202e`; a byte that was not UTF-8 as `\\xff`), so the
    user can still tell what was wrong with it.
    """
    return _UNSHOWABLE_RE.sub(_show_one, text)


def _show_one(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHOWN_AS:
        return _SHOWN_AS[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape of one byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean_article(text: str) -> str:
    """Make an article safe to display without changing any offset.

    Line endings are made universal first (as Python's text mode does), then
    every remaining control character is replaced one for one.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub(PLACEHOLDER, text)


def fold_quotes(text: str) -> str:
    """Curly and angle quotes become straight ones."""
    return text.translate(_QUOTE_FOLD)


def normalise(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space and fold quotes.

    Returns the normalised text and, for each of its characters, the index of
    the character it came from, so a match can be mapped back to offsets.
    """
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    folded = fold_quotes(text)
    for i, ch in enumerate(folded):
        if ch.isspace():
            if in_space:
                continue
            in_space = True
            out.append(" ")
        else:
            in_space = False
            out.append(ch)
        origin.append(i)
    return "".join(out), origin


def squash(text: str) -> str:
    """The normalised form of a short string, without the offset map."""
    return " ".join(fold_quotes(text).split())


_QUOTE_RE = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b]")
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def search_key(text: str) -> str:
    """Lower-cased, accent-folded, whitespace-collapsed form used for search.

    Built once per record for the whole dataset, so the common ASCII case
    takes a fast path (100,000 quotes: ~0.2 s rather than ~3 s).
    """
    folded = text.casefold()
    if not folded.isascii():
        # str.translate with a dict costs ~30 ns a character; a regex that
        # only stops at the quotes is many times faster on long texts.
        folded = _QUOTE_RE.sub(_fold_one, folded)
        if not folded.isascii():
            folded = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", folded))
    return " ".join(folded.split())


def _fold_one(match: re.Match[str]) -> str:
    return match.group().translate(_QUOTE_FOLD)
