#### math functions
import math
print(math.ceil(2.1), math.floor(-2.1), math.trunc(-2.7), math.sqrt(16), math.isqrt(17), math.prod([2, 3, 4]), math.prod([]), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.exp(0), math.pow(2, 10), math.fabs(-3), math.gcd(12, 18), math.lcm(4, 6))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(float("inf")), math.isnan(float("nan")), math.pi, math.e, math.inf, math.tau, math.hypot(3, 4), math.radians(180), math.degrees(math.pi), math.sin(0), math.cos(0), math.ceil(5), math.prod((1.5, 2)))
#### math in shape arithmetic
import math
h, w = 225, 225
for stride in (2, 4, 8):
    print(math.ceil(h / stride), math.floor(w / stride), math.isqrt(h * w))
#### math domain error
import math
math.sqrt(-1)
#### math ceil of infinity
from math import ceil
ceil(float("inf"))
#### math wrong type
import math
math.floor("3")
#### os environ
import os
os.environ["KERAS_BACKEND"] = "jax"
print(os.environ.get("KERAS_BACKEND"), os.path.join("models", "cnn.keras"))
#### unknown module
import torch
