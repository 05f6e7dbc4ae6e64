#!/usr/bin/env python3
"""Runs every case of Tests/PythonRuntimeTests/Semantics/*.py in real Python and writes what it
printed and how it ended to Semantics/expected.json, for SemanticsTests to compare with kshape's
interpreter.

A case file holds several programs, each introduced by a line `#### name`. A program runs in a
fresh namespace; its stdout is recorded, and an exception as its class, message and line.
"""
import contextlib
import io
import json
import pathlib
import sys
import traceback

ROOT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "PythonRuntimeTests" / "Semantics"


def cases(path):
    name, lines = None, []
    for line in path.read_text().splitlines(keepends=True):
        if line.startswith("#### "):
            if name:
                yield name, "".join(lines)
            name, lines = line[5:].strip(), []
        else:
            lines.append(line)
    if name:
        yield name, "".join(lines)


def run(source):
    out = io.StringIO()
    result = {"source": source}
    try:
        code = compile(source, "<test>", "exec")
        with contextlib.redirect_stdout(out):
            exec(code, {"__name__": "__main__"})
    except BaseException as e:  # noqa: BLE001 - every outcome is data
        tb = traceback.extract_tb(e.__traceback__)
        line = getattr(e, "lineno", None) if isinstance(e, SyntaxError) else None
        if line is None:
            frames = [f for f in tb if f.filename == "<test>"]
            line = frames[-1].lineno if frames else None
        result["error"] = {"kind": type(e).__name__, "message": str(e) if not isinstance(e, SyntaxError) else e.msg, "line": line}
    result["stdout"] = out.getvalue()
    return result


def main():
    expected = {}
    for path in sorted(ROOT.glob("*.py")):
        for name, source in cases(path):
            expected[f"{path.stem}/{name}"] = run(source)
    (ROOT / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    print(f"{len(expected)} cases, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
