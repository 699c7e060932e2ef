"""genevatui: explore the January 2022 Russia–West security talks in a terminal."""

from __future__ import annotations

__version__ = "0.1.0"
