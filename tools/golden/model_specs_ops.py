"""Hand models written with raw `keras.ops` calls (saved as `keras.src.ops.*` entries): shape
ops, reductions, slicing (GetItem), joins, matmul/einsum, elementwise ops and their dtypes.
Some sizes make Keras raise (a reshape that does not divide, an out-of-bounds index)."""

from keras_runtime import keras

L = keras.layers
ops = keras.ops


def ops_shapes():
    i = keras.Input((None, None, 6), name="grid")
    x = L.Dense(6)(i)
    r = ops.reshape(x, (-1, 4, 12))  # H*W*6 must divide by 48
    t = ops.transpose(r, (0, 2, 1))
    e = ops.expand_dims(t, (1, -1))
    s = ops.squeeze(e, axis=1)
    s = ops.squeeze(s, axis=-1)
    w = ops.swapaxes(s, 1, 2)
    m = ops.moveaxis(w, 1, -1)
    f = ops.reshape(m, (-1, 48))
    tl = ops.tile(f, (1, 2))
    rp = ops.repeat(tl, 3, axis=1)
    rv = ops.ravel(i)
    out = L.Dense(2)(rp)
    return keras.Model(i, [out, rv, ops.transpose(i)], name="ops_shapes")


def ops_reduce():
    i = keras.Input((None, 8), name="seq")
    x = L.Dense(8)(i)
    a = ops.mean(x, axis=1)
    b = ops.sum(x, axis=(1, 2), keepdims=True)
    c = ops.max(x, axis=-1, keepdims=True)
    d = ops.min(x, axis=1)
    e = ops.argmax(x, axis=-1)
    f = ops.argmin(x, axis=1, keepdims=True)
    g = ops.any(x > 0, axis=1)
    h = ops.std(x, axis=1)
    k = ops.var(ops.cast(x, "int32"), axis=-1)
    m = ops.mean(ops.cast(x, "int32"))
    n = ops.sum(ops.cast(x, "int8"), axis=1)
    p = ops.prod(x, axis=1)
    q = ops.cumsum(x, axis=1)
    r = ops.cumsum(ops.cast(x, "bool"))
    s = ops.softmax(x, axis=-1)
    t = ops.log_softmax(x, axis=1)
    u = ops.cast(ops.argmax(x, axis=1), "float16")
    out = L.Dense(3)(a)
    return keras.Model(i, [out, b, c, d, e, f, g, h, k, m, n, p, q, r, s, t, u], name="ops_reduce")


def ops_slicing():
    i = keras.Input((None, None, 4), name="image")
    a = i[:, 0]
    b = i[..., :3]
    c = i[:, None, 1:3, ::2]
    d = i[:, -1, ..., 2]
    e = i[:, ::-1, 1:, -3:-1]
    f = i[:, 2:5, :, None]
    g = i[:, :, 3]  # out of bounds when W <= 3
    out = L.Conv2D(2, 1)(b)
    return keras.Model(i, [out, a, c, d, e, f, g], name="ops_slicing")


def ops_join():
    i = keras.Input((None, 8), name="tokens")
    x = L.Dense(8)(i)
    y = L.Dense(4)(i)
    c = ops.concatenate([x, y, x], axis=-1)
    s = ops.stack([x, x], axis=1)
    p1, p2, p3, _ = ops.split(c, 4, axis=-1)
    q1, q2 = ops.split(x, [3], axis=-1)
    w = ops.where(x > 0, x, 0.0)
    cl = ops.clip(x, -1.0, 1.0)
    mm = ops.matmul(x, ops.transpose(x, (0, 2, 1)))
    mv = ops.matmul(x, ops.ones((8,)))
    es = ops.einsum("bik,bjk->bij", x, x)
    ev = ops.einsum("bij,jk", x, ops.ones((8, 5)))
    bad = ops.concatenate([x, ops.transpose(x, (0, 2, 1))], axis=1)  # needs T == 8
    out = L.Dense(2)(p1)
    return keras.Model(i, [out, s, p2, p3, q1, q2, w, cl, mm, mv, es, ev, bad], name="ops_join")


def ops_elementwise():
    i = keras.Input((None, 4), name="values")
    x = L.Dense(4)(i)
    n = ops.cast(x, "int32")
    outs = [
        ops.sqrt(ops.abs(x)),
        ops.exp(n),
        ops.floor(n),
        ops.square(ops.cast(x, "bool")),
        ops.reciprocal(ops.cast(x, "float16")),
        ops.relu(n),
        ops.sigmoid(x),
        ops.gelu(x),
        ops.tanh(n),
        ops.negative(n),
        ops.logical_not(x > 0),
        ops.isnan(x),
        ops.logical_and(x > 0, x < 1),
        x / 2,
        n / 2,
        n // 2,
        n * 2.5,
        2 ** n,
        ops.maximum(n, x),
        ops.minimum(x, ops.cast(x, "float16")),
        ops.equal(n, 1),
        ops.arctan2(n, n),
        ops.mod(n, 3),
        x + ops.ones((1, 4)),
        ops.round(x),
        ops.sign(n),
    ]
    return keras.Model(i, outs, name="ops_elementwise")


def ops_attention():
    """Multi-head self-attention written with raw ops, as model code writes it."""
    heads, dim = 2, 4
    i = keras.Input((None, 8), name="sequence")
    q = L.Dense(heads * dim)(i)
    k = L.Dense(heads * dim)(i)
    v = L.Dense(heads * dim)(i)

    def split_heads(t):
        t = ops.reshape(t, (-1, ops.shape(t)[1], heads, dim))
        return ops.transpose(t, (0, 2, 1, 3))

    q, k, v = split_heads(q), split_heads(k), split_heads(v)
    scores = ops.matmul(q, ops.swapaxes(k, -1, -2)) / (dim**0.5)
    weights = ops.softmax(scores, axis=-1)
    ctx = ops.matmul(weights, v)
    ctx = ops.transpose(ctx, (0, 2, 1, 3))
    ctx = ops.reshape(ctx, (-1, ops.shape(ctx)[1], heads * dim))
    x = L.Dense(8)(ctx) + i
    cls = x[:, 0, :]
    out = L.Dense(3, activation="softmax")(cls)
    return keras.Model(i, out, name="ops_attention")
