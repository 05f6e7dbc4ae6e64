# Slices whose steps are the extremes of a 64-bit int (a saved model can hold any): Python's
# slice arithmetic gives each a length of 1 here (fuzz seed 20261404 found a trap in kshape).
import keras

x = keras.Input((10, 7))
a = x[:, ::-9223372036854775808]
b = x[:, 2::9223372036854775807]
c = x[:, -3:-9223372036854775807:-4611686018427387904, ::3]
print(a.shape, b.shape, c.shape)
