"""Writes Tests/ModelFilesTests/Fixtures/tiny-dense.keras with real Keras (a 2-layer Dense model).

Run: KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/hostile/make_fixture.py
"""
import os

import keras

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests",
                   "ModelFilesTests", "Fixtures", "tiny-dense.keras")
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="relu", name="hidden"),
                          keras.layers.Dense(2, name="out")], name="tiny")
model.save(os.path.normpath(OUT))
