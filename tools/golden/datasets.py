"""The shapes and dtypes of the arrays `keras.datasets.X.load_data()` returns, as Keras's own
source states them: each loader's docstring asserts the shapes (`assert x_train.shape == ...`)
and names the dtype (`**`x_train`**: `uint8` NumPy array`). The data itself is downloaded by
Keras at run time, which kshape never does; this reads the installed Keras's text, so the table
kshape carries comes from Keras, not from a hand. Only the loaders whose shapes are fixed are
listed (imdb and reuters give lists of varying length; the housing sets' sizes follow
`test_split`).

    /work/kenv-tf/bin/python tools/golden/datasets.py          # writes the golden file
    /work/kenv-tf/bin/python tools/golden/datasets.py --check  # exit 1 when it is stale
"""

import json
import pathlib
import re
import sys

import keras.src.datasets as datasets

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/ShapeEngineTests/Golden/datasets.json"
LOADERS = ["mnist", "fashion_mnist", "cifar10", "cifar100"]
NAMES = ["x_train", "y_train", "x_test", "y_test"]


def loader(name):
    text = (pathlib.Path(datasets.__file__).parent / f"{name}.py").read_text()
    arrays = {}
    for array in NAMES:
        shape = re.search(rf"assert {array}\.shape == \(([0-9, ]*)\)", text)
        dtype = re.search(rf"\*\*`{array}`\*\*: `(\w+)` NumPy array", text)
        if not shape or not dtype:
            sys.exit(f"{name}.py: no shape or dtype stated for {array}")
        dims = [int(d) for d in shape.group(1).replace(" ", "").split(",") if d]
        arrays[array] = {"dtype": dtype.group(1), "shape": dims}
    return arrays


def main():
    table = {
        "keras_version": keras_version(),
        "loaders": {name: loader(name) for name in LOADERS},
    }
    text = json.dumps(table, indent=1, sort_keys=True) + "\n"
    if "--check" in sys.argv:
        sys.exit(0 if OUT.exists() and OUT.read_text() == text else 1)
    OUT.write_text(text)
    print(f"wrote {OUT}")


def keras_version():
    import keras

    return keras.__version__


if __name__ == "__main__":
    main()
