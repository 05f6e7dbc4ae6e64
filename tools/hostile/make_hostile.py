#!/usr/bin/env python3
"""Writes the hostile and broken model files into Tests/ModelFilesTests/Hostile/.

Plain python3 (no Keras). Deterministic: running it again gives the same bytes.

  files/    file-level problems: ModelFile.read must refuse each with a clear error
  configs/  valid JSON whose Keras config is broken: for the config interpreter
  valid/    files that must read (deflated archive, UTF-8 BOM)

Run from the repository root:  python3 tools/hostile/make_hostile.py
"""
import copy
import io
import json
import os
import random
import struct
import zipfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.normpath(os.path.join(ROOT, "Tests", "ModelFilesTests", "Hostile"))
FIXED_DATE = (2024, 1, 1, 0, 0, 0)

# model.to_json() of keras.Model(Input((8,)) -> Dense(4, name="a") -> Dense(2, name="b")),
# Keras 3.15.1; the base the config-level files are made from.
TINY = json.loads(
    '{"module": "keras.src.models.functional", "class_name": "Functional", "config": {"name": '
    '"tiny", "trainable": true, "layers": [{"module": "keras.layers", "class_name": "InputLayer", '
    '"config": {"batch_shape": [null, 8], "dtype": "float32", "sparse": false, "ragged": false, '
    '"name": "input", "optional": false}, "registered_name": null, "name": "input", '
    '"inbound_nodes": []}, {"module": "keras.layers", "class_name": "Dense", "config": {"name": '
    '"a", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": '
    '{"name": "float32"}, "registered_name": null}, "units": 4, "activation": "linear", '
    '"use_bias": true, "kernel_initializer": {"module": "keras.initializers", "class_name": '
    '"GlorotUniform", "config": {"seed": null, "input_axes": null, "output_axes": null}, '
    '"registered_name": null}, "bias_initializer": {"module": "keras.initializers", "class_name": '
    '"Zeros", "config": {}, "registered_name": null}, "kernel_regularizer": null, '
    '"bias_regularizer": null, "kernel_constraint": null, "bias_constraint": null, '
    '"quantization_config": null}, "registered_name": null, "build_config": {"input_shape": '
    '[null, 8]}, "name": "a", "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", '
    '"config": {"shape": [null, 8], "dtype": "float32", "keras_history": ["input", 0, 0]}}], '
    '"kwargs": {}}]}, {"module": "keras.layers", "class_name": "Dense", "config": {"name": "b", '
    '"trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": '
    '{"name": "float32"}, "registered_name": null}, "units": 2, "activation": "linear", '
    '"use_bias": true, "kernel_initializer": {"module": "keras.initializers", "class_name": '
    '"GlorotUniform", "config": {"seed": null, "input_axes": null, "output_axes": null}, '
    '"registered_name": null}, "bias_initializer": {"module": "keras.initializers", "class_name": '
    '"Zeros", "config": {}, "registered_name": null}, "kernel_regularizer": null, '
    '"bias_regularizer": null, "kernel_constraint": null, "bias_constraint": null, '
    '"quantization_config": null}, "registered_name": null, "build_config": {"input_shape": '
    '[null, 4]}, "name": "b", "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", '
    '"config": {"shape": [null, 4], "dtype": "float32", "keras_history": ["a", 0, 0]}}], '
    '"kwargs": {}}]}], "input_layers": ["input", 0, 0], "output_layers": ["b", 0, 0]}, '
    '"registered_name": "Functional", "build_config": {"input_shape": null}, "compile_config": {}}'
)
TINY_TEXT = json.dumps(TINY).encode()
METADATA = b'{"keras_version": "3.15.1", "date_saved": "2024-01-01@00:00:00"}'


def write(folder, name, data):
    os.makedirs(os.path.join(OUT, folder), exist_ok=True)
    with open(os.path.join(OUT, folder, name), "wb") as f:
        f.write(data)


def zip_bytes(entries, method=zipfile.ZIP_DEFLATED):
    """A zip in memory of (name, bytes) pairs, with fixed dates."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, FIXED_DATE), data, compress_type=method)
    return buf.getvalue()


def patch_entry(data, name, **fields):
    """Rewrites fields of `name`'s local header and central directory record.

    fields: flags, method, crc, csize, usize (offsets as in APPNOTE 4.3.7 / 4.3.12).
    """
    data = bytearray(data)
    local = {"flags": (6, "<H"), "method": (8, "<H"), "crc": (14, "<I"), "csize": (18, "<I"),
             "usize": (22, "<I")}
    central = {"flags": (8, "<H"), "method": (10, "<H"), "crc": (16, "<I"), "csize": (20, "<I"),
               "usize": (24, "<I")}
    encoded = name.encode()
    i = 0
    while True:
        i = data.find(b"PK", i)
        if i < 0:
            break
        sig = bytes(data[i:i + 4])
        if sig == b"PK\x03\x04" and data[i + 30:i + 30 + len(encoded)] == encoded:
            for key, value in fields.items():
                off, fmt = local[key]
                struct.pack_into(fmt, data, i + off, value)
        elif sig == b"PK\x01\x02" and data[i + 46:i + 46 + len(encoded)] == encoded:
            for key, value in fields.items():
                off, fmt = central[key]
                struct.pack_into(fmt, data, i + off, value)
        i += 2
    return bytes(data)


def zip64_data_descriptor(huge=0xFFFF_FFFF_FFFF_FF00):
    """config.json as a ZIP64 entry with the data-descriptor flag (bit 3) and sizes near 2^64.

    ZIPFoundation 0.9.20's Archive iteration computes the descriptor's offset from these sizes
    and traps ("Not enough bits to represent the passed value" / arithmetic overflow).
    """
    name = b"config.json"
    extra = struct.pack("<HHQQ", 1, 16, huge, huge)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 8, 0, 0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF,
                        len(name), len(extra)) + name + extra
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 8, 0, 0, 0, 0, 0xFFFFFFFF,
                          0xFFFFFFFF, len(name), len(extra), 0, 0, 0, 0, 0) + name + extra
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end


def file_level():
    rng = random.Random(4)
    write("files", "not-a-zip.bin", bytes([0x7F]) + b"ELF" + bytes(rng.randrange(256) for _ in range(508)))
    write("files", "not-json.txt", b"This is a plain text file, not a model.\nSecond line.\n")
    write("files", "python-script.py",
          b"import keras\nfrom keras import layers\n\nx = keras.Input((None, None, 3))\n")
    write("files", "empty.json", b"")
    write("files", "whitespace-only.json", b"  \n\t\r\n   \n")
    write("files", "utf16-bom.json", TINY_TEXT.decode().encode("utf-16"))
    write("files", "utf16-no-bom.json", b'{"a": 1}'.decode().encode("utf-16-le"))
    write("files", "legacy-model.h5", b"\x89HDF\r\n\x1a\n" + bytes(120))
    write("files", "no-config.keras",
          zip_bytes([("metadata.json", METADATA), ("model.weights.h5", b"\x89HDF\r\n\x1a\n" + bytes(64))]))
    write("files", "empty-zip.keras", b"PK\x05\x06" + bytes(18))
    whole = zip_bytes([("metadata.json", METADATA), ("config.json", TINY_TEXT),
                       ("model.weights.h5", bytes(rng.randrange(256) for _ in range(4000)))],
                      method=zipfile.ZIP_STORED)
    write("files", "truncated.keras", whole[: len(whole) // 2])
    good = zip_bytes([("metadata.json", METADATA), ("config.json", TINY_TEXT)])
    crc = zlib.crc32(TINY_TEXT)
    write("files", "bad-crc.keras", patch_entry(good, "config.json", crc=crc ^ 0xFFFF))
    write("files", "encrypted.keras", patch_entry(good, "config.json", flags=1))
    write("files", "unsupported-method.keras", patch_entry(good, "config.json", method=12))
    write("files", "duplicate-config.keras",
          zip_bytes([("config.json", TINY_TEXT), ("config.json", b'{"other": 1}')]))
    # Zip bombs: 70 MiB of zeros deflates to about 70 KB.
    bomb = bytes(70 << 20)
    write("files", "zip-bomb.keras", zip_bytes([("config.json", bomb)]))
    lying = zip_bytes([("config.json", bomb)])
    write("files", "zip-bomb-lying-sizes.keras", patch_entry(lying, "config.json", usize=1 << 20))
    # A deflate stream whose stored block claims 65535 bytes: it runs into the end of the file.
    # (ZIPFoundation's own extract loops forever on Linux on such an entry.)
    runaway = zip_bytes([("config.json", TINY_TEXT)], method=zipfile.ZIP_STORED)
    start = runaway.find(b"PK\x03\x04") + 30 + len("config.json")
    runaway = bytearray(runaway)
    runaway[start:start + 5] = b"\x00\xff\xff\x00\x00"
    write("files", "deflate-past-end.keras",
          patch_entry(bytes(runaway), "config.json", method=8, csize=5, usize=100_000))
    write("files", "zip64-data-descriptor.keras", zip64_data_descriptor())
    # 1.5 million zeros: 3 MB of config.json deflated to a few KB, ~70 MB as parsed values.
    write("files", "value-bomb.keras",
          zip_bytes([("config.json", b'{"a": [' + b"0," * 1_500_000 + b"0]}")]))
    write("files", "malformed-config.keras",
          zip_bytes([("config.json", TINY_TEXT[: len(TINY_TEXT) // 2]), ("metadata.json", METADATA)]))
    write("files", "deep-nesting.json", b"[" * 100_000)
    write("files", "huge-number.json", b'{"units": 1' + b"0" * 100_000 + b"}")
    write("files", "number-out-of-range.json", b'{"rate": 1e400}')
    write("files", "invalid-utf8.json", b'{"name": "dense\xff\xfe"}')
    write("files", "lone-surrogate.json", b'{"name": "\\ud800"}')
    write("files", "bare-list.json", b"[1, 2, 3]\n")
    write("files", "bare-number.json", b"42\n")
    write("files", "unterminated-string.json", b'{"class_name": "Dense", "name": "dense_1}\n')
    write("files", "trailing-garbage.json", TINY_TEXT + b"\n}")
    write("files", "missing-comma.json", b'{\n  "a": 1,\n  "b": 2\n  "c": 3\n}\n')
    # 150 KB on one line, broken at the very end.
    write("files", "long-line.json", b'{"values": [' + b"0, " * 50_000 + b"0}")


def config_level():
    def layers(cfg):
        return cfg["config"]["layers"]

    def out(name, cfg):
        write("configs", name, json.dumps(cfg).encode())

    cfg = copy.deepcopy(TINY)
    del cfg["config"]
    out("missing-config.json", cfg)

    cfg = copy.deepcopy(TINY)
    del layers(cfg)[1]["class_name"]
    out("layer-missing-class-name.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[2]["inbound_nodes"][0]["args"][0]["config"]["keras_history"] = ["nonexistent", 0, 0]
    out("unknown-history-layer.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[2]["inbound_nodes"][0]["args"][0]["config"]["keras_history"] = ["a", 7, 0]
    out("history-node-out-of-range.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[1]["inbound_nodes"][0]["args"][0]["config"]["keras_history"] = ["b", 0, 0]
    out("cycle.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[0]["config"]["batch_shape"] = [None, 10**15, 3]
    out("batch-shape-huge.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[0]["config"]["batch_shape"] = [None, -5, 3]
    out("batch-shape-negative.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[1]["config"] = [4, "linear"]
    out("layer-config-is-list.json", cfg)

    cfg = copy.deepcopy(TINY)
    layers(cfg)[1].update({"module": "my_project.layers", "class_name": "FooLayer",
                           "registered_name": "MyProject>FooLayer"})
    out("unknown-custom-class.json", cfg)

    cfg = copy.deepcopy(TINY)
    cfg["config"]["output_layers"] = ["missing", 0, 0]
    out("output-layer-missing.json", cfg)


def valid():
    write("valid", "tiny-functional.json", TINY_TEXT)
    write("valid", "utf8-bom.json", b"\xef\xbb\xbf" + TINY_TEXT)
    write("valid", "deflated.keras",
          zip_bytes([("metadata.json", METADATA), ("config.json", TINY_TEXT)]))
    write("valid", "python-json-specials.json",
          b'{"a": NaN, "b": Infinity, "c": -Infinity, "d": "\\u00e9\\ud83d\\ude00"}')


if __name__ == "__main__":
    file_level()
    config_level()
    valid()
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"wrote {OUT} ({total} bytes)")
