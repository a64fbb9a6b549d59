"""`kg lineage` as text: a summary (grouped by relation, with counts), then the tree, fitted to a width.

Pure functions of a `LineageTree`: no store, no terminal. Every line is at most `width` characters (text wraps,
long words are broken); quotes are windows of the evidence sentence around the directive numbers the edge
joins, cut at word boundaries and never before the number.
"""
from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass

from .lineage_lookup import DOWN_PHRASE, UP_PHRASE, LineageTree, Node, TreeNode

# a report's own task list: under the report only when asked for (--tasks)
TASK_RELATIONS = frozenset({"part_of", "set_by", "assigned_to", "concerns"})
ATTACH = ("assigned_to", "concerns")
KIND_WORDS = {"Directive": "directive", "Document": "document", "Programme": "plan/programme", "Task": "task",
              "Project": "project", "Agency": "agency", "Target": "target", "Result": "result", "Law": "law"}
PLURAL = {"task": "tasks", "target": "targets", "project": "projects", "agency": "agencies",
          "plan/programme": "plans/programmes", "directive": "directives", "document": "documents",
          "result": "results", "law": "laws"}


@dataclass
class Style:
    """How a piece of text is shown on a terminal (ignored when not a terminal)."""

    bold: bool = False
    dim: bool = False
    fg: str | None = None


PLAIN, BOLD, DIM = Style(), Style(bold=True), Style(dim=True)
HEAD = Style(bold=True, fg="magenta")
REL = Style(fg="cyan")
QUOTE = Style(fg="green")


# ------------------------------------------------------------------------------------------- text
def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(str(s).split()))


def shorten(s: str, n: int) -> str:
    """At most n characters, cut at a word boundary with '…' (a single long word is cut inside)."""
    s = nfc(s)
    if len(s) <= n:
        return s
    if n <= 1:
        return "…"[:n]
    cut = s[: n - 1]
    if " " in cut and not s[n - 1].isspace():
        head = cut.rsplit(" ", 1)[0]
        if len(head) >= n // 2:
            cut = head
    return cut.rstrip(" ,;:-–") + "…"


def number_pattern(number: str) -> re.Pattern:
    """A directive number as written in running text: leading zeros, case, đ/d and spaces around / - vary."""
    parts = [p for p in re.split(r"\s*[/-]\s*", number.strip()) if p]
    out = []
    for i, p in enumerate(parts):
        if p.isdigit():
            out.append(r"0*" + (p.lstrip("0") or "0"))
        else:
            out.append("".join("[đdĐD]" if c in "đdĐD" else re.escape(c) for c in p))
    return re.compile(r"(?<![\w])" + r"\s*[/-]\s*".join(out) + r"(?![\w])", re.IGNORECASE)


def window(sentence: str, anchors: list[str], budget: int) -> str:
    """A part of `sentence` at most `budget` characters long holding the first anchor found (a directive
    number) and, when they fit, the others: never cut before the first anchor; '…' where cut."""
    s = nfc(sentence)
    if len(s) <= budget:
        return s
    spans = []
    for a in anchors:
        if not a:
            continue
        m = number_pattern(a).search(s)
        if m:
            spans.append((m.start(), m.end()))
    if not spans:
        return shorten(s, budget)
    lo, hi = spans[0]
    for a, b in spans[1:]:
        if max(hi, b) - min(lo, a) <= budget - 2:
            lo, hi = min(lo, a), max(hi, b)
    room = max(0, budget - 2 - (hi - lo))
    before = min(lo, room // 3)
    after = min(len(s) - hi, room - before)
    before = min(lo, room - after)  # what the end does not use goes to the start
    start, end = lo - before, hi + after
    if start > 0:  # begin at a word
        nxt = s.find(" ", start, lo)
        start = nxt + 1 if nxt != -1 else start
    if end < len(s):  # end at a word
        prev = s.rfind(" ", hi, end)
        end = prev if prev != -1 else end
    return ("…" if start > 0 else "") + s[start:end].strip(" ,;:") + ("…" if end < len(s) else "")


# ------------------------------------------------------------------------------------------- lines
class Out:
    """Lines fitted to a width: a first-line prefix, a prefix for the wrapped rest."""

    def __init__(self, width: int):
        self.width = width
        self.lines: list[tuple[str, list[tuple[str, Style]]]] = []

    def add(self, first: str, rest: str, parts: list[tuple[str, Style]]) -> None:
        text = "".join(t for t, _ in parts)
        avail = max(10, self.width - max(len(first), len(rest)))
        wrapped = textwrap.wrap(text, avail, break_long_words=True, break_on_hyphens=False) or [""]
        # restyle the wrapped text: walk the parts in step with the characters kept
        spans, pos = [], 0
        for t, st in parts:
            spans.append((pos, pos + len(t), st))
            pos += len(t)
        pos = 0
        for i, line in enumerate(wrapped):
            k = text.find(line, pos)
            k = pos if k < 0 else k
            pieces = []
            for a, b, st in spans:
                x, y = max(a, k), min(b, k + len(line))
                if x < y:
                    pieces.append((text[x:y], st))
            pos = k + len(line)
            self.lines.append((first if i == 0 else rest, pieces))

    def blank(self) -> None:
        self.lines.append(("", []))


def render_lines(out: Out, color: bool) -> list[str]:
    import click

    res = []
    for prefix, pieces in out.lines:
        body = "".join(click.style(t, bold=st.bold or None, dim=st.dim or None, fg=st.fg) if color else t
                       for t, st in pieces)
        res.append((click.style(prefix, dim=True) if color and prefix else prefix) + body)
    return [line.rstrip() if not color else line for line in res]


# ------------------------------------------------------------------------------------------- names
def kind_word(n: Node) -> str:
    return KIND_WORDS.get(n.kind, n.kind.lower())


def title(n: Node) -> str:
    t = n.title()
    if n.kind == "Task" and n.number:
        t = f"{n.number}. {t}"
    return nfc(t)


def describe(n: Node) -> str:
    bits = [title(n)]
    if n.year:
        bits.append(str(n.year))
    elif n.kind == "Directive" and n.undated:
        bits.append("undated")
    if n.issuer:
        bits.append(n.issuer)
    return " · ".join(bits)


def _count_words(counts: dict[str, int]) -> str:
    return ", ".join(f"{c} {PLURAL.get(k, k) if c != 1 else k}" for k, c in counts.items())


# ------------------------------------------------------------------------------------------- the view
@dataclass
class View:
    width: int = 100
    tasks: bool = False  # show a report's own tasks (and their targets, agencies, projects)
    children: int = 10  # at most this many children per node (0: all)
    evidence: bool = True


def _hidden(t: TreeNode, root: Node, direction: str, view: View) -> bool:
    """A task-list edge below the root, going down, when tasks were not asked for."""
    if view.tasks or direction != "down" or t.relation not in TASK_RELATIONS:
        return False
    # from a task, project or plan root, its own targets, agencies and projects are the answer
    return t.depth > 1 or root.kind in ("Directive", "Document")


def summary(tree: LineageTree, view: View, out: Out, up: bool, down: bool) -> None:
    root = tree.root
    out.add("", "  ", [(describe(root), BOLD), (f"  [{kind_word(root)}]", DIM)])
    for direction, items, phrases, head in (("up", tree.ancestors, UP_PHRASE, "Carries out"),
                                            ("down", tree.descendants, DOWN_PHRASE, "Carried out by")):
        if (direction == "up" and not up) or (direction == "down" and not down):
            continue
        shown = [t for t in items if not _hidden(t, root, direction, view)]
        hidden = [t for t in items if _hidden(t, root, direction, view)]
        if direction == "up" and root.kind in ("Task", "Target"):
            head = "Part of"
        if not shown and not hidden:
            out.add("", "  ", [(f"{head}: ", BOLD), ("nothing stated", DIM)])
            continue
        out.add("", "  ", [(f"{head}: ", BOLD), (f"{len(shown)}" if shown else "nothing else stated", PLAIN)])
        groups: dict[str, list[TreeNode]] = {}
        for t in shown:
            groups.setdefault(t.relation or "", []).append(t)
        for rel, ts in groups.items():
            names = []
            for t in ts:
                name = describe(t.node)
                extra = _task_counts(t) if direction == "down" and not view.tasks else {}
                if extra:
                    name += f" ({_count_words(extra)})"
                names.append(name)
            text = "; ".join(names)
            out.add("  ", "      ", [(f"{phrases.get(rel, rel)} ({len(ts)}): ", REL),
                                     (shorten(text, 3 * (view.width - 6)), PLAIN)])
        if hidden:
            out.add("  ", "      ", [(_count_words(_kinds(hidden)), PLAIN), (" of its own: --tasks lists them", DIM)])


def _kinds(ts: list[TreeNode]) -> dict[str, int]:
    c: dict[str, int] = {}
    for t in ts:
        c[kind_word(t.node)] = c.get(kind_word(t.node), 0) + 1
    return c


def _task_counts(t: TreeNode) -> dict[str, int]:
    return _kinds([c for c in t.children if c.relation in ("part_of", "set_by")])


def tree_lines(tree: LineageTree, view: View, out: Out, up: bool, down: bool) -> None:
    root = tree.root
    for direction, items, phrases, arrow, head in (
            ("up", tree.ancestors, UP_PHRASE, "→", "▲ what it carries out"),
            ("down", tree.descendants, DOWN_PHRASE, "←", "▼ what carries it out")):
        if (direction == "up" and not up) or (direction == "down" and not down):
            continue
        if not items:
            continue
        out.blank()
        out.add("", "  ", [(head, HEAD)])
        _branch(items, None, root, direction, phrases, arrow, "", view, out)
    if tree.truncated:
        out.add("", "  ", [(f"… more beyond --depth {tree.depth}", DIM)])
    if tree.limit:
        out.add("", "  ", [(f"… the answer stops at {tree.limit} nodes, nearest first: --limit 0 shows all", DIM)])


def _branch(items: list[TreeNode], parent: TreeNode | None, root: Node, direction: str, phrases: dict,
            arrow: str, indent: str, view: View, out: Out) -> None:
    shown = [t for t in items if not _hidden(t, root, direction, view)]
    hidden = [t for t in items if _hidden(t, root, direction, view)]
    attach = [t for t in shown if direction == "down" and t.relation in ATTACH and not t.children]
    shown = [t for t in shown if t not in attach]
    more = 0
    if view.children and len(shown) > view.children:
        more = len(shown) - view.children
        shown = shown[: view.children]
    cut = parent.more if parent is not None else 0  # left out of a bounded answer
    tail_lines = bool(attach) + bool(hidden) + bool(more) + bool(cut)
    quoted: set[str] = set()  # sentences quoted under this node already: each once
    for i, t in enumerate(shown):
        last = i == len(shown) - 1 and not tail_lines
        first, rest = indent + ("└─ " if last else "├─ "), indent + ("   " if last else "│  ")
        parts = [(f"{phrases.get(t.relation, t.relation)} {arrow} ", REL),
                 (describe(t.node), BOLD if t.node.kind == "Directive" else PLAIN),
                 (f"  [{kind_word(t.node)}]", DIM)]
        if t.repeated:
            parts.append(("  (shown above)", DIM))
        out.add(first, rest + "  ", parts)
        if view.evidence:
            _evidence(t, parent, root, rest + "  ", view, out, quoted)
        _branch(t.children, t, root, direction, phrases, arrow, rest, view, out)
    if attach:  # a task's agencies, projects and programmes: one line, no repeated sentence
        tail_lines -= 1
        by_rel: dict[str, list[str]] = {}
        for t in attach:
            by_rel.setdefault(phrases.get(t.relation, t.relation), []).append(title(t.node))
        text = "; ".join(f"{rel}: {', '.join(names)}" for rel, names in by_rel.items())
        last = not tail_lines
        out.add(indent + ("└─ " if last else "├─ "), indent + ("   " if last else "│  ") + "  ",
                [(shorten(text, 2 * (view.width - len(indent) - 6)), PLAIN)])
    if hidden:
        tail_lines -= 1
        last = not tail_lines
        out.add(indent + ("└─ " if last else "├─ "), indent + "   ",
                [(_count_words(_kinds(hidden)), PLAIN), (" of its own: --tasks lists them", DIM)])
    if more:
        tail_lines -= 1
        out.add(indent + ("└─ " if not tail_lines else "├─ "), indent + "   ",
                [(f"… {more} more (--children 0 shows all)", DIM)])
    if cut:
        out.add(indent + "└─ ", indent + "   ", [(f"… {cut} more beyond --limit", DIM)])


def _evidence(t: TreeNode, parent: TreeNode | None, root: Node, indent: str, view: View, out: Out,
              quoted: set[str]) -> None:
    if not t.evidence:
        return
    e = t.evidence[0]
    sent = nfc(e.sentence or "")
    if not sent:
        return
    other = parent.node if parent else root
    if parent and parent.evidence and nfc(parent.evidence[0].sentence or "") == sent:
        return  # the same sentence as the line above
    if t.node.kind == "Task" and t.relation == "part_of":
        return  # a task's sentence is its own heading, shown as its name
    if sent in quoted:
        out.add(indent, indent, [("(the same sentence as above)", DIM)])
        return
    quoted.add(sent)
    src = f" — {e.source}" if e.source else ""
    more = f" (+{len(t.evidence) - 1})" if len(t.evidence) > 1 else ""
    avail = view.width - len(indent)
    budget = max(30, 2 * avail - len(src) - len(more) - 4)
    quote = window(sent, [t.node.number if t.node.kind != "Task" else None, other.number], budget)
    out.add(indent, indent, [(f"“{quote}”", QUOTE), (src + more, DIM)])


def render(tree: LineageTree, up: bool, down: bool, view: View, max_lines: int | None = 40,
           color: bool = False) -> list[str]:
    """The summary and the tree as lines; over `max_lines` the quotes go, then the tree is cut (said so)."""
    out = _build(tree, up, down, view)
    if max_lines and len(out.lines) > max_lines and view.evidence:
        out = _build(tree, up, down, View(view.width, view.tasks, view.children, evidence=False))
    lines = render_lines(out, color)
    if max_lines and len(lines) > max_lines:
        cut = len(lines) - max_lines + 1
        lines = lines[: max_lines - 1] + [shorten(f"… {cut} more lines: --max-lines 0 shows all, --relation or "
                                                  f"--depth narrows", view.width)]
    return lines


def _build(tree: LineageTree, up: bool, down: bool, view: View) -> Out:
    out = Out(view.width)
    summary(tree, view, out, up, down)
    tree_lines(tree, view, out, up, down)
    return out
