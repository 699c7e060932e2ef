"""A small dataset using every record of issue 9: two sources (one with its
bibliographic fields), a verbatim role, a quote reported in both sources and
linked by `same_as`, an assessment and a disagreement with two readings."""

from __future__ import annotations

from pathlib import Path

from helpers import MINI_YAML, edit, make_dataset

# The title runs over a line break, to be found only by tolerant matching.
OTHER_ARTICLE = (
    "After the talks, Ryabkov repeated: “We need a result.” The US Deputy Secretary\n"
    "of State, Wendy Sherman, said the talks were “useful”.\n"
)

OTHER_SOURCE = """  - id: other
    file: seeds/other.txt
    title: Another article
    kind: post-talks-summary
    written: After the talks
    outlet: Test Wire
    author: A. Writer
    published: "2022-01-11"
    url: https://example.org/talks
    language: en-GB
    translation: false
"""

SHERMAN = """    name: Wendy Sherman
    delegation: united-states
"""
SHERMAN_ROLE = """    roles:
      - title: US Deputy Secretary of State
        sources: [other]
"""

OTHER_QUOTE = """  - id: ryabkov-result-other
    speaker: ryabkov
    source: other
    text: We need a result.
    kind: direct
    event: geneva-talks-2022-01-10
    said: after
    same_as: [ryabkov-result]
"""

LINKS = """assessments:
  - id: state-department-silence
    party: us-state-department
    source: article
    text: The State Department said nothing new.
    event: geneva-talks-2022-01-10
    topics: [negotiation-process]
    date: "2022-01"
disagreements:
  - id: talks-usefulness
    about: What Sherman said of the talks
    people: [sherman]
    events: [geneva-talks-2022-01-10]
    quotes: [sherman-door]
    readings:
      - source: article
        text: the door stays open
        occurrence: 1
      - source: other
        text: the talks were "useful"
        note: Only here.
"""

LINKED_YAML = (
    edit(
        MINI_YAML,
        ("    written: During the talks\n", "    written: During the talks\n" + OTHER_SOURCE),
        (SHERMAN, SHERMAN + SHERMAN_ROLE),
        (
            "    topics: [negotiation-process]\n  - id: sherman-door",
            "    topics: [negotiation-process]\n    same_as: [ryabkov-result-other]\n"
            "  - id: sherman-door",
        ),
    )
    + OTHER_QUOTE
    + LINKS
)


def make_linked(folder: Path, yaml_text: str | None = None, other: str = OTHER_ARTICLE) -> Path:
    """The linked dataset (or `yaml_text`) under `folder`, with both seeds."""
    path = make_dataset(folder, LINKED_YAML if yaml_text is None else yaml_text)
    (folder / "seeds" / "other.txt").write_text(other, encoding="utf-8")
    return path
