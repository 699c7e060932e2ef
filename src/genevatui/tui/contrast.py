"""Colours legible on every theme: WCAG contrast, and a foreground moved just
far enough towards white or black to reach it. The lists, the source and
the key bar draw their own colours (Line API), so Textual's CSS cannot
guarantee their contrast; they pass each style through `legible`."""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorType
from rich.color_triplet import ColorTriplet
from rich.style import Style

AA = 4.5
"""WCAG AA contrast for text: what every row, header and passage must reach."""


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour (0: black, 1: white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@lru_cache(maxsize=1024)
def legible_rgb(fg: ColorTriplet, bg: ColorTriplet, ratio: float = AA) -> ColorTriplet:
    """`fg`, moved towards white or black (whichever `bg` contrasts with
    more) just far enough to reach `ratio` on `bg`: a theme's hue is kept
    where it can be, and never at the cost of legibility."""
    if contrast(fg, bg) >= ratio:
        return fg
    white, black = (255, 255, 255), (0, 0, 0)
    toward = white if contrast(white, bg) >= contrast(black, bg) else black
    for step in range(1, 21):
        t = step / 20
        mixed = ColorTriplet(*(round(f + (w - f) * t) for f, w in zip(fg, toward, strict=True)))
        if contrast(mixed, bg) >= ratio:
            return mixed
    return ColorTriplet(*toward)


def legible(style: Style, background: Style) -> Style:
    """`style` with its foreground made legible on its own background (or, if
    it has none, on `background`'s); a colour the terminal's palette decides
    (ANSI themes) is left to the terminal."""
    fg = style.color or background.color
    bg = style.bgcolor or background.bgcolor
    if fg is None or bg is None or fg.triplet is None or bg.triplet is None:
        return style
    if fg.type is not ColorType.TRUECOLOR or bg.type is not ColorType.TRUECOLOR:
        return style
    better = legible_rgb(fg.triplet, bg.triplet)
    if better == fg.triplet and style.color is not None:
        return style
    return style + Style(color=RichColor.from_triplet(better))
