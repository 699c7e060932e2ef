"""Snapshot of issue 10 §2: four filters at 80×24, every chip whole, by name."""

from __future__ import annotations

from typing import Any

from genevatui import create_app
from genevatui.core.filters import Filter

FOUR = Filter(
    speakers=("sherman",),
    topics=("missile-deployment",),
    delegations=("united states",),
    date_from="2021-12",
    date_to="2022-01",
)


def test_four_chips_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(flt=FOUR), terminal_size=(80, 24))


def test_a_filtered_out_delegation_and_the_date_dialog(snap_compare: Any) -> None:
    flt = Filter(date_from="2022-01").excluding("delegation", ["others"])
    assert snap_compare(create_app(flt=flt), press=["r"], terminal_size=(80, 24))
