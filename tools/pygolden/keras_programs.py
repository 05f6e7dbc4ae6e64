#!/usr/bin/env python3
"""Writes Tests/ShapeEngineTests/Golden/programs.jsonl: each tools/pygolden/programs/*.py run
verbatim by real Keras, with every model, layer, node shape, global and error it produced.

Run:  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/pygolden/keras_programs.py [--check]
      [--only NAME ...] [--fresh] [--out FILE]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROGRAMS = HERE / "programs"
DEFAULT_OUT = ROOT / "Tests" / "ShapeEngineTests" / "Golden" / "programs.jsonl"

# Fixed before Keras is imported: hash seed (Keras messages print sets), backend, and the
# console width rich lays model.summary() out in (80, its default when stdout is not a terminal).
ENVIRONMENT = {"PYTHONHASHSEED": "0", "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu",
               "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "COLUMNS": "80",
               "LINES": "25"}
if any(os.environ.get(k) != v for k, v in ENVIRONMENT.items()):
    os.environ.update(ENVIRONMENT)
    os.execv(sys.executable, [sys.executable, *sys.argv])
sys.path.insert(0, str(HERE))

import warnings  # noqa: E402

import keras  # noqa: E402
import numpy as np  # noqa: E402

import keras_record as rec  # noqa: E402
from pyrun import run  # noqa: E402

# Programs whose text matches this run with real weights (predict computes values; compile
# creates the optimizer's variables, which a StatelessScope refuses); all others create their
# variables in keras.StatelessScope(initialize_variables=False).
NEEDS_WEIGHTS = re.compile(r"\.predict\(|\.compile\(|# pygolden: initialize-weights")
# Keras's errors raised in a layer's call() are wrapped; `reason` is the inner message.
_WRAPPED = re.compile(r"^Exception encountered when calling [^\n]*\n\n\x1b\[1m(.*?)\x1b\[0m", re.S)


def install_aliases():
    """`import keras_core as keras` runs as `import keras` (issue 8: another name for it)."""
    for name in list(sys.modules):
        if name == "keras" or name.startswith("keras."):
            sys.modules["keras_core" + name[len("keras"):]] = sys.modules[name]


def silence_progress_bars():
    """predict() prints a progress bar with timings (never the same twice): not recorded."""
    from keras.src.utils import progbar

    progbar.Progbar.update = lambda self, *args, **kwargs: None


def fresh_keras_state():
    keras.backend.clear_session()
    keras.config.set_floatx("float32")
    keras.config.set_image_data_format("channels_last")
    keras.config.set_dtype_policy("float32")
    keras.utils.set_random_seed(0)


def program_names():
    return sorted(p.stem for p in PROGRAMS.glob("*.py"))


def run_program(name):
    source = (PROGRAMS / f"{name}.py").read_text(encoding="utf-8")
    filename = f"{name}.py"
    fresh_keras_state()
    namespace = {"__name__": "__main__"}
    weights = bool(NEEDS_WEIGHTS.search(source))
    with warnings.catch_warnings(record=True) as caught, rec.ModelTracker(filename) as tracker:
        warnings.simplefilter("always")
        scope = None if weights else (lambda: keras.StatelessScope(initialize_variables=False))
        stdout, error = run(source, filename, namespace, before=scope)
    index = {id(m): i for i, m in enumerate(tracker.models)}
    # A model bound to a global name but built by Keras (a model loaded or cloned) is still
    # recorded, after the program's own.
    for value in namespace.values():
        if isinstance(value, keras.Model) and id(value) not in index:
            index[id(value)] = len(tracker.models)
            tracker.models.append(value)
    bound = {}
    for key in sorted(namespace):
        if id(namespace[key]) in index and not key.startswith("__"):
            bound.setdefault(id(namespace[key]), []).append(key)
    models = [rec.model_record(m, i, bound.get(id(m), [])) for i, m in enumerate(tracker.models)]
    row = {
        "name": name,
        "file": f"tools/pygolden/programs/{filename}",
        "source": source,
        "weights_initialized": weights,
        "stdout": stdout,
        "ok": error is None,
        "models": models,
        "globals": rec.globals_record(namespace, index),
        "warnings": [f"{w.category.__name__}: {rec.mask(str(w.message))}" for w in caught
                     if (w.filename.endswith(filename) or "keras" in w.filename)
                     and not issubclass(w.category, DeprecationWarning)],
    }
    if error is not None:
        wrapped = _WRAPPED.match(error["message"])
        error["reason"] = wrapped.group(1) if wrapped else error["message"]
        row["error"] = error
    return row


def render(rows):
    return "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rows)


def versions_text():
    import platform

    import jax

    info = {"keras": keras.__version__, "jax": jax.__version__, "numpy": np.__version__,
            "python": platform.python_version(), "backend": keras.backend.backend(),
            "summary_width": int(ENVIRONMENT["COLUMNS"])}
    return json.dumps(info, sort_keys=True, indent=1) + "\n"


def rows_fresh(names):
    """Each program in its own Python process (no Keras state shared at all)."""
    rows = []
    for name in names:
        out = subprocess.run([sys.executable, __file__, "--emit", name], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    parser.add_argument("--only", nargs="+", help="print these programs' rows, write nothing")
    parser.add_argument("--fresh", action="store_true", help="one process per program")
    parser.add_argument("--emit", help=argparse.SUPPRESS)
    args = parser.parse_args()

    install_aliases()
    silence_progress_bars()
    if args.emit:
        sys.stdout.write(json.dumps(run_program(args.emit), sort_keys=True, ensure_ascii=False))
        return 0
    if args.only:
        for name in args.only:
            print(json.dumps(run_program(name), sort_keys=True, ensure_ascii=False, indent=1))
        return 0
    start = time.time()
    names = program_names()
    rows = rows_fresh(names) if args.fresh else [run_program(n) for n in names]
    text = render(rows)
    versions = versions_text()
    vpath = args.out.with_name("programs_versions.json")
    failed = [r["name"] for r in rows if not r["ok"]]
    print(f"keras programs: {len(rows)} programs, {sum(len(r['models']) for r in rows)} models, "
          f"{len(failed)} raise ({', '.join(failed)}), {time.time() - start:.1f} s", file=sys.stderr)
    if args.check:
        stale = [p for p, t in ((args.out, text), (vpath, versions))
                 if not p.exists() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if stale else 0
    args.out.write_text(text, encoding="utf-8", newline="\n")
    vpath.write_text(versions, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
