"""A dataset of many quotes for the marks tests (issue 11 §2), written
under tmp_path: marks are keyed by the dataset file's path, so each test
has its own file and its own marks."""

from __future__ import annotations

from pathlib import Path

HEAD = """\
version: 1
delegations:
  - id: russia
    name: Russia
  - id: united-states
    name: United States
sources:
  - id: article
    file: seeds/article.txt
    title: A test article
    kind: live-report
    written: During the talks
people:
  - id: ryabkov
    name: Sergei Ryabkov
    delegation: russia
  - id: sherman
    name: Wendy Sherman
    delegation: united-states
events:
  - id: talks
    kind: round
    date: "2022-01-10"
    precision: day
    title: Geneva talks
    summary: The first round.
    passages:
      - source: article
        text: Talks opened in Geneva.
  - id: call
    kind: call
    date: "2022-01-20"
    precision: day
    title: A later call
    summary: A call nobody quoted.
quotes:
"""


def quote_id(n: int) -> str:
    return f"q{n:02d}"


def make_dataset(folder: Path, count: int = 6) -> Path:
    """`count` quotes q00, q01… by Ryabkov (even) and Sherman (odd), each its
    own sentence of one article; returns the events.yaml path."""
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    sentences = ["Talks opened in Geneva."]
    quotes = []
    for n in range(count):
        words = f"statement number {n} about security"
        sentences.append(f"Someone said {words}.")
        speaker = "ryabkov" if n % 2 == 0 else "sherman"
        quotes.append(
            f"  - id: {quote_id(n)}\n    speaker: {speaker}\n    source: article\n"
            f"    text: {words}\n    kind: reported\n    event: talks\n"
        )
    (folder / "seeds" / "article.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    path = folder / "events.yaml"
    path.write_text(HEAD + "".join(quotes), encoding="utf-8")
    return path
