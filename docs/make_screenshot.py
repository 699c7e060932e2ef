"""Write an SVG screenshot of genevatui for the README: `make screenshot`."""

from __future__ import annotations

import asyncio
import sys

from genevatui import create_app


async def main(path: str) -> None:
    app = create_app(speakers=["sherman", "ryabkov"])
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("end", "k", "enter")
        await pilot.pause()
        app.save_screenshot(path)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.svg"))
