#!/usr/bin/env python3
"""Writes the model-file golden data: Keras configs (and a few .keras archives) of the models in
model_specs.py, and what Keras gives when each config is applied at several sizes.

  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/model_files.py            # all
  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/model_files.py --only unet
  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/model_files.py --check

Output in Tests/ShapeEngineTests/Golden/modelfiles/: NAME.json, NAME.expected.json,
NAME.keras (some hand models) and INDEX.json.
"""

import argparse
import json
import os
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

if os.environ.get("PYTHONHASHSEED") != "0":  # Keras messages may print sets
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])
sys.path.insert(0, str(HERE))

import keras_runtime as kr  # noqa: E402
from keras_runtime import keras  # noqa: E402
from model_replay import evaluate  # noqa: E402
from model_specs import SPECS  # noqa: E402

DEFAULT_OUT = HERE.parent.parent / "Tests" / "ShapeEngineTests" / "Golden" / "modelfiles"


def config_text(model, form):
    """The file text exactly as Keras writes it: `model.to_json()`, or the bare config dict
    serialized the same way (json.dumps with Keras's own fallback for non-JSON values)."""
    if form == "json":
        return model.to_json()
    from keras.src.legacy.saving import json_utils

    return json.dumps(model.get_config(), default=json_utils.get_json_type)


def build(spec, with_weights):
    """The model, built in a fresh session. Without `with_weights`, variables are not
    initialized (much faster; the config is the same)."""
    kr.fresh_session()
    if with_weights:
        return spec.build()
    with kr.deferred_weights():
        return spec.build()


def expected_text(model_name, results):
    """{"model", "results"} with sorted keys, one result per line (valid JSON, readable diffs)."""
    lines = ",\n".join("  " + kr_dumps(r) for r in results)
    return '{"model": ' + json.dumps(model_name) + ', "results": [\n' + lines + "\n]}\n"


def kr_dumps(obj):
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def archive_config(path):
    """The archive's config.json with its `shared_object_id` values (Python id()s of objects
    shared between layers, different on every run) renumbered in order of appearance."""
    with zipfile.ZipFile(path) as z:
        config = json.loads(z.read("config.json"))
    ids = {}

    def renumber(value):
        if isinstance(value, dict):
            return {
                k: ids.setdefault(v, len(ids)) if k == "shared_object_id" else renumber(v) for k, v in value.items()
            }
        if isinstance(value, list):
            return [renumber(v) for v in value]
        return value

    return json.dumps(renumber(config), sort_keys=True)


def write_model(spec, out):
    """Build, write NAME.json (+ NAME.keras), evaluate every size, write NAME.expected.json."""
    start = time.time()
    model = build(spec, with_weights=spec.archive)
    text = config_text(model, spec.form)
    (out / f"{spec.name}.json").write_text(text, encoding="utf-8", newline="\n")
    if spec.archive:
        target = out / f"{spec.name}.keras"
        tmp = out / f".{spec.name}.tmp.keras"
        model.save(tmp)
        # metadata.json holds the save date, the weights file its time and config.json object
        # ids: keep the committed archive when its config is otherwise unchanged, so re-running
        # leaves the folder byte-identical.
        if target.exists() and archive_config(target) == archive_config(tmp):
            tmp.unlink()
        else:
            tmp.replace(target)
    built_s = time.time() - start
    results = [evaluate(text, spec.form, size) for size in spec.sizes]
    (out / f"{spec.name}.expected.json").write_text(expected_text(model.name, results), encoding="utf-8")
    failures = [f"{r['size']}: {r['error']['layer']}" for r in results if not r["ok"]]
    print(
        f"{spec.name:<18} {len(json.loads(text).get('config', json.loads(text)).get('layers', [])):>4} layers"
        f"  {len(text) / 1024:8.1f} KB  build {built_s:5.1f}s  eval {time.time() - start - built_s:5.1f}s"
        f"  raises at: {', '.join(failures) or '-'}"
    )


def index(specs):
    import jax

    models = [
        {
            "name": s.name,
            "file": f"{s.name}.json",
            "archive": f"{s.name}.keras" if s.archive else None,
            "sizes": list(s.sizes),
            "source": s.source,
            "form": s.form,
            "note": s.note,
        }
        for s in sorted(specs, key=lambda s: s.name)
    ]
    return {"keras": keras.__version__, "jax": jax.__version__, "backend": keras.backend.backend(), "models": models}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="regenerate only these models' files")
    parser.add_argument("--check", action="store_true", help="fail when regenerating changes --out")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.out)
    specs = SPECS
    if args.only:
        unknown = set(args.only) - {s.name for s in SPECS}
        if unknown:
            parser.error(f"no model named {sorted(unknown)}")
        specs = [s for s in SPECS if s.name in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        write_model(spec, args.out)
    (args.out / "INDEX.json").write_text(json.dumps(index(SPECS), sort_keys=True, indent=1) + "\n", encoding="utf-8")
    total = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    configs = sum((args.out / f"{s.name}.json").stat().st_size for s in SPECS if (args.out / f"{s.name}.json").exists())
    print(f"wrote {args.out}: {total / 1e6:.2f} MB in all, configs {configs / 1e6:.2f} MB")
    return 0


def check(committed):
    """Exit status 1 when regenerating does not reproduce `committed` (archives: their config.json)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, __file__, "--out", tmp], check=True)
        names = sorted({p.name for p in Path(tmp).iterdir()} | {p.name for p in committed.iterdir()})
        stale = []
        for name in names:
            a, b = Path(tmp) / name, committed / name
            if not (a.exists() and b.exists()):
                stale.append(name)
            elif name.endswith(".keras"):
                if archive_config(a) != archive_config(b):
                    stale.append(name)
            elif a.read_bytes() != b.read_bytes():
                stale.append(name)
    print("model files are up to date" if not stale else f"stale model files: {stale}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
