"""Sanitising and normalising helpers shared by the loader, anchoring and query.

Dataset text ends up in a terminal. Rich and Textual strip only a handful of
control characters (BEL, BS, VT, FF, CR), so anything else (ESC, CSI, OSC,
NUL, C1, bidi overrides) must be removed before it can reach the screen.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right

# C0 except tab and newline, DEL, C1, and the bidi embedding/override/isolate
# controls that can visually reorder a line (the "Trojan Source" characters).
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_CONTROL_RE = re.compile(_CONTROL)

# Article text keeps its length so that offsets stay valid: each control
# character becomes one visible replacement character instead of vanishing.
PLACEHOLDER = "\ufffd"

_QUOTE_PAIRS = (
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u201e", '"'),  # „
    ("\u201f", '"'),  # ‟
    ("\u00ab", '"'),  # «
    ("\u00bb", '"'),  # »
    ("\u2018", "'"),  # ‘
    ("\u2019", "'"),  # ’
    ("\u201a", "'"),  # ‚
    ("\u201b", "'"),  # ‛
)
_QUOTE_FOLD = str.maketrans(dict(_QUOTE_PAIRS))


def clean(text: str) -> str:
    """Remove control characters other than newline and tab."""
    return _CONTROL_RE.sub("", text)


def shown(text: str) -> str:
    """`text` made safe to print or draw, keeping it readable and exact.

    Unlike `clean` (dataset text, at load), nothing is removed: a path or a
    value the user typed is shown with every non-printable character
    (controls, tab and newline: a message is one line; DEL, C1, bidi and other
    format characters, line separators) as a visible escape (`\\x1b`,
    `\\u202e`; a byte that was not UTF-8, a lone surrogate from
    `os.fsdecode`, as `\\xff`), so the user can still tell what was wrong
    with it. The one rule for the CLI's messages and the TUI's user text.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _show_one(ch) for ch in text)


_SHOWN_AS = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _show_one(char: str) -> str:
    code = ord(char)
    if char in _SHOWN_AS:
        return _SHOWN_AS[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape of one byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


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


# \s is exactly str.isspace() for str patterns.
_ODD_SPACE_RE = re.compile(r"[^\S ]")  # whitespace other than a plain space
_DOUBLE_RE = re.compile("[" + "".join(k for k, v in _QUOTE_PAIRS if v == '"') + "]")
_SINGLE_RE = re.compile("[" + "".join(k for k, v in _QUOTE_PAIRS if v == "'") + "]")
_SPACES_RE = re.compile("  +")
_CHUNK = 1 << 20


class Normalised:
    """A text with whitespace runs collapsed to one space and quotes folded
    (`squash` without the strip), and the way back to the text's offsets.

    Only runs of two or more whitespace characters move offsets, so the map
    back holds two integers per such run, not one per character (a 200 MB
    article once took 10 GB as per-character lists). The text is done a
    chunk at a time with C-level substitutions, so no list of millions of
    pieces is ever built and each chunk takes the fastest path it can.
    """

    def __init__(self, text: str) -> None:
        code = "i" if len(text) < 2**31 else "q"
        self._starts = array(code)  # where each run sits in the normalised text
        self._shifts = array(code)  # characters dropped up to the end of each run
        pieces: list[str] = []
        dropped = at = 0
        while at < len(text):
            end = min(at + _CHUNK, len(text))
            while end < len(text) and text[end].isspace():
                end += 1  # never split a run of whitespace between two chunks
            chunk = _ODD_SPACE_RE.sub(" ", text[at:end])
            if not chunk.isascii():
                chunk = _SINGLE_RE.sub("'", _DOUBLE_RE.sub('"', chunk))
            for run in _SPACES_RE.finditer(chunk):
                self._starts.append(at + run.start() - dropped)
                dropped += run.end() - run.start() - 1
                self._shifts.append(dropped)
            pieces.append(_SPACES_RE.sub(" ", chunk))
            at = end
        self.text = "".join(pieces)

    def origin(self, at: int) -> int:
        """The text's offset of the normalised text's character `at`."""
        i = bisect_right(self._starts, at) - 1
        if i < 0:
            return at
        if self._starts[i] == at:  # a run's one space: the run's first character
            return at + (self._shifts[i - 1] if i else 0)
        return at + self._shifts[i]


def squash(text: str) -> str:
    """The normalised form of a short string, without the offset map."""
    return " ".join(fold_quotes(text).split())


_QUOTE_RE = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b]")
COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


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
            folded = COMBINING_RE.sub("", unicodedata.normalize("NFKD", folded))
    return " ".join(folded.split())


def _fold_one(match: re.Match[str]) -> str:
    return match.group().translate(_QUOTE_FOLD)


_WORD_RE = re.compile(r"\S+")


def search_key_map(text: str) -> tuple[str, array[int]]:
    """`search_key(text)` and, per character of it, the offset in `text` of
    the character it comes from (a space: the first of its whitespace run).

    The same folding as `search_key`, a character at a time, so that a match
    found in the key (`search.spans`) can be drawn on the text itself. ASCII
    words are done as slices; only other characters are folded one by one.
    """
    pieces: list[str] = []
    origin = array("i" if len(text) < 2**31 else "q")
    space = -1  # where a pending separator starts (-1: none)
    for word in _WORD_RE.finditer(text):
        at = word.start()
        if word.group().isascii():
            if space >= 0:
                pieces.append(" ")
                origin.append(space)
                space = -1
            pieces.append(word.group().lower())
            origin.extend(range(at, word.end()))
        else:
            for n, char in enumerate(word.group(), at):
                for ch in _fold_char(char):
                    if ch.isspace():  # NFKD made a space (U+00A8 is " \u0308")
                        if pieces and space < 0:
                            space = n
                        continue
                    if space >= 0:
                        pieces.append(" ")
                        origin.append(space)
                        space = -1
                    pieces.append(ch)
                    origin.append(n)
        if pieces and space < 0:
            space = word.end()  # the whitespace after a word: one separator
    return "".join(pieces), origin


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character as `search_key` folds it (it may become 0, 1 or more)."""
    folded = char.casefold()
    if not folded.isascii():
        folded = folded.translate(_QUOTE_FOLD)
        if not folded.isascii():
            folded = COMBINING_RE.sub("", unicodedata.normalize("NFKD", folded))
    return folded


_MARKS = '"“”„«»'  # not ’: it also ends words (an apostrophe)
_OPENING = '"“„«'
_CLOSING = '"”»'


def unwrapped(text: str) -> str:
    """The text without the quotation marks of the quotation itself (they
    give way to ours): one pair enclosing all of it, or a lone opening mark
    at its start or closing mark at its end with no other mark in the text
    (the slice took the article's mark on one side only: “We need a result.).
    A mark at one end that pairs with another inside belongs to the words:
    Blinken's quote ends with the close of "nothing for Europe without
    Europe"; "A" and "B" stays whole."""
    if len(text) >= 2 and text[0] in _MARKS and text[-1] in _MARKS:
        inner = text[1:-1]
        return text if any(mark in inner for mark in _MARKS) else inner
    if text[:1] in _OPENING and not any(mark in text[1:] for mark in _MARKS):
        return text[1:]
    if text[-1:] in _CLOSING and not any(mark in text[:-1] for mark in _MARKS):
        return text[:-1]
    return text


def quoted(text: str) -> str:
    """A direct quote's words in quotation marks (“…”), once: reported speech
    is never passed here."""
    return f"“{unwrapped(text)}”"
