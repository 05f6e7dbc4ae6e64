#!/usr/bin/env python3
"""Writes Tests/PythonRuntimeTests/Golden/python_cases.jsonl: small Python programs and what
CPython does with each (stdout, error class/message/line, final plain globals).

Run:  /work/kenv-tf/bin/python tools/pygolden/python_cases.py [--check] [--out FILE] [--only PREFIX]
No Keras is imported. The output is a pure function of this folder's tables and the Python
version (recorded in python_versions.json beside it).
"""

import argparse
import json
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Nothing here should depend on string hashing, but fix it anyway (sets of str print in hash order).
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])
sys.path.insert(0, str(HERE))

from pyrun import run  # noqa: E402
from python_systematic import systematic_cases  # noqa: E402
from python_table import CASES  # noqa: E402

ROOT = HERE.parent.parent
DEFAULT_OUT = ROOT / "Tests" / "PythonRuntimeTests" / "Golden" / "python_cases.jsonl"
FILENAME = "<program>"


def plain(value, depth=0):
    """True for the values recorded in `globals`: int, float, str, bool, None and tuples,
    lists and dicts of them."""
    if depth > 4:
        return False
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, (tuple, list)):
        return all(plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(plain(k, depth + 1) and plain(v, depth + 1) for k, v in value.items())
    return False


def run_case(cid, source):
    namespace = {"__name__": "__main__"}
    stdout, error = run(source, FILENAME, namespace)
    globals_ = {
        k: repr(v) for k, v in namespace.items() if not k.startswith("__") and plain(v)
    }
    row = {"id": cid, "source": source, "stdout": stdout, "ok": error is None, "globals": globals_}
    if error is not None:
        row["error"] = error
    return row


def all_cases():
    cases = list(CASES) + systematic_cases()
    seen = set()
    for cid, _ in cases:
        if cid in seen:
            raise ValueError(f"duplicate case id {cid}")
        seen.add(cid)
    return cases


def render(rows):
    return "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rows)


def versions_text():
    info = {"python": platform.python_version(), "implementation": platform.python_implementation()}
    return json.dumps(info, sort_keys=True, indent=1) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    parser.add_argument("--only", help="print the rows whose id starts with this prefix, write nothing")
    args = parser.parse_args()

    cases = all_cases()
    if args.only:
        for cid, source in cases:
            if cid.startswith(args.only):
                print(json.dumps(run_case(cid, source), sort_keys=True, ensure_ascii=False, indent=1))
        return 0
    rows = [run_case(cid, source) for cid, source in cases]
    text = render(rows)
    versions = versions_text()
    vpath = args.out.with_name("python_versions.json")
    errors = sum(1 for r in rows if not r["ok"])
    print(f"python cases: {len(rows)} programs, {errors} raise", file=sys.stderr)
    if args.check:
        stale = [p for p, t in ((args.out, text), (vpath, versions))
                 if not p.exists() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if stale else 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    vpath.write_text(versions, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
