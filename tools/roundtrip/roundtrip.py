"""Round-trips kshape's exports through real Keras and writes docs/roundtrip-report.md.

For every program (tools/golden/model_programs.py, plus the export snapshot sessions in
Tests/ShapeEngineTests/ExportSnapshots/*.ks), runs the kshape binary on the program followed by
`summary`, `export keras` and `export python`, then in Keras:
  - loads the JSON with keras.models.model_from_json,
  - executes the Python file and takes its `model`,
and compares each model's layers (names, classes), every call's output shapes and the params with
kshape's own summary record, and the two models with each other. For the snapshot sessions it also
checks that the committed .json/.py files are byte-identical to a fresh export, so the snapshots
the Swift tests compare against are the files verified here.

Run from the repository root after `swift build`:
    KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/roundtrip/roundtrip.py
Not needed by CI.
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
KSHAPE = ROOT / ".build" / "debug" / "kshape"
SNAPSHOTS = ROOT / "Tests" / "ShapeEngineTests" / "ExportSnapshots"
REPORT = ROOT / "docs" / "roundtrip-report.md"
sys.path.insert(0, str(ROOT / "tools" / "golden"))
from model_programs import PROGRAMS  # noqa: E402


MODEL_FILES = ROOT / "Tests" / "ShapeEngineTests" / "Golden" / "modelfiles"


def programs():
    """(id, statements, snapshot stem or None) for every program."""
    for p in PROGRAMS:
        yield p["id"], p["statements"], None
    for path in sorted(SNAPSHOTS.glob("*.ks")):
        lines = [s.strip() for s in path.read_text().splitlines()]
        yield "session:" + path.stem, [s for s in lines if s and not s.startswith("#")], path
    # Models read from files Keras wrote (`import`), exported back; one also grows a new head.
    index = json.loads((MODEL_FILES / "INDEX.json").read_text())
    for m in index["models"]:
        yield "import:" + m["name"], [f"import {MODEL_FILES / m['file']}"], None
    yield "import+head:resnet50", [
        f"import {MODEL_FILES / 'resnet50.json'}", "GlobalAveragePooling2D()", "Dense(10)"], None


def run_kshape(statements, folder):
    """kshape's summary record and the two exported files (or the error that stopped it)."""
    js, py = folder / "model.json", folder / "model.py"
    script = folder / "program.ks"
    script.write_text(
        "\n".join(statements + ["summary", f"export keras {js}", f"export python {py}"]) + "\n")
    proc = subprocess.run(
        [str(KSHAPE), "run", str(script), "--json"], capture_output=True, text=True)
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    failed = [r for r in records if not r["ok"]]
    if failed:
        return None, None, None, failed[0]["error"]["message"]
    summary = next(r for r in records if r["kind"] == "summary")
    return summary, js, py, None


def describe(model):
    """name -> (class, [output shapes of every call], total params, trainable params)."""
    out = {}
    # Operations, not only layers: raw ops (keras.src.ops.numpy) are part of an imported model.
    for layer in model.operations:
        shapes = []
        for node in layer._inbound_nodes:
            shapes += [list(t.shape) for t in node.output_tensors]
        if isinstance(layer, keras.layers.Layer):
            trainable = sum(int(w.numpy().size) for w in layer.trainable_weights)
            params = layer.count_params()
        else:
            trainable = params = 0
        out[layer.name] = (type(layer).__name__, shapes, params, trainable)
    return out


def expected(summary):
    return {
        r["name"]: (r["class_name"], r["output_shapes"], r["params"]["total"],
                    r["params"]["trainable"])
        for r in summary["layers"]
    }


def compare(mine, theirs):
    """(layers equal, shapes equal, params equal, notes)."""
    notes = []
    names = set(mine) == set(theirs)
    if not names:
        notes.append(f"missing in Keras: {sorted(set(mine) - set(theirs))}; "
                     f"extra in Keras: {sorted(set(theirs) - set(mine))}")
    common = [n for n in mine if n in theirs]
    classes = [n for n in common if mine[n][0] != theirs[n][0]]
    if classes:
        notes.append("classes differ: " + ", ".join(
            f"{n} {mine[n][0]}/{theirs[n][0]}" for n in classes))
    shapes = [n for n in common if mine[n][1] != theirs[n][1]]
    if shapes:
        notes.append("shapes differ: " + ", ".join(
            f"{n} {mine[n][1]} vs {theirs[n][1]}" for n in shapes))
    params = [n for n in common if mine[n][2:] != theirs[n][2:]]
    if params:
        notes.append("params differ: " + ", ".join(
            f"{n} {mine[n][2:]} vs {theirs[n][2:]}" for n in params))
    return names and not classes, not shapes, not params, notes


def load_json(path):
    with contextlib.redirect_stdout(io.StringIO()):
        return keras.models.model_from_json(path.read_text())


def run_python(path):
    keras.backend.clear_session()  # fresh auto-name counters, as a new Python process has
    namespace = {"__name__": "kshape_export"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(path.read_text(), str(path), "exec"), namespace)
    return namespace["model"]


def check(pid, statements, snapshot):
    row = {"program": pid, "json": "-", "python": "-", "layers": "-", "shapes": "-",
           "params": "-", "configs": "-", "notes": []}
    with tempfile.TemporaryDirectory() as tmp:
        summary, js, py, error = run_kshape(statements, Path(tmp))
        if error:
            row["notes"].append(f"kshape refuses the program at its declared shapes: {error}")
            return row
        mine = expected(summary)
        results, configs = {}, {}
        for kind, path, loader in (("json", js, load_json), ("python", py, run_python)):
            try:
                keras.backend.clear_session()
                model = loader(path)
                results[kind] = describe(model)
                # Through JSON, so that a tuple and the list a loaded config holds compare equal.
                configs[kind] = {
                    layer.name: json.loads(json.dumps(layer.get_config(), default=str))
                    for layer in model.layers
                }
                row[kind] = "yes"
            except Exception as e:  # noqa: BLE001 - the report states what Keras said
                row[kind] = "NO"
                row["notes"].append(f"{kind}: {type(e).__name__}: {str(e).splitlines()[0][:160]}")
        verdicts = []
        for kind, theirs in results.items():
            verdict = compare(mine, theirs)
            verdicts.append(verdict)
            row["notes"] += [f"{kind}: {n}" for n in verdict[3]]
        if verdicts:
            for i, key in enumerate(("layers", "shapes", "params")):
                ok = all(v[i] for v in verdicts) and len(verdicts) == 2
                row[key] = "yes" if ok else "NO"
        if len(results) == 2 and results["json"] != results["python"]:
            row["notes"].append("the JSON and Python models differ")
        if len(configs) == 2:
            differ = [n for n in configs["json"] if configs["json"][n] != configs["python"].get(n)]
            row["configs"] = "NO" if differ else "yes"
            if differ:
                row["notes"].append("layer configs differ between JSON and Python: "
                                    + ", ".join(differ))
        if snapshot is not None:
            for ext, fresh in (("json", js), ("py", py)):
                committed = snapshot.with_suffix("." + ext)
                if not committed.exists() or committed.read_text() != fresh.read_text():
                    row["notes"].append(f"committed {committed.name} differs from a fresh export")
    return row


def main():
    if not KSHAPE.exists():
        sys.exit(f"build kshape first: {KSHAPE} is missing (swift build)")
    rows = [check(*p) for p in programs()]
    columns = ("json", "python", "layers", "shapes", "params", "configs")
    full = [r for r in rows if all(r[k] == "yes" for k in columns)]
    exported = [r for r in rows if r["json"] != "-"]
    lines = [
        "# Export round trip through real Keras",
        "",
        f"Generated by `tools/roundtrip/roundtrip.py` with Keras {keras.__version__} "
        f"({keras.backend.backend()} backend). Each program runs in kshape, which exports it with "
        "`export keras` and `export python`; Keras then loads the JSON with "
        "`keras.models.model_from_json` and executes the Python file, and both models are "
        "compared with kshape's summary: layer names and classes, the output shapes of every "
        "call, total and trainable params; the two models' layer configs (`get_config()`, every "
        "argument with Keras's defaults filled in) are also compared with each other.",
        "",
        f"**{len(full)} of {len(exported)} exported programs round-trip completely** "
        f"({len(rows) - len(exported)} more are refused by kshape at their declared shapes, where "
        "Keras raises the same errors (tools/golden's models.jsonl), so there is no model to "
        "export).",
        "",
        "| program | JSON loads | Python runs | layers equal | shapes equal | params equal "
        "| configs equal | notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        notes = "; ".join(r["notes"]).replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {r['program']} | {r['json']} | {r['python']} | {r['layers']} | "
                     f"{r['shapes']} | {r['params']} | {r['configs']} | {notes} |")
    lines += [
        "",
        "## Not covered by this table",
        "",
        "- A session with a `Lambda` is refused by both exports (kshape only has the function's "
        "name, not its code).",
        "- Layers imported from a model file (the `import:` rows) are written back to JSON as "
        "read, with only their `inbound_nodes` recomputed; in Python, nested models and classes "
        "from outside `keras.layers` (ConvNeXt's `LayerScale`) are rebuilt with "
        "`keras.saving.deserialize_keras_object` from their saved entry. Raw operations "
        "(`keras.src.ops.numpy`, `.nn`, `.core`) are made in Python from their own class and saved "
        "config (`keras.src.ops.numpy.Add(name=\"add\")(x, 3.0)`), so their names and "
        "arguments are the file's; subscript keys come back as tuples of slices.",
        "- A custom class outside Keras (`--assume-identity`) is written back to JSON as read; "
        "Keras can load it only where that class is importable.",
    ]
    REPORT.write_text("\n".join(lines) + "\n")
    print(f"{len(full)}/{len(exported)} round-trip; report: {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
