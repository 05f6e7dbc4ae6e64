import numpy as np

x = np.zeros((600, 28, 28), dtype="float32")
y = x + np.zeros((27,), dtype="float32")
