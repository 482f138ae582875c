#!/usr/bin/env python3
"""Prints the include graph's backward edges between gongkai's stages.

    tools/check_includes.py [SRC_DIR]      (default: src/ next to tools/)

Data flows one way: readers -> the table model -> mapping -> resolution and
validation -> writers, with the pipeline and the CLI on top. Each stage may
include its own headers and those of the stages it is built on (the same
graph as the libraries in CMakeLists.txt); any other include is an edge that
points the wrong way. Exit 0 when there are none, 1 otherwise (a test runs it).
"""
import re
import sys
from pathlib import Path

# The stages each stage is built on, directly. Lowest first.
BUILT_ON = {
    "text": [],
    "template": ["text"],  # a group named by words read (groups.h)
    "model": ["template"],
    "grid": [],
    "tables": ["model", "grid", "text"],
    "ocr": ["text"],
    "readers": ["model", "tables", "grid", "text"],  # the interface, page assembly, sections, rows
    "readers/text": ["readers"],
    "readers/html": ["readers"],
    "readers/scan": ["readers", "ocr", "grid", "tables"],
    "readers/pdf": ["readers", "readers/scan", "grid"],
    "readers/registry": ["readers"],
    "mapping": ["model", "template", "text"],
    "evidence": ["model", "template", "text"],
    "validation": ["model", "text", "evidence"],
    "analysis": ["model", "template"],
    "writers": ["model", "analysis"],
    "pipeline": ["readers/registry", "readers", "mapping", "evidence", "validation", "model"],
    "batch": ["pipeline", "writers", "model"],
    "python": ["pipeline", "writers", "readers", "model", "template"],  # the module gongkai, beside cli
    "review": ["pipeline", "validation", "writers", "readers/pdf", "readers", "template", "text", "model"],
    "cli": ["review", "batch", "pipeline", "writers", "readers/registry", "readers", "model"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def stage_of(rel: str) -> str:
    """The stage a path under src/ belongs to ("readers/pdf/layout.h" -> "readers/pdf")."""
    parts = rel.split("/")
    if parts[0] == "readers":
        if len(parts) > 2:
            return "readers/" + parts[1]
        if parts[1].startswith("registry."):
            return "readers/registry"
    return parts[0]


def allowed(stage: str) -> set:
    seen, todo = {stage}, list(BUILT_ON.get(stage, []))
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo.extend(BUILT_ON.get(s, []))
    return seen


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "src"
    edges, unknown, files = [], set(), 0
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp", ".inc"):
            continue
        files += 1
        rel = path.relative_to(src).as_posix()
        mine = stage_of(rel)
        if mine not in BUILT_ON:
            unknown.add(mine)
            continue
        ok = allowed(mine)
        for target in INCLUDE.findall(path.read_text(encoding="utf-8", errors="replace")):
            if not (src / target).exists():
                continue  # a system header spelled with quotes, or a generated one
            theirs = stage_of(target)
            if theirs not in ok:
                edges.append(f"{rel} -> {target}   ({mine} is not built on {theirs})")
    for s in sorted(unknown):
        edges.append(f"stage {s}/ is not in tools/check_includes.py's graph")
    print(f"{files} files, {len(edges)} backward include edges")
    for e in edges:
        print("  " + e)
    return 1 if edges else 0


if __name__ == "__main__":
    sys.exit(main())
