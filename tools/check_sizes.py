#!/usr/bin/env python3
"""Files over 500 lines and functions over 120 lines in src/ (data tables aside).

    tools/check_sizes.py [SRC_DIR]

Small files and short functions are the house rule: a reader of one file sees
one job. Data tables (*.inc, template_data.cpp) are exempt. A function is found
as a brace block opened by a line that reads like a definition (a parameter
list before the brace) and is not a namespace, class, struct or enum. Exit 0
when nothing is over, 1 otherwise (a test runs it).
"""
import re
import sys
from pathlib import Path

MAX_FILE, MAX_FUNCTION = 500, 120
DATA_TABLES = {"template/template_data.cpp"}
NOT_A_FUNCTION = re.compile(r"^\s*(namespace|class|struct|enum|union|extern)\b|=\s*\{?\s*$|^\s*(if|for|while|switch|else|do|try|catch)\b")
STRING_OR_CHAR = re.compile(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'')


def code_only(line: str) -> str:
    line = STRING_OR_CHAR.sub('""', line)
    return line.split("//", 1)[0]


def long_functions(lines):
    """(name line, length) of each function body longer than MAX_FUNCTION."""
    out, depth, starts, header = [], 0, [], ""
    in_block_comment = False
    for i, raw in enumerate(lines):
        line = code_only(raw)
        if in_block_comment:
            if "*/" not in line:
                continue
            line, in_block_comment = line.split("*/", 1)[1], False
        if "/*" in line and "*/" not in line:
            line, in_block_comment = line.split("/*", 1)[0], True
        header = (header + " " + line.strip())[-400:] if line.strip() else header
        for ch in line:
            if ch == "{":
                is_function = ")" in header and not NOT_A_FUNCTION.search(header.split(";")[-1].strip())
                starts.append((i, is_function and not any(f for _, f in starts)))
                depth += 1
                header = ""
            elif ch == "}":
                depth -= 1
                if starts:
                    start, is_function = starts.pop()
                    if is_function and i - start + 1 > MAX_FUNCTION:
                        out.append((start + 1, i - start + 1))
                header = ""
            elif ch == ";":
                header = ""
    return out


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "src"
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        rel = path.relative_to(src).as_posix()
        if rel in DATA_TABLES:
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) > MAX_FILE:
            problems.append(f"{rel}: {len(lines)} lines (over {MAX_FILE})")
        for start, length in long_functions(lines):
            problems.append(f"{rel}:{start}: a function of {length} lines (over {MAX_FUNCTION})")
    print(f"{len(problems)} files or functions over the limits")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
