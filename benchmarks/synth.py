"""Synthetic genevatui datasets of any size, for benchmarks.

    python benchmarks/synth.py OUT_DIR --quotes N [--events M] [--articles K] [--seed S]

writes `OUT_DIR/events.yaml` and `OUT_DIR/seeds/article-0001.txt …`: a valid
dataset (see docs/dataset-format.md) whose every passage occurs exactly once
in its article, so `genevatui validate --data OUT_DIR/events.yaml` anchors
them all "exact". The output depends only on the arguments: the same seed
gives the same bytes (one `random.Random(seed)`, no clock, no set iteration).

Articles are English-like prose from a fixed word list (4-25 kB each, more if
an article must hold many passages), with curly quotes, apostrophes and a few
accented names. Every sentence carries a number ("3,412 observers") unique in
its article, and every passage cut from an article is checked to occur there
once before it is used.

The YAML is written by hand (double-quoted scalars, backslash and double
quote escaped, non-ASCII written as is) because yaml.dump is far too slow at
100,000 quotes; `--check` reads it back with yaml.safe_load and compares.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
import time
import unicodedata
from pathlib import Path
from random import Random
from typing import Any

__all__ = ["write_dataset", "build_dataset", "render_yaml"]

# ---------------------------------------------------------------- vocabulary
# fmt: off

TOPICS: list[tuple[str, str, str]] = [
    ("nato-expansion", "NATO expansion", "Enlargement to the east and the open door."),
    ("nato-infrastructure", "NATO forces and infrastructure", "Forces on the eastern flank."),
    ("missile-deployment", "Missile deployment", "Offensive missile and strike systems."),
    ("military-exercises", "Military exercises", "Scale and transparency of exercises."),
    ("troop-buildup", "Troop build-up", "Troop concentrations and manoeuvres."),
    ("ukraine", "Ukraine", "Ukraine’s place in the talks."),
    ("sanctions", "Sanctions", "Economic and financial sanctions, export controls."),
    ("nuclear-war", "Nuclear war", "A nuclear war cannot be won and must not be fought."),
    ("security-guarantees", "Security guarantees", "Written, legally binding guarantees."),
    ("negotiation-process", "Negotiation process", "Format, expectations and follow-up."),
    ("arms-control", "Arms control", "Treaties on strategic and intermediate weapons."),
    ("military-response", "Military response", "Counter-threats and the use of force."),
    ("coercion", "Pressure and threats", "Pressure, blackmail and intimidation."),
    ("spheres-of-influence", "Spheres of influence", "Buffer zones and red lines."),
    ("world-order", "World order", "The post-Cold War order and multipolarity."),
    ("de-escalation", "De-escalation", "Reducing tension; peace and security."),
]

# id, name, aliases, how the prose names it, adjective.
DELEGATIONS: list[tuple[str, str, list[str], str, str]] = [
    ("russia", "Russia", ["Russian Federation", "RF", "Moscow"], "Russia", "Russian"),
    ("united-states", "United States", ["US", "USA", "U.S.", "Washington"], "the US", "US"),
    ("nato-allies", "NATO and US allies", ["NATO", "the alliance"], "NATO", "NATO"),
    ("osce", "OSCE", ["Organization for Security and Co-operation in Europe"], "the OSCE", "OSCE"),
    ("ukraine", "Ukraine", ["Kyiv", "Kiev"], "Ukraine", "Ukrainian"),
    ("european-union", "European Union", ["EU", "the Union"], "the EU", "EU"),
    ("france", "France", ["Paris", "the Élysée"], "France", "French"),
    ("germany", "Germany", ["Berlin", "the Federal Republic"], "Germany", "German"),
    ("belarus", "Belarus", ["Minsk"], "Belarus", "Belarusian"),
    ("others", "Others and commentators", [], "", "independent"),
]
ROLE_TITLES = [
    "Deputy Foreign Minister", "Foreign Minister", "Deputy Defence Minister",
    "Head of the {adj} delegation", "{adj} ambassador to the OSCE", "Spokesperson",
    "Permanent Representative", "Adviser to the President", "Secretary General",
    "Chief negotiator", "{adj} envoy",
]

VENUES: list[tuple[str, str]] = [
    ("Geneva", "city"), ("Brussels", "city"), ("Vienna", "city"), ("Moscow", "city"),
    ("Washington", "city"), ("Kyiv", "city"), ("Minsk", "city"), ("Helsinki", "city"),
    ("Reykjavík", "city"), ("Zürich", "city"), ("Kraków", "city"), ("Bratislava", "city"),
    ("Berlin", "city"), ("Paris", "city"), ("London", "city"), ("Warsaw", "city"),
    ("Tallinn", "city"), ("Riga", "city"), ("Vilnius", "city"), ("Istanbul", "city"),
    ("Beijing", "city"), ("New York", "city"), ("Madrid", "city"), ("Sochi", "city"),
    ("Villa La Grange", "building"), ("Palais des Nations", "building"),
    ("Hofburg", "building"), ("Kremlin", "building"), ("White House", "building"),
    ("NATO headquarters", "building"), ("Smolenskaya Square", "building"),
    ("Élysée Palace", "building"), ("Donbas", "region"), ("Black Sea", "region"),
    ("Baltic region", "region"), ("Crimea", "region"), ("Arctic", "region"),
    ("video link", "channel"), ("telephone", "channel"), ("written statement", "channel"),
]

FIRST = [
    "Sergei", "Wendy", "Alexander", "Jens", "Antony", "Maria", "Dmitry", "Olena",
    "José", "François", "Zoë", "Renée", "Jürgen", "Agnès", "Søren", "Chloé",
    "Mikuláš", "Ana", "Piotr", "Helga", "Kaja", "Ivan", "Laura", "Tomás", "Ingrid",
    "Oleksii", "Linda", "Yuri", "Emmanuel", "Olaf", "Annalena", "Hélène", "Björn",
    "Dragoș", "Małgorzata", "Nikos", "Ayşe", "Mark", "Karen", "Pavel",
]
LAST = [
    "Ryabkov", "Sherman", "Fomin", "Stoltenberg", "Blinken", "Zakharova", "Peskov",
    "Ramírez", "Lefèvre", "Müller", "Dvořák", "Kowalski", "Nørgaard", "Ångström",
    "Lavrov", "Kuleba", "Grushko", "Donfried", "Schmid", "Rau", "Kallas", "Novak",
    "Hoffmann", "Svensson", "García", "Petrović", "Horváth", "Öztürk", "Lindqvist",
    "Marchetti", "Dubois", "Kovács", "Nieminen", "Popescu", "Jansen", "Çelik",
    "Wójcik", "Antonov", "Carpenter", "Sullivan", "Ushakov", "Reznikov", "Gašparović",
]

SUBJ_NOUNS = [
    "delegation", "ministry", "alliance", "government", "spokesman", "official",
    "negotiator", "commission", "council", "administration", "embassy", "side",
    "president", "envoy", "committee", "press service", "military", "parliament",
]
NOUNS = [
    "proposal", "guarantee", "treaty", "deployment", "exercise", "border", "agreement",
    "concession", "ultimatum", "memorandum", "dialogue", "escalation", "framework",
    "moratorium", "initiative", "position", "demand", "threat", "settlement",
    "compromise", "question", "draft", "meeting", "channel", "format", "round",
    "architecture", "balance", "doctrine", "response", "order", "crisis", "warning",
]
PLURALS = [
    "observers", "troops", "diplomats", "missiles", "officers", "tanks", "experts",
    "inspectors", "aircraft", "warships", "soldiers", "kilometres", "delegates",
    "journalists", "launchers", "battalions", "pages", "articles", "proposals",
]
ADJS = [
    "legally binding", "reciprocal", "strategic", "intermediate-range", "bilateral",
    "multilateral", "collective", "indivisible", "eastern", "western", "written",
    "informal", "closed", "difficult", "frank", "constructive", "urgent", "final",
    "military", "diplomatic", "new", "old", "careful", "serious", "unacceptable",
    "verifiable", "long-term", "regional", "nuclear", "conventional",
]
VERBS_PAST = [
    "rejected", "welcomed", "discussed", "proposed", "questioned", "demanded",
    "reviewed", "postponed", "confirmed", "described", "examined", "accepted",
    "criticised", "outlined", "revisited", "underlined", "dismissed", "offered",
]
VERBS_BASE = [
    "reject", "accept", "discuss", "consider", "revise", "sign", "limit", "review",
    "guarantee", "withdraw", "support", "extend", "clarify", "respect", "freeze",
]
MODALS = ["will", "would", "could", "must", "should", "cannot", "may", "might not"]
PREPS = ["after", "before", "during", "despite", "without", "beyond", "under", "against"]
PLACES_IN = [
    "in Geneva", "in Brussels", "in Vienna", "in Moscow", "in Washington", "in Kyiv",
    "in Reykjavík", "in Zürich", "in Kraków", "at the Palais des Nations",
    "on the eastern flank", "near the border", "in the Black Sea", "at the OSCE",
]
MONTHS = list(calendar.month_name)[1:]
OPENERS = [
    "However", "Meanwhile", "At the same time", "In other words", "Nevertheless",
    "According to the article", "As expected", "On the other hand", "In fact",
    "For now", "Later that day", "By the evening",
]
SPEECH = [
    "We don’t", "It’s clear that we", "We won’t", "Our side doesn’t", "They can’t say we",
    "We", "Nobody will", "No one here can", "The West must not",
]
SEPS = [", ", ", and ", "; ", " — ", ", but ", ", while "]
# Plain lower-case words for quote ids.
ID_WORDS = sorted({*NOUNS, *PLURALS, *VERBS_BASE} - {"press service"})

SOURCE_KINDS = ["preview", "live-report", "analysis", "post-talks-summary", "news"]
EVENT_KINDS = [
    "round", "meeting", "call", "summit", "publication", "press-conference",
    "interview", "statement", "historical", "other",
]
EVENT_TITLES = {
    "round": "Round of security talks", "meeting": "Meeting", "call": "Telephone call",
    "summit": "Summit", "publication": "Publication of draft documents",
    "press-conference": "Press conference", "interview": "Interview",
    "statement": "Statement", "historical": "Historical agreement", "other": "Event",
}

# fmt: on

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PLAIN_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
# What a double-quoted scalar written on one line cannot hold as is.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_FOLD = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "đ": "d"})

# ------------------------------------------------------------------ helpers


def slug(text: str) -> str:
    """`Mikuláš Dvořák` -> `mikulas-dvorak`."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def unique_id(base: str, taken: dict[str, int]) -> str:
    """`base`, or `base-2`, `base-3` … if already taken."""
    if base not in taken:
        taken[base] = 1
        return base
    n = taken[base]
    while True:
        n += 1
        candidate = f"{base}-{n}"
        if candidate not in taken:
            taken[base] = n
            taken[candidate] = 1
            return candidate


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def random_date(rng: Random, precision: str) -> str:
    year = rng.randint(1990, 2023)
    if precision == "year":
        return f"{year:04d}"
    month = rng.randint(1, 12)
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def random_precision(rng: Random) -> str:
    r = rng.random()
    return "day" if r < 0.7 else "month" if r < 0.9 else "year"


# ----------------------------------------------------------------- articles


class Article:
    """Generated prose plus the spans passages may be cut at."""

    def __init__(self) -> None:
        self.text = ""
        # (start, end) of every sentence, in order, and its paragraph number.
        self.sentences: list[tuple[int, int]] = []
        self.paragraph_of: list[int] = []
        # Per sentence: clause or quoted-speech spans inside it.
        self.parts: list[list[tuple[int, int]]] = []
        self.used: set[str] = set()


class Prose:
    """Sentence generator; `names` are the people the articles talk about."""

    def __init__(self, rng: Random, names: list[str], delegations: list[str]) -> None:
        self.rng = rng
        self.names = names
        self.delegations = delegations

    def subject(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            return rng.choice(self.names)
        if r < 0.5:
            return f"{rng.choice(self.delegations)}’s {rng.choice(SUBJ_NOUNS)}"
        if r < 0.65:
            return f"officials {rng.choice(PLACES_IN)}"
        return f"the {rng.choice(ADJS)} {rng.choice(SUBJ_NOUNS)}"

    def obj(self, number: str | None) -> str:
        rng = self.rng
        if number is not None:
            form = rng.random()
            if form < 0.6:
                return f"{number} {rng.choice(PLURALS)}"
            if form < 0.8:
                return f"the {rng.choice(NOUNS)} on {number} {rng.choice(PLURALS)}"
            return f"paragraph {number} of the {rng.choice(ADJS)} {rng.choice(NOUNS)}"
        if rng.random() < 0.5:
            return f"the {rng.choice(ADJS)} {rng.choice(NOUNS)}"
        return f"a {rng.choice(NOUNS)} of {rng.choice(ADJS)} {rng.choice(PLURALS)}"

    def clause(self, number: str | None) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            verb = rng.choice(VERBS_PAST)
        else:
            verb = f"{rng.choice(MODALS)} {rng.choice(VERBS_BASE)}"
        text = f"{self.subject()} {verb} {self.obj(number)}"
        r = rng.random()
        if r < 0.35:
            text += f" {rng.choice(PREPS)} the {rng.choice(NOUNS)}"
        elif r < 0.6:
            text += f" {rng.choice(PLACES_IN)}"
        elif r < 0.7:
            text += f" on {rng.randint(1, 28)} {rng.choice(MONTHS)}"
        return text

    def speech(self, number: str) -> str:
        rng = self.rng
        text = f"{rng.choice(SPEECH)} {rng.choice(VERBS_BASE)} {self.obj(number)}"
        if rng.random() < 0.5:
            text += f"{rng.choice(SEPS)}{self.clause(None)}"
        return text

    def sentence(self, number: str) -> tuple[str, list[tuple[int, int]]]:
        """One sentence and the spans (relative to it) of its clauses or speech."""
        rng = self.rng
        r = rng.random()
        if r < 0.2:  # “…,” Name said.
            inner = self.speech(number)
            inner = _upper_first(inner)
            who = rng.choice(self.names)
            if rng.random() < 0.5:
                s = f"“{inner},” {who} said."
            else:
                s = f"“{inner},” said {who}."
            return s, [(1, 1 + len(inner))]
        if r < 0.3:  # Name said: “….”
            inner = self.speech(number) + "."
            inner = _upper_first(inner)
            head = f"{rng.choice(self.names)} told reporters: “"
            return f"{head}{inner}”", [(len(head), len(head) + len(inner))]
        if r < 0.45:  # Name said that …, and ….
            head = f"{rng.choice(self.names)} {rng.choice(['said', 'noted', 'stressed'])} "
            body = "that " + self.clause(number)
            if rng.random() < 0.4:
                body += f", and {self.clause(None)}"
            return f"{head}{body}.", [(len(head), len(head) + len(body))]
        # Plain: clause [sep clause]* with the number in one of them.
        count = rng.choice([1, 1, 2, 2, 2, 3])
        where = rng.randrange(count)
        pieces = [self.clause(number if i == where else None) for i in range(count)]
        prefix = ""
        if rng.random() < 0.15:
            prefix = f"{rng.choice(OPENERS)}, "
        else:
            pieces[0] = _upper_first(pieces[0])
        spans = []
        text = prefix
        for i, piece in enumerate(pieces):
            if i:
                text += rng.choice(SEPS)
            spans.append((len(text), len(text) + len(piece)))
            text += piece
        end = "?" if rng.random() < 0.05 else "."
        return text + end, spans if count > 1 else []

    def article(self, length: int) -> Article:
        rng = self.rng
        art = Article()
        chunks: list[str] = []
        pos = 0
        numbers: set[int] = set()
        paragraph = 0
        while pos < length:
            if paragraph:
                chunks.append("\n\n")
                pos += 2
            for k in range(rng.randint(2, 6)):
                if k:
                    chunks.append(" ")
                    pos += 1
                n = rng.randint(10, 99_999)
                while n in numbers:
                    n = rng.randint(10, 99_999 + len(numbers))
                numbers.add(n)
                s, spans = self.sentence(f"{n:,}")
                art.sentences.append((pos, pos + len(s)))
                art.paragraph_of.append(paragraph)
                art.parts.append([(pos + a, pos + b) for a, b in spans])
                chunks.append(s)
                pos += len(s)
            paragraph += 1
        chunks.append("\n")
        art.text = "".join(chunks)
        return art


def _once(text: str, needle: str) -> bool:
    first = text.find(needle)
    return first != -1 and text.find(needle, first + 1) == -1


def cut_passage(rng: Random, art: Article, allow_long: bool) -> str:
    """A sentence, clause or run of sentences of `art`, unique in it and not yet used."""
    n = len(art.sentences)
    for _ in range(500):
        i = rng.randrange(n)
        r = rng.random()
        if allow_long and r < 0.005:  # ~2,000 characters, across paragraphs
            want = rng.randint(1600, 2400)
            j = i
            while j + 1 < n and art.sentences[j][1] - art.sentences[i][0] < want:
                j += 1
            start, end = art.sentences[i][0], art.sentences[j][1]
            if end - start < 1000:
                continue
        else:
            if r < 0.3 and art.parts[i]:
                start, end = rng.choice(art.parts[i])
            elif r < 0.5:
                j = min(n - 1, i + rng.randint(1, 2))
                while art.paragraph_of[j] != art.paragraph_of[i]:
                    j -= 1
                start, end = art.sentences[i][0], art.sentences[j][1]
            else:
                start, end = art.sentences[i]
            if not 20 <= end - start <= 400:
                continue
        text = art.text[start:end]
        if text in art.used or not _once(art.text, text):
            continue
        art.used.add(text)
        return text
    raise RuntimeError("could not cut a unique passage; the article is too small")


# ------------------------------------------------------------------ dataset


def build_dataset(
    quotes: int,
    events: int | None = None,
    articles: int | None = None,
    seed: int = 0,
    people: int | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """The dataset as plain data (what yaml.safe_load of it gives) and the article texts."""
    if quotes < 0:
        raise ValueError("quotes must be >= 0")
    n_events = max(20, quotes // 50) if events is None else events
    n_articles = max(5, quotes // 200) if articles is None else articles
    n_people = max(30, quotes // 300) if people is None else people
    if n_articles < 1 or n_people < 1 or n_events < 0:
        raise ValueError("need at least one article and one person")
    rng = Random(seed)

    # Delegations, venues, topics.
    n_del = rng.randint(6, 10)
    dels = DELEGATIONS[:n_del]
    delegations = []
    for did, name, aliases, _, _ in dels:
        d: dict[str, Any] = {"id": did, "name": name}
        if aliases:
            d["aliases"] = aliases
        delegations.append(d)
    del_ids = [d[0] for d in dels]
    del_adj = {d[0]: d[4] for d in dels}
    del_names = [d[3] for d in dels if d[3]]
    venues = [{"id": slug(name), "name": name, "kind": kind} for name, kind in VENUES]
    venue_ids = [v["id"] for v in venues]
    topics = [{"id": t, "label": label, "description": desc} for t, label, desc in TOPICS]
    topic_ids = [t["id"] for t in topics]

    # People (their sources' roles are filled in once quotes are placed).
    person_taken: dict[str, int] = {}
    persons: list[dict[str, Any]] = []
    for _ in range(n_people):
        r = rng.random()
        delegation = rng.choice(del_ids)
        adj = del_adj[delegation]
        if r < 0.85:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name, kind = f"{first} {last}", "person"
            aliases = [f"{first[0]}. {last}", last]
            plain = slug(name).replace("-", " ").title()
            if plain != name and rng.random() < 0.5:
                aliases.append(plain)  # the name without its accents
        elif r < 0.95:
            body = rng.choice(["Foreign Ministry", "Defence Ministry", "Mission", "Press Office"])
            name, kind = f"{adj} {body}", "body"
            aliases = []
        else:
            name, kind = f"Senior {adj} official", "role"
            aliases = []
        pid = unique_id(slug(name), person_taken)
        p: dict[str, Any] = {"id": pid, "name": name, "kind": kind, "delegation": delegation}
        p["_aliases"] = aliases
        persons.append(p)
    prose_names = [p["name"] for p in persons if p["kind"] == "person"] or ["Sergei Ryabkov"]
    prose = Prose(rng, prose_names, del_names)

    # Sources: sizes, then how many passages each must hold.
    width = max(4, len(str(n_articles)))
    sources = []
    sizes = []
    for i in range(n_articles):
        kind = rng.choice(SOURCE_KINDS)
        sid = f"{kind}-{i + 1:0{width}d}"
        sources.append(
            {
                "id": sid,
                "file": f"seeds/article-{i + 1:0{width}d}.txt",
                "title": f"{kind.replace('-', ' ').capitalize()} on the {rng.choice(ADJS)} "
                f"{rng.choice(NOUNS)} {rng.choice(PLACES_IN)}",
                "kind": kind,
                "written": f"On {rng.randint(1, 28)} {rng.choice(MONTHS)} "
                f"{rng.randint(1990, 2023)}, {rng.choice(['before', 'after', 'during'])} "
                f"the {rng.choice(NOUNS)}",
            }
        )
        sizes.append(4000 + int(21000 * rng.random() ** 1.5))
    # Quotes per article proportional to size (largest remainder, ties by index).
    total = sum(sizes)
    exact = [quotes * s / total for s in sizes]
    per_article = [int(x) for x in exact]
    order = sorted(range(n_articles), key=lambda i: (-(exact[i] - per_article[i]), i))
    for i in order[: quotes - sum(per_article)]:
        per_article[i] += 1
    event_sources = [
        [rng.randrange(n_articles) for _ in range(rng.randint(1, 2))] for _ in range(n_events)
    ]
    need = per_article[:]
    for row in event_sources:
        for a in row:
            need[a] += 1
    texts: list[str] = []
    arts: list[Article] = []
    for i in range(n_articles):
        art = prose.article(max(sizes[i], 60 * need[i]))
        arts.append(art)
        texts.append(art.text)

    # Events.
    event_taken: dict[str, int] = {}
    events_out = []
    person_ids = [p["id"] for p in persons]
    for e in range(n_events):
        kind = rng.choice(EVENT_KINDS)
        precision = random_precision(rng)
        date = random_date(rng, precision)
        venue = rng.randrange(len(venues))
        eid = unique_id(f"{kind}-{venue_ids[venue]}-{date}", event_taken)
        ev: dict[str, Any] = {
            "id": eid,
            "kind": kind,
            "date": date,
            "precision": precision,
            "title": f"{EVENT_TITLES[kind]} in {venues[venue]['name']}",
            "summary": _upper_first(prose.clause(None)) + ".",
        }
        if rng.random() < 0.9:
            ev["venue"] = venue_ids[venue]
        ev["delegations"] = sorted(rng.sample(del_ids, rng.randint(1, min(3, n_del))))
        if rng.random() < 0.8:
            ev["people"] = rng.sample(person_ids, rng.randint(1, min(4, len(person_ids))))
        ev["passages"] = [
            {"source": sources[a]["id"], "text": cut_passage(rng, arts[a], False)}
            for a in event_sources[e]
        ]
        if rng.random() < 0.2:
            ev["note"] = f"Outside the articles: {prose.clause(None)}."
        events_out.append(ev)
    event_ids = [e["id"] for e in events_out]

    # Quotes, grouped by article as in the curated file. A few prolific speakers.
    cum: list[float] = []
    acc = 0.0
    for rank in range(n_people):
        acc += 1.0 / (rank + 1) ** 0.8
        cum.append(acc)
    speaker_order = person_ids[:]
    rng.shuffle(speaker_order)
    quote_taken: dict[str, int] = {}
    quotes_out = []
    quoted_in: dict[str, list[str]] = {}
    for a in range(n_articles):
        sid = sources[a]["id"]
        for _ in range(per_article[a]):
            speaker = rng.choices(speaker_order, cum_weights=cum)[0]
            text = cut_passage(rng, arts[a], True)
            base = f"{speaker}-{rng.choice(ID_WORDS)}-{rng.choice(ID_WORDS)}"
            q: dict[str, Any] = {
                "id": unique_id(base, quote_taken),
                "speaker": speaker,
                "source": sid,
                "text": text,
                "kind": "direct" if rng.random() < 0.6 else "reported",
            }
            has_event = rng.random() < 0.8 and event_ids
            if has_event:
                q["event"] = rng.choice(event_ids)
            q["topics"] = rng.sample(topic_ids, rng.randint(1, 3))
            if (not has_event and rng.random() < 0.5) or rng.random() < 0.03:
                q["date"] = random_date(rng, random_precision(rng))
            if (not has_event and rng.random() < 0.3) or rng.random() < 0.02:
                q["venue"] = rng.choice(venue_ids)
            if rng.random() < 0.1:
                q["note"] = f"On {prose.obj(None)}."
            quotes_out.append(q)
            seen = quoted_in.setdefault(speaker, [])
            if sid not in seen:
                seen.append(sid)

    # People's roles cite the articles that quote them.
    people_out = []
    for p in persons:
        cited = quoted_in.get(p["id"]) or [sources[rng.randrange(n_articles)]["id"]]
        roles = []
        for _ in range(rng.randint(1, 2) if p["kind"] == "person" else 1):
            roles.append(
                {
                    "title": rng.choice(ROLE_TITLES).format(adj=del_adj[p["delegation"]]),
                    "sources": rng.sample(cited, min(len(cited), rng.randint(1, 2))),
                    "verbatim": False,  # invented: the generated articles give no titles
                }
            )
        out: dict[str, Any] = {k: v for k, v in p.items() if not k.startswith("_")}
        out["roles"] = roles
        if p["_aliases"]:
            out["aliases"] = p["_aliases"]
        if rng.random() < 0.1:
            out["note"] = f"Spelled “{p['name'].upper()}” once."
        people_out.append(out)

    data: dict[str, Any] = {
        "version": 1,
        "topics": topics,
        "delegations": delegations,
        "sources": sources,
        "people": people_out,
        "venues": venues,
        "events": events_out,
        "quotes": quotes_out,
    }
    return data, texts


# --------------------------------------------------------------------- YAML


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        raise TypeError(f"unexpected scalar {value!r}")
    if isinstance(value, int):
        return str(value)
    if _PLAIN_RE.match(value) and value not in _RESERVED:
        return value
    if _UNSAFE_RE.search(value):
        raise ValueError(f"cannot write {value!r} on one line")
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


def _mapping(d: dict[str, Any], indent: int, lead: str, out: list[str]) -> None:
    pad = " " * indent
    first = True
    for key, value in d.items():
        prefix = lead if first else pad
        first = False
        if isinstance(value, list):
            if value and isinstance(value[0], dict):
                out.append(f"{prefix}{key}:\n")
                dash = " " * (indent + 2) + "- "
                for item in value:
                    _mapping(item, indent + 4, dash, out)
            else:
                out.append(f"{prefix}{key}: [{', '.join(_scalar(v) for v in value)}]\n")
        else:
            out.append(f"{prefix}{key}: {_scalar(value)}\n")


def render_yaml(data: dict[str, Any]) -> str:
    """Block YAML for `data` (maps, lists, str, int), strings double-quoted where needed."""
    out: list[str] = ["# Synthetic dataset written by benchmarks/synth.py.\n"]
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"\n{key}:\n")
            for item in value:
                _mapping(item, 4, "  - ", out)
        else:
            _mapping({key: value}, 0, "", out)
    return "".join(out)


def write_dataset(
    out_dir: Path,
    quotes: int,
    events: int | None = None,
    articles: int | None = None,
    seed: int = 0,
) -> Path:
    """Write `out_dir/events.yaml` and `out_dir/seeds/article-*.txt`; return the YAML path."""
    out_dir = Path(out_dir)
    data, texts = build_dataset(quotes, events, articles, seed)
    (out_dir / "seeds").mkdir(parents=True, exist_ok=True)
    for source, text in zip(data["sources"], texts, strict=True):
        (out_dir / source["file"]).write_bytes(text.encode("utf-8"))
    yaml_path = out_dir / "events.yaml"
    yaml_path.write_bytes(render_yaml(data).encode("utf-8"))
    return yaml_path


def check_dataset(
    yaml_path: Path, quotes: int, events: int | None, articles: int | None, seed: int
) -> None:
    """Read the written YAML back with yaml.safe_load and compare; check every passage."""
    import yaml

    data, texts = build_dataset(quotes, events, articles, seed)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loaded = yaml.load(yaml_path.read_text(encoding="utf-8"), Loader=loader)
    if loaded != data:
        raise SystemExit("check failed: the YAML does not read back as written")
    folder = yaml_path.parent
    by_id = {s["id"]: (folder / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
    passages = [(q["source"], q["text"]) for q in data["quotes"]]
    passages += [(p["source"], p["text"]) for e in data["events"] for p in e["passages"]]
    for sid, text in passages:
        if text != text.strip() or not _once(by_id[sid], text):
            raise SystemExit(f"check failed: passage not unique in {sid}: {text[:60]!r}")
    for section in ("topics", "delegations", "sources", "people", "venues", "events", "quotes"):
        ids = [r["id"] for r in data[section]]
        if len(set(ids)) != len(ids) or not all(_ID_RE.match(i) for i in ids):
            raise SystemExit(f"check failed: bad or duplicate ids in {section}")
    print(f"check ok: {len(passages)} passages unique, YAML round-trips", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--quotes", type=int, required=True)
    parser.add_argument("--events", type=int, default=None, help="default max(20, N // 50)")
    parser.add_argument("--articles", type=int, default=None, help="default max(5, N // 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--check", action="store_true", help="read the YAML back with PyYAML and compare"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = write_dataset(args.out_dir, args.quotes, args.events, args.articles, args.seed)
    elapsed = time.perf_counter() - started
    print(f"wrote {path} ({path.stat().st_size:,} bytes) in {elapsed:.2f} s", file=sys.stderr)
    if args.check:
        check_dataset(path, args.quotes, args.events, args.articles, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
