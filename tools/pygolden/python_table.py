"""Hand-written Python programs, one per semantic point of the subset (issue 8), grouped by
topic. Each entry is (id, source); the id is `topic/what` and never changes once committed."""

from textwrap import dedent

CASES = []


def case(cid, source):
    CASES.append((cid, dedent(source).lstrip("\n")))


# --- values and printing ----------------------------------------------------------------------
case("values/literals", """
    print(1, -2, 3.5, 'a', "b", None, True, False)
    print((1,), (1, 2), [], [1, 'x'], {}, {'a': 1, 2: 'b'})
    print(())
""")
case("values/int_literals", """
    print(0x1F, 0o17, 0b101, 1_000_000, 10**20)
""")
case("values/string_escapes", """
    print('it\\'s', "say \\"hi\\"", 'tab\\tend', 'a\\nb')
    print(repr('it\\'s'), repr("a\\"b"), repr('a\\nb'), repr('\\\\'))
""")
case("values/string_concat_adjacent", """
    s = ("block"
         "_conv")
    print(s)
""")
case("values/triple_quoted", '''
    s = """two
    lines"""
    print(s)
    print(len(s))
''')
case("values/repr_containers", """
    print(repr([1, 'a', (2,), None, 1.5]))
    print(repr({'k': [1, 2], 'z': (None,)}))
    print(str((1, 'a')))
    print([[], [[]], ()])
""")
case("values/bool_arith", """
    print(True + True, True * 3, False - 1, 1 == 1.0, True == 1)
""")
case("values/none_compare", """
    x = None
    print(x is None, x is not None, x == None)
""")

# --- floats -----------------------------------------------------------------------------------
case("floats/repr_common", """
    print(0.1, 1e-05, 1.0, 1e-4, 0.0001, 1e16, 1e15, 123456789.0, 1.5e300)
    print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 2, -0.0, 2.0 ** 0.5)
""")
case("floats/repr_limits", """
    print(float('inf'), -float('inf'), float('nan'), 1e308 * 10, 5e-324, 1.7976931348623157e308)
    print(repr(1e22), repr(1e21), repr(12345678901234567890.0), repr(0.000001), repr(1e-7))
""")
case("floats/str_and_repr_in_containers", """
    print([0.1, 1e-05, 1.0], (2.5,), {'lr': 0.001})
    print(str(1e-05), repr(3.0), str(100.0))
""")
case("floats/int_conversion", """
    print(int(3.9), int(-3.9), int('42'), int(' 7 '), float('1.5'), float(3), int(True))
    print(float('1e-4'), float('-inf'), int(1e10))
""")
case("floats/round", """
    print(round(2.5), round(0.5), round(1.5), round(-0.5), round(3.7), round(2.675, 2))
    print(round(1234.5678, -2), round(7, 1), round(0.125, 2), round(1.0))
""")
case("floats/division_results", """
    print(7 / 2, 6 / 3, -7 / 2, 7 // 2, -7 // 2, 7.0 // 2, -7.5 // 2, 7 % 3, -7 % 3, 7 % -3)
    print(7.5 % 2, -7.5 % 2, 2 ** 10, 2 ** -1, 2.0 ** 3, (-2) ** 3, -2 ** 2, 10 ** 0)
""")
case("floats/divmod_zero_float", """
    print(1 / 0.0)
""")
case("floats/int_of_float_str_error", """
    print(int('3.5'))
""")
case("floats/nan_compare", """
    n = float('nan')
    print(n == n, n != n, n < 1, max(1.0, 2))
""")
case("floats/big_int", """
    print(2 ** 64, 7 * 7 * 128, 3 ** 40, -(2 ** 70) // 3)
""")

# --- f-strings and format ---------------------------------------------------------------------
case("fstrings/basic", """
    i = 3
    name = 'conv'
    print(f"block{i}_{name}", f'{i + 1}', f"{name!r}", f"{{literal}}")
""")
case("fstrings/format_specs", """
    x = 0.123456
    n = 7
    print(f"{x:.2f}|{x:.3e}|{n:03d}|{n:>4}|{n:<4}|{'ab':^6}|{x:.1%}|{1234567:,}")
    print(f"{n=}", f"{x!s}", f"{3.0}", f"{1e-05}", f"{None}", f"{(1, 2)}")
""")
case("fstrings/nested_quotes", """
    d = {'k': 5}
    print(f"value={d['k']}", f'{"x" * 3}')
""")
case("fstrings/expressions", """
    shape = (None, 28, 28, 1)
    print(f"shape: {shape}", f"last: {shape[-1]}", f"{len(shape)} dims")
""")
case("format/method", """
    print("{} and {}".format(1, 'a'), "{0}{1}{0}".format('x', 'y'), "{name}-{n}".format(name='d', n=2))
    print("{:.3f}".format(2 / 3), "{:5d}|".format(42), "{!r}".format('q'))
""")
case("format/percent", """
    print("%d items, %.2f loss, %s" % (3, 0.12345, 'ok'), "%5s|" % 'ab', "%r" % 'q')
""")

# --- strings ----------------------------------------------------------------------------------
case("strings/methods", """
    s = "Conv2D_Block"
    print(s.upper(), s.lower(), s.startswith('Conv'), s.endswith('Block'), s.replace('_', '-'))
    print("a,b,,c".split(','), "  a b  c ".split(), "a-b-c".split('-', 1), '_'.join(['x', 'y', 'z']))
    print(" pad ".strip(), "xxhixx".strip('x'), "hi".title(), "Hi".capitalize(), s.find('2D'), s.count('o'))
    print("abc".zfill(5), "ab".ljust(4) + "|", "ab".rjust(4), 'Relu'.isupper(), '12'.isdigit())
""")
case("strings/index_slice", """
    s = "keras"
    print(s[0], s[-1], s[1:3], s[::-1], s[::2], len(s), 'r' in s, 'x' not in s)
""")
case("strings/ops", """
    print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'a' < 'b', 'abc' < 'abd', 'B' < 'a', '' or 'default')
""")
case("strings/join_non_str_error", """
    print(', '.join([1, 2]))
""")
case("strings/immutable_error", """
    s = 'abc'
    s[0] = 'x'
""")
case("strings/attribute_error", """
    s = 'abc'
    s.append('d')
""")
case("strings/str_of_values", """
    print(str(1) + str(2.5) + str(None) + str(True) + str([1]) + str((2,)))
""")

case("strings/augmented_add_builds_and_aliases", """
    t = "a"
    u = t
    t += "b"
    names = {"k": "x"}
    names["k"] += "y"
    def build(n):
        s = ""
        for i in range(n):
            s += str(i % 10)
        return s
    long = build(3000)
    print(t, u, names, len(long), long[:12], long[-3:])
    parts = ["p"]
    parts[0] += "q"
    w = "é"
    w += "ü" * 2
    print(parts, w, len(w))
""")
case("strings/augmented_add_type_error", """
    s = "a"
    s += 1
""")

# --- tuples and lists -------------------------------------------------------------------------
case("tuples/concat_repeat", """
    img_size = (160, 160)
    print(img_size + (3,), (1, 2) * 2, 2 * (0,), (None,) + img_size, () + ())
""")
case("tuples/single_and_paren", """
    a = (5)
    b = (5,)
    c = 5,
    print(a, b, c, type(a).__name__, type(b).__name__)
""")
case("tuples/immutable_error", """
    t = (1, 2)
    t[0] = 5
""")
case("tuples/concat_list_error", """
    print((1, 2) + [3])
""")
case("tuples/compare", """
    print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 5), (1, 2) == [1, 2], () < (0,))
""")
case("lists/methods", """
    xs = [3, 1, 2]
    xs.append(4)
    xs.extend([5, 6])
    xs.insert(0, 9)
    print(xs, xs.pop(), xs.pop(0), xs, xs.index(2), xs.count(1))
    xs.remove(1)
    xs.sort()
    print(xs)
    xs.reverse()
    print(xs, len(xs))
""")
case("lists/aliasing", """
    a = [1, 2]
    b = a
    b.append(3)
    c = list(a)
    c.append(4)
    print(a, b, c, a is b, a == c[:3])
""")
case("lists/assign_index_slice", """
    xs = [0, 1, 2, 3, 4]
    xs[1] = 'one'
    xs[-1] = 'last'
    print(xs)
    del xs[0]
    print(xs)
""")
case("lists/concat_repeat", """
    print([1] + [2, 3], [0] * 3, [[0]] * 2, [] * 5)
""")
case("lists/pop_empty_error", """
    xs = []
    xs.pop()
""")
case("lists/remove_missing_error", """
    xs = [1, 2]
    xs.remove(3)
""")
case("lists/index_assign_out_of_range", """
    xs = [1, 2]
    xs[2] = 0
""")
case("lists/in_and_equality", """
    print(2 in [1, 2], [1, [2]] == [1, [2]], [1, 2] != [2, 1], 'a' in ['ab'])
""")
case("lists/sort_key_reverse", """
    xs = ['ccc', 'a', 'bb']
    print(sorted(xs), sorted(xs, key=len), sorted(xs, reverse=True), sorted([3, 1.5, 2]))
""")

# --- dicts ------------------------------------------------------------------------------------
case("dicts/basic", """
    d = {'a': 1}
    d['b'] = 2
    d['a'] += 10
    print(d, len(d), 'a' in d, d.get('z'), d.get('z', 0), list(d.keys()), list(d.values()))
    for k, v in d.items():
        print(k, v)
""")
case("dicts/missing_key", """
    d = {'a': 1}
    print(d['b'])
""")
case("dicts/missing_int_key", """
    d = {1: 'x'}
    print(d[2])
""")
case("dicts/update_pop_order", """
    d = dict(b=1, a=2)
    d.update({'c': 3})
    d['b'] = 9
    print(d, d.pop('a'), d, dict([('x', 1), ('y', 2)]))
""")
case("dicts/comprehension_like_loop", """
    shapes = {}
    for name, n in zip(['a', 'b'], [1, 2]):
        shapes[name] = (None, n)
    print(shapes)
""")
case("dicts/unhashable_key", """
    d = {[1]: 2}
""")
case("dicts/dict_comprehension", """
    print({k: k * 2 for k in range(3)})
""")

# --- sets (printed sorted: CPython's own order is its hash order) ------------------------------
case("sets/build_and_membership", """
    names = [f"dense_{i % 700}" for i in range(2000)]
    seen = set(names)
    print(len(seen), "dense_3" in seen, "dense_700" in seen, 5 in {5.0, 2}, True in {1})
    print(sorted({3, 1, 2, 3, 1.0}), sorted(set("abca")), len({(1, 2), (1, 2), (2, 1)}))
""")
case("sets/add_and_update_loop", """
    s = set()
    for i in range(1500):
        s.add(i % 400)
        s.update([i % 7, -1])
    print(len(s), min(s), max(s), 399 in s, 400 in s)
    t = {1, 2, 3}
    print(sorted(t | {4}), sorted(t & {2, 9}), sorted(t - {1}), sorted(t ^ {3, 5}), t == {3, 2, 1})
""")
case("sets/unhashable_member_test", """
    print([1] in {1, 2})
""")
case("sets/update_stops_at_unhashable", """
    s = {1}
    try_items = [2, [3], 4]
    s.update(try_items)
""")

# --- assignment -------------------------------------------------------------------------------
case("assign/unpacking", """
    a, b = 1, 2
    a, b = b, a
    (c, d), e = (3, 4), 5
    f, *g = [1, 2, 3]
    h = i = 7
    print(a, b, c, d, e, f, g, h, i)
""")
case("assign/unpack_too_many", """
    a, b = (1, 2, 3)
""")
case("assign/unpack_too_few", """
    a, b, c = [1, 2]
""")
case("assign/unpack_non_iterable", """
    a, b = 5
""")
case("assign/augmented", """
    x = 5
    x += 2
    x -= 1
    x *= 3
    x /= 4
    print(x)
    y = 17
    y //= 5
    y **= 2
    y %= 7
    print(y)
    s = 'a'
    s += 'b'
    t = (1,)
    t += (2,)
    xs = [1]
    ys = xs
    xs += [2]
    print(s, t, xs, ys)
""")
case("assign/augmented_undefined", """
    total += 1
""")
case("assign/chained_list_alias", """
    a = b = []
    a.append(1)
    print(b)
""")

# --- operators --------------------------------------------------------------------------------
case("ops/precedence", """
    print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -3 ** 2, (-3) ** 2, 10 - 2 - 3, 100 / 10 / 5, 7 // 2 * 2)
    print(1 + 2 == 3, not 1 == 2, 2 * 3 % 4, -7 // 2 ** 1, 1 < 2 == 2)
""")
case("ops/and_or_operands", """
    print(0 or 5, 3 or 5, 0 and 5, 3 and 5, '' or None, [] or [1], None and 1, 1 and 2 and 3, 0 or '' or 'x')
    print(not 0, not [], not [0], not '', not 'a', not None)
""")
case("ops/short_circuit", """
    def loud(v):
        print('eval', v)
        return v
    r = loud(0) and loud(1)
    r2 = loud(2) or loud(3)
    print(r, r2)
""")
case("ops/comparison_chain", """
    x = 5
    print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 3 < x != 5)
""")
case("ops/identity_membership", """
    a = [1]
    print(a is a, [1] is not a, 1 in (1, 2), 3 not in range(3), 'k' in {'k': 1})
""")
case("ops/conditional_expression", """
    x = 3
    print('odd' if x % 2 else 'even', 1 if x > 5 else 2 if x > 2 else 3, (x if x else None))
""")
case("ops/unary", """
    x = 4
    print(-x, +x, -(-x), - -x, not x, ~x, abs(-x), abs(-2.5))
""")
case("ops/int_str_add_error", """
    n = 3
    print('layer' + n)
""")
case("ops/str_int_mul_float_error", """
    print('ab' * 1.5)
""")
case("ops/compare_error", """
    print(3 < 'a')
""")
case("ops/none_arith_error", """
    x = None
    print(x + 1)
""")
case("ops/zero_division_int", """
    print(1 // 0)
""")
case("ops/zero_division_true", """
    a = 10
    b = 0
    print(a / b)
""")
case("ops/modulo_zero", """
    print(5 % 0)
""")
case("ops/bitwise", """
    print(6 & 3, 6 | 3, 6 ^ 3, 1 << 4, 256 >> 2)
""")

# --- indexing ---------------------------------------------------------------------------------
case("index/negative", """
    shape = (None, 28, 28, 1)
    print(shape[-1], shape[0], shape[1:3], shape[1:], shape[:-1], shape[-3:-1], shape[::-1])
""")
case("index/out_of_range_list", """
    xs = [1, 2, 3]
    print(xs[3])
""")
case("index/out_of_range_tuple", """
    t = (1, 2)
    print(t[-3])
""")
case("index/out_of_range_str", """
    print('ab'[5])
""")
case("index/non_int_index", """
    xs = [1, 2]
    print(xs[1.0])
""")
case("index/str_index_list", """
    xs = [1, 2]
    print(xs['a'])
""")
case("index/int_not_subscriptable", """
    n = 5
    print(n[0])
""")
case("index/none_not_subscriptable", """
    x = None
    print(x[0])
""")
case("index/nested", """
    grid = [[1, 2], [3, 4]]
    print(grid[1][0], grid[-1][-1], grid[0][:1])
""")
case("index/slice_assign_step", """
    xs = list(range(6))
    xs[::2] = ['a', 'b', 'c']
    print(xs)
    xs[1:3] = []
    print(xs)
""")

# --- functions --------------------------------------------------------------------------------
case("def/positional_default_keyword", """
    def conv_block(x, filters, kernel_size=3, strides=1, name=None):
        return (x, filters, kernel_size, strides, name)
    print(conv_block(1, 32))
    print(conv_block(1, 32, 5))
    print(conv_block(1, filters=64, name='b1'))
    print(conv_block(x=0, filters=8, strides=2))
""")
case("def/no_return_is_none", """
    def f():
        pass
    print(f())
    def g(x):
        if x:
            return
        return 1
    print(g(True), g(False))
""")
case("def/varargs_kwargs", """
    def f(a, *args, b=2, **kwargs):
        print(a, args, b, kwargs)
    f(1)
    f(1, 2, 3)
    f(1, b=5, c=6, d=7)
    f(*[1, 2], **{'b': 3, 'e': 4})
""")
case("def/keyword_only", """
    def f(a, *, scale=1.0):
        return a * scale
    print(f(2), f(2, scale=0.5))
""")
case("def/missing_positional", """
    def conv_block(x, filters, kernel_size=3):
        return x
    conv_block(1)
""")
case("def/missing_two_positional", """
    def f(a, b, c):
        return a
    f(1)
""")
case("def/missing_three_positional", """
    def f(a, b, c):
        return a
    f()
""")
case("def/too_many_positional", """
    def f(a, b=1):
        return a
    f(1, 2, 3)
""")
case("def/too_many_positional_no_defaults", """
    def f(a):
        return a
    f(1, 2)
""")
case("def/unexpected_keyword", """
    def f(a, b=1):
        return a
    f(1, c=2)
""")
case("def/multiple_values", """
    def f(a, b=1):
        return a
    f(1, a=2)
""")
case("def/missing_keyword_only", """
    def f(a, *, b):
        return a
    f(1)
""")
case("def/mutable_default", """
    def f(x, acc=[]):
        acc.append(x)
        return acc
    print(f(1), f(2))
""")
case("def/default_evaluated_once", """
    n = 3
    def f(k=n):
        return k
    n = 4
    print(f())
""")
case("def/recursion", """
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    print(fact(10))
""")
case("def/return_tuple_unpack", """
    def split(shape):
        return shape[0], shape[1:]
    batch, rest = split((None, 32, 32, 3))
    print(batch, rest)
""")
case("def/nested_function", """
    def outer(n):
        def inner(x):
            return x * n
        return inner(3)
    print(outer(4))
""")
case("def/function_as_value", """
    def double(x):
        return 2 * x
    fs = [double, abs]
    print([f(-3) for f in fs], double.__name__)
""")
case("def/lambda", """
    sq = lambda x: x * x
    print(sq(5), sorted([3, -4, 1], key=lambda v: abs(v)))
""")
case("def/error_in_callee_stack", """
    def inner(x):
        return x[10]

    def outer(x):
        return inner(x) + 1

    outer([1, 2])
""")
case("def/call_non_callable", """
    x = 5
    x()
""")
case("def/docstring", """
    def f():
        \"\"\"Builds nothing.\"\"\"
        return 1
    print(f())
""")
case("def/keyword_after_varargs_call", """
    def block(x, *sizes, name='b'):
        return f"{name}:{x}:{sizes}"
    print(block(1, 2, 3, name='z'))
""")

# --- scoping ----------------------------------------------------------------------------------
case("scope/global_read", """
    n = 10
    def f():
        return n + 1
    print(f())
""")
case("scope/local_shadow", """
    n = 10
    def f():
        n = 3
        return n
    print(f(), n)
""")
case("scope/unbound_local", """
    n = 10
    def f():
        n += 1
        return n
    f()
""")
case("scope/unbound_local_read_before_assign", """
    count = 0
    def f():
        print(count)
        count = 1
    f()
""")
case("scope/global_statement", """
    counter = 0
    def bump():
        global counter
        counter += 1
    bump()
    bump()
    print(counter)
""")
case("scope/name_error", """
    print(undefined_name)
""")
case("scope/name_error_in_function", """
    def f():
        return missing + 1
    f()
""")
case("scope/closure_late_binding", """
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    print([f() for f in fs])
""")
case("scope/closure_default_binding", """
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    print([f() for f in fs])
""")
case("scope/closure_def_in_loop", """
    fs = []
    for i in range(3):
        def f():
            return i * 10
        fs.append(f)
    i = 7
    print([g() for g in fs])
""")
case("scope/closure_counter", """
    def make():
        count = 0
        def inc():
            nonlocal count
            count += 1
            return count
        return inc
    c = make()
    c()
    print(c(), c())
""")
case("scope/loop_variable_leaks", """
    for i in range(3):
        pass
    print(i)
    for j in []:
        pass
""")
case("scope/comprehension_variable_does_not_leak", """
    xs = [k for k in range(3)]
    print(xs)
    print(k)
""")
case("scope/del_name", """
    x = 1
    del x
    print(x)
""")

# --- control flow -----------------------------------------------------------------------------
case("flow/if_elif_else", """
    for n in [0, 1, 5, -2]:
        if n == 0:
            print('zero')
        elif n > 2:
            print('big')
        elif n > 0:
            print('small')
        else:
            print('negative')
""")
case("flow/truthiness", """
    for v in [0, 1, 0.0, '', 'a', [], [0], (), None, {}]:
        if v:
            print(repr(v), 'true')
        else:
            print(repr(v), 'false')
""")
case("flow/while_break_continue", """
    i = 0
    while True:
        i += 1
        if i % 2 == 0:
            continue
        if i > 7:
            break
        print(i)
    print('done', i)
""")
case("flow/while_else", """
    n = 3
    while n > 0:
        n -= 1
    else:
        print('finished', n)
""")
case("flow/for_else_break", """
    for x in [1, 2, 3]:
        if x == 2:
            break
    else:
        print('no break')
    for x in [1, 3]:
        pass
    else:
        print('completed', x)
""")
case("flow/nested_loops_break", """
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            print(i, j)
""")
case("flow/range_forms", """
    print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
    print(range(3), len(range(1, 10, 2)), range(10)[2], range(10)[-1], list(range(10)[::3]))
""")
case("flow/range_step_zero", """
    range(1, 5, 0)
""")
case("flow/range_float_error", """
    for i in range(2.5):
        pass
""")
case("flow/enumerate_zip", """
    filters = [32, 64, 128]
    for i, f in enumerate(filters):
        print(i, f)
    for i, f in enumerate(filters, start=1):
        print(i, f)
    for a, b in zip([1, 2, 3], 'xy'):
        print(a, b)
    print(list(enumerate('ab')), list(zip((1, 2), [3, 4], 'cd')))
""")
case("flow/for_over_tuple_dict_string", """
    for t in (1, 'a'):
        print(t)
    for k in {'x': 1, 'y': 2}:
        print(k)
    for ch in 'hi':
        print(ch)
""")
case("flow/for_unpack_pairs", """
    for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
        print(a + b + c)
""")
case("flow/for_non_iterable", """
    for x in 5:
        pass
""")
case("flow/pass_everywhere", """
    if True:
        pass
    for _ in range(2):
        pass
    def f():
        pass
    print('ok')
""")
case("flow/mutate_while_iterating_copy", """
    xs = [1, 2, 3]
    for x in list(xs):
        if x == 2:
            xs.remove(x)
    print(xs)
""")

# --- comprehensions ---------------------------------------------------------------------------
case("comp/basic", """
    print([x * 2 for x in range(4)], [x for x in range(10) if x % 3 == 0])
    print([(i, j) for i in range(3) for j in range(i)], [[c for c in w] for w in ['ab', 'c']])
""")
case("comp/filters_and_conditional", """
    sizes = [16, 32, 64]
    print([s // 2 if s > 16 else s for s in sizes if s != 32])
""")
case("comp/uses_enclosing", """
    base = 8
    def widths(n):
        return [base * 2 ** i for i in range(n)]
    print(widths(4))
""")
case("comp/generator_in_call", """
    print(sum(x * x for x in range(4)), max(len(w) for w in ['a', 'bcd']), any(x > 2 for x in [1, 3]))
""")
case("comp/error_inside", """
    xs = [1, 0, 2]
    print([10 // x for x in xs])
""")

# --- builtins ---------------------------------------------------------------------------------
case("builtins/len", """
    print(len([1, 2]), len((None, 3)), len('abc'), len({'a': 1}), len(range(4)), len([]))
""")
case("builtins/len_of_int", """
    len(5)
""")
case("builtins/max_min_sum", """
    print(max(3, 7, 5), min([4, 2, 8]), max('ab', 'b'), min(2.5, 3), sum([1, 2, 3]), sum([0.5, 0.25]), sum([], 10))
    print(max([1, 5, 3], key=lambda v: -v), min((), default=0), sum([(1,), (2,)], ()))
""")
case("builtins/max_empty", """
    max([])
""")
case("builtins/sum_str_error", """
    sum(['a', 'b'], '')
""")
case("builtins/isinstance", """
    print(isinstance(3, int), isinstance(3.0, int), isinstance(True, int), isinstance((1,), (list, tuple)))
    print(isinstance('s', str), isinstance(None, type(None)), isinstance([1], list), isinstance(2, float))
""")
case("builtins/type_names", """
    print(type(1).__name__, type(1.0).__name__, type('').__name__, type(None).__name__, type([]).__name__, type(()).__name__, type({}).__name__, type(True).__name__)
""")
case("builtins/str_repr", """
    print(str('a'), repr('a'), str(1.0), repr(1.0), str([1, 'a']), repr((1.5, 'b')), repr(None))
""")
case("builtins/abs_round_pow", """
    print(abs(-3), abs(3.5), abs(-0.0), pow(2, 5), pow(2, -1), divmod(7, 2), divmod(-7, 2))
""")
case("builtins/list_tuple_dict", """
    print(list('abc'), list((1, 2)), tuple([3, 4]), tuple('xy'), dict(a=1), list(), tuple(), dict(), list({'k': 1}))
""")
case("builtins/sorted_reversed", """
    print(sorted([3, 1, 2]), sorted('cab'), list(reversed([1, 2, 3])), tuple(reversed((1, 2))), sorted((2, 1), reverse=True))
""")
case("builtins/sorted_mixed_error", """
    sorted([1, 'a'])
""")
case("builtins/any_all", """
    print(any([]), all([]), any([0, '', None]), all([1, 'a']), any(x > 3 for x in [1, 5]), all(x for x in [1, 0]))
""")
case("builtins/print_sep_end", """
    print(1, 2, 3, sep='-')
    print('a', end='')
    print('b', end='!\\n')
    print()
    print('x', 'y', sep='')
    print(*[1, 2, 3])
    print('no', 'space', sep='', end='\\n\\n')
    print(sep='+')
""")
case("builtins/int_bad_literal", """
    int('abc')
""")
case("builtins/float_bad_literal", """
    float('one')
""")
case("builtins/int_of_none", """
    int(None)
""")
case("builtins/len_unsized", """
    len(None)
""")
case("builtins/min_max_of_tuple_shapes", """
    print(max((1, 2), (1, 3)), min([(2, 'b'), (2, 'a')]))
""")
case("builtins/map_filter", """
    print(list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
""")
case("builtins/hasattr_getattr", """
    print(hasattr('a', 'upper'), getattr([], 'nope', 'dflt'))
""")

# --- errors raised by the program -------------------------------------------------------------
case("raise/value_error", """
    def check(n):
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        return n
    check(-1)
""")
case("raise/try_except", """
    try:
        1 / 0
    except ZeroDivisionError as e:
        print('caught', e)
    try:
        [][0]
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e)
    finally:
        print('finally')
""")
case("try/finally_flow", """
    def f(x):
        try:
            if x:
                return 'body'
        finally:
            print('finally of', x)
        return 'after'
    print(f(True), f(False))
    def g():
        try:
            return 1
        finally:
            return 2
    print(g())
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print('body', i)
        finally:
            print('fin', i)
    def h():
        for i in range(3):
            try:
                raise ValueError(i)
            finally:
                break
        return 'swallowed'
    print(h())
""")
case("try/else_only_without_error", """
    for x in [1, 0]:
        try:
            r = 10 // x
        except ZeroDivisionError:
            print('caught', x)
        else:
            print('else', r)
        finally:
            print('finally', x)
""")
case("try/error_in_else_is_not_caught", """
    try:
        try:
            pass
        except ValueError:
            print('not here')
        else:
            raise ValueError('from else')
        finally:
            print('inner finally')
    except ValueError as e:
        print('outer caught', e)
""")
case("try/hierarchy", """
    def kind(f):
        try:
            f()
        except LookupError as e:
            return 'lookup ' + type(e).__name__
        except ArithmeticError as e:
            return 'arith ' + type(e).__name__
        except (TypeError, AttributeError) as e:
            return 'tuple ' + type(e).__name__
        except Exception as e:
            return 'other ' + type(e).__name__
        return 'none'
    print(kind(lambda: {}['a']))
    print(kind(lambda: [][1]))
    print(kind(lambda: 1 / 0))
    print(kind(lambda: 2.0 ** 10000))
    print(kind(lambda: 'a' + 1))
    print(kind(lambda: (1).nope))
    print(kind(lambda: int('z')))
    print(kind(lambda: undefined_name))
    print(kind(lambda: None))
    print(issubclass(KeyError, LookupError) if False else isinstance(KeyError('k'), LookupError))
    print(isinstance(ZeroDivisionError('z'), ArithmeticError), isinstance(ValueError(), LookupError))
""")
case("try/bare_except_and_order", """
    try:
        [].pop()
    except KeyError:
        print('key')
    except:
        print('bare')
    try:
        raise NotImplementedError('later')
    except RuntimeError as e:
        print('runtime', e)
    try:
        import nowhere_module
    except ImportError as e:
        print(type(e).__name__, e)
""")
case("try/reraise", """
    def inner():
        try:
            {}['k']
        except KeyError:
            print('inner saw it')
            raise
    try:
        inner()
    except KeyError as e:
        print('outer', repr(e), e.args)
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            err = e
        raise err
    except ArithmeticError as e:
        print('again', e)
""")
case("try/raise_without_active_exception", """
    try:
        raise
    except RuntimeError as e:
        print(e)
""")
case("try/error_in_handler_runs_finally", """
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            [][0]
        finally:
            print('finally ran')
    except IndexError as e:
        print('then', e)
""")
case("try/name_unbound_after_handler", """
    e = 'before'
    try:
        1 / 0
    except ZeroDivisionError as e:
        print('in', e)
    print(e)
""")
case("try/catching_a_non_class", """
    try:
        1 / 0
    except 3:
        pass
""")
case("try/uncaught_class_goes_on", """
    try:
        {}['missing']
    except IndexError:
        print('no')
""")
case("try/missing_except", """
    try:
        x = 1
    print(x)
""")
case("try/unparenthesized_types", """
    try:
        x = 1
    except ValueError, TypeError:
        pass
""")
case("try/bare_except_not_last", """
    try:
        x = 1
    except:
        pass
    except ValueError:
        pass
""")
case("try/exception_message_forms", """
    for e in [ValueError(), ValueError('a'), KeyError('k'), ValueError('a', 2)]:
        print(str(e), e.args)
""")
case("with/not_a_context_manager", """
    x = 1
    with x:
        pass
""")
case("with/a_list_is_not_one_either", """
    with [1] as (a, b), 2:
        pass
""")
case("raise/assert", """
    x = 3
    assert x > 0, 'positive'
    assert x > 5, f'too small: {x}'
""")
case("raise/assert_no_message", """
    assert 1 == 2
""")
case("raise/error_after_output", """
    print('before')
    xs = [1]
    print(xs[1])
    print('after')
""")
case("raise/attribute_on_int", """
    n = 5
    n.shape
""")
case("raise/attribute_on_list", """
    [1, 2].shape
""")
case("raise/attribute_on_tuple", """
    (1, 2).append(3)
""")
case("raise/attribute_on_dict", """
    {'a': 1}.a
""")
case("raise/attribute_on_none", """
    x = None
    x.summary()
""")
case("raise/multiline_statement_line", """
    total = (1 +
             2 +
             undefined)
""")
case("raise/multiline_call_line", """
    def f(a, b):
        return a / b
    r = f(
        1,
        0,
    )
""")
case("raise/not_implemented", """
    raise NotImplementedError
""")
case("raise/runtime_error_message", """
    raise RuntimeError('stop here')
""")
case("raise/type_error_unhashable_in", """
    print([1] in {(1,): 2})
""")

# --- syntax errors (message and line) ---------------------------------------------------------
case("syntax/unclosed_paren", """
    x = (1,
    y = 2
""")
case("syntax/bad_indent", """
    def f():
    return 1
""")
case("syntax/unexpected_indent", """
    x = 1
        y = 2
""")
case("syntax/missing_colon", """
    if True
        pass
""")
case("syntax/assign_to_literal", """
    1 = x
""")
case("syntax/keyword_positional_order", """
    f(a=1, 2)
""")
case("syntax/return_outside_function", """
    return 5
""")
case("syntax/break_outside_loop", """
    break
""")
case("syntax/unterminated_string", """
    s = 'abc
""")

case("syntax/octal_digit", """
    x = 0o79
""")
case("syntax/octal_digit_after_separator", """
    x = 0o7_8
""")
case("syntax/binary_digit", """
    x = 0b102
""")
case("syntax/hex_letter", """
    x = 0x1g
""")
case("syntax/hex_then_j", """
    x = 0xffj
""")
case("syntax/octal_empty", """
    x = 0o
""")
case("syntax/binary_trailing_separator", """
    x = 0b1_
""")
case("syntax/decimal_then_letter", """
    x = 12abc
""")
case("values/number_then_keyword", """
    print([0x1for _ in range(2)], 1if True else 2, 0b1or 2, 3in [3], 0o7and 5)
""")

# --- larger programs in tutorial style ---------------------------------------------------------
case("programs/filters_schedule", """
    num_blocks = 4
    base_filters = 32
    filters = [base_filters * 2 ** i for i in range(num_blocks)]
    print(filters)
    for i, f in enumerate(filters):
        name = f"block{i + 1}_conv"
        print(name, f, f // 2, f % 3)
""")
case("programs/shape_arithmetic", """
    img_size = (180, 180)
    input_shape = img_size + (3,)
    print(input_shape, len(input_shape), input_shape[-1])
    h, w, c = input_shape
    print(h * w * c, h // 4, (h - 4) // 2 + 1, 1.0 / 255)
    units = 7 * 7 * 128
    print(units)
""")
case("programs/stride_formula", """
    def conv_out(size, kernel, stride=1, padding='valid'):
        if padding == 'same':
            return -(-size // stride)
        return (size - kernel) // stride + 1
    for size in [28, 32, 7]:
        print(size, conv_out(size, 3), conv_out(size, 3, 2), conv_out(size, 3, 2, 'same'))
""")
case("programs/config_dict", """
    config = {'units': [64, 32], 'dropout': 0.5, 'activation': 'relu'}
    for i, units in enumerate(config['units']):
        print(f"dense_{i}", units, config.get('activation'), config['dropout'] * 2)
    config['units'].append(16)
    print(config)
""")
case("programs/while_bounded", """
    size = 224
    steps = 0
    while size > 7:
        size //= 2
        steps += 1
    print(size, steps)
""")
case("programs/kwargs_forwarding", """
    def make(name, **kwargs):
        opts = {'padding': 'same'}
        opts.update(kwargs)
        return name, sorted(opts.items())
    print(make('c1', strides=2))
    print(make('c2', padding='valid'))
""")
case("programs/tuple_shapes_compare", """
    a = (None, 32, 32, 64)
    b = (None, 32, 32, 128)
    if a[-1] != b[-1]:
        print('project', a[-1], '->', b[-1])
    print(a[:-1] == b[:-1], a[1:3])
""")

# --- more builtins and method errors ----------------------------------------------------------
case("lists/index_missing_error", """
    xs = ['conv', 'pool']
    xs.index('dense')
""")
case("tuples/index_count", """
    t = (None, 32, 32, 3)
    print(t.index(32), t.count(32), t.index(3))
""")
case("strings/index_missing_error", """
    'conv2d'.index('x')
""")
case("strings/split_maxsplit_rsplit", """
    print('a/b/c'.split('/', 1), 'a/b/c'.rsplit('/', 1), 'x'.split(','), ''.split(','), ''.split())
    print('block1_conv2'.partition('_'), 'conv'.center(8, '*'), 'A-B'.lower().replace('-', '_'))
""")
case("flow/zip_uneven_and_unpack_error", """
    print(list(zip([1, 2, 3], 'ab')))
    for i, (a, b) in enumerate([(1, 2), (3, 4, 5)]):
        print(i, a, b)
""")
case("dicts/iteration_after_delete", """
    d = {'a': 1, 'b': 2, 'c': 3}
    del d['b']
    d['b'] = 4
    print(list(d), d)
    print(sorted(d.items(), key=lambda kv: -kv[1]))
""")
case("dicts/keyerror_del", """
    d = {}
    del d['missing']
""")
case("dicts/large_index_deletes_and_equal_keys", """
    d = {i: str(i) for i in range(40)}
    d[1.0] = 'one'
    d[True] = 'true'
    for k in [3, 17, 39, 0]:
        del d[k]
    print(len(d), d[1], 17 in d, 18 in d, d.get(39), d.get(38))
    d[17] = 'back'
    print(list(d)[-3:], d.pop(20), 20 in d, d.setdefault(21, 'x'), d.setdefault(99, 'new'))
    for k in list(d)[:10]:
        del d[k]
    print(len(d), sorted(d)[:5], all(d[k] == d.get(k) for k in d), list(d)[:4])
    names = {f'layer_{i}': i for i in range(30)}
    del names['layer_4']
    names['layer_4'] = -4
    print(list(names)[-2:], names['layer_4'], 'layer_5' in names, names.pop('layer_29'), len(names))
    s = {i * 7 % 50 for i in range(100)}
    s.discard(7)
    s.remove(14)
    s.add(14)
    print(len(s), 7 in s, 14 in s, sorted(s)[:8])
    t = {(i, 'a'): i for i in range(20)}
    del t[(5, 'a')]
    print(len(t), (6, 'a') in t, (5, 'a') in t, t[(19, 'a')], t.get((5.0, 'a')), t[(6.0, 'a')])
""")
case("sets/remove_discard", """
    s = {1, 2}
    s.discard(5)
    s.remove(3)
""")
case("hash/strings_as_with_hashseed_0", """
    for s in ["", "a", "abc", "dense_12", "conv2d_transpose_3", "é", "日本語", "\\U0001F600", "a" * 40]:
        print(repr(s), hash(s), hash((s, 1)))
    print(sorted({"relu", "gelu", "tanh"}), {"relu", "gelu", "tanh"})
""")
case("dicts/deletes_keep_order_and_reinsert_last", """
    d = {i: i * i for i in range(40)}
    for i in range(0, 40, 3):
        del d[i]
    d[0] = 'back'
    print(len(d), list(d)[:12], d.get(3), d.get(4), d.pop(5), 5 in d, d.setdefault(6, 'x'))
    for k in list(d):
        if k % 2:
            d.pop(k)
    print(d, len(d), d == {k: v for k, v in d.items()}, bool(d))
    e = {(1, 'a'): 1, 1.0: 2, 'k': 3}
    del e[1]
    e[True] = 4
    print(e, list(e.items()))
    for k in list(d):
        del d[k]
    d['z'] = 1
    print(d, len(d))
""")
case("sets/none_and_objects_keep_insertion_order", """
    s = {3, 1, None, 2}
    s.add(0)
    s.discard(1)
    print(len(s), 0 in s, None in s, 1 in s, sorted(x for x in s if x is not None))
    t = {1, 2} | {None}
    print(len(t), None in t, len(t & {None, 2}), len(t - {None}), len(t ^ {2, 5}))
""")
case("strings/index_and_slice_long_non_ascii", """
    s = ("ab" * 40) + "é日本😀x" + ("cd" * 40) + "ñ"
    print(len(s), s[0], s[80], s[81], s[83], s[84], s[-1], s[-2], s[79:86], s[::-7], s[85::9])
    t = "0123456789" * 20
    print(len(t), t[5], t[-5], t[190:], t[3:40:6], sum(1 for i in range(len(t)) if t[i] == "7"))
    print("".join(s[i] for i in range(len(s)) if i % 13 == 0))
""")
case("strings/find_count_with_bounds", """
    s = "conv2d_conv2d_dense_conv2d"
    for args in [("conv2d",), ("conv2d", 1), ("conv2d", 7, 13), ("conv2d", -6), ("d", -3, -1), ("", 3), ("", 26), ("", 27), ("x",), ("d", 30), ("_", 5, 2)]:
        print(args, s.find(*args), s.count(*args))
    print(s.index("dense", 10), s.find("dense", None, 19), s.find("dense", None, 20))
""")
case("strings/search_by_code_point", """
    s = "e\\u0301x_a\\u0301b_e\\u0301"
    print("e" in s, "\\u0301" in s, s.split("\\u0301"), s.rsplit("\\u0301", 1), s.replace("e", "E"))
    print(s.partition("\\u0301"), s.rpartition("\\u0301"), s.count("\\u0301"), s.find("b"))
    print("aaa".rsplit("aa", 1), "aaa".split("aa", 1), "aaaa".replace("aa", "b"), "aaa".count("aa"))
    print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "abc".replace("b", "", 0))
    print("a,b,,c".split(","), "a,b,,c".rsplit(",", 2), "a,b".partition(";"), "a,b".rpartition(";"))
""")
case("strings/split_whitespace_maxsplit", """
    for s in [" 1", "1 ", "  a b  c ", "", "   ", "a\\x1cb\\u3000c\\r\\nd", "x\\u00a0y"]:
        print(repr(s), [s.split(None, m) for m in (-1, 0, 1, 2)], [s.rsplit(None, m) for m in (-1, 0, 1, 2)])
""")
case("print/empty_lines", """
    print()
    print("")
    print("", end="")
    print("x")
    for i in range(2):
        print()
""")
case("builtins/iter_next_and_one_shot_iterators", """
    z = zip([1, 2, 3], "abc")
    print(list(z), list(z))
    it = iter([10, 20, 30])
    print(next(it), next(it), list(it), next(it, "done"), iter(it) is it)
    g = (x * x for x in range(4))
    print(next(g), sum(g), list(g))
    e = enumerate("xy")
    for pair in e:
        print(pair)
    print(list(e), type(iter("ab")).__name__, type(iter({1: 2})).__name__, type(iter((1,))).__name__)
    m = map(abs, [-1, -2])
    print(next(m), [v for v in m], list(reversed([1, 2])))
""")
case("builtins/next_on_exhausted_raises", """
    it = iter([1])
    next(it)
    next(it)
""")
case("builtins/next_on_a_list", """
    next([1, 2])
""")
case("builtins/chr_ord_hex_oct_bin", """
    print(chr(65), chr(233), chr(0x1F600), ord("A"), ord("é"), ord(chr(0x10FFFF)))
    print(hex(255), hex(-255), hex(0), oct(8), oct(-9), bin(5), bin(-5), bin(0), hex(True))
    print([ord(c) for c in "Keras"], "".join(chr(c) for c in [107, 115]))
""")
case("builtins/ord_of_two_characters", """
    ord("ab")
""")
case("builtins/chr_out_of_range", """
    chr(0x110000)
""")
case("builtins/hex_of_a_float", """
    hex(2.0)
""")
case("values/print_nested_mixed", """
    shape = (None, 7, 7, 512)
    print(shape, [shape, None], {'shape': shape, 'lr': 1e-3, 'name': "it's"})
    print(str(shape), repr("quote\\"d"), ['a"b', "c'd"])
""")
case("fstrings/width_of_shapes", """
    rows = [('conv1', (None, 26, 26, 32), 320), ('flatten', (None, 5408), 0)]
    for name, shape, params in rows:
        print(f"{name:<10}{str(shape):>20}{params:>8,}")
""")
case("def/default_from_loop_var", """
    makers = []
    for width in (16, 32):
        def make(n=width):
            return n * 2
        makers.append(make)
    print([m() for m in makers])
""")
case("def/recursion_depth", """
    def depth(n):
        return 0 if n == 0 else 1 + depth(n - 1)
    print(depth(50))
""")
case("def/kwargs_are_dict_copy", """
    def f(**kw):
        kw['x'] = 1
        return kw
    opts = {'y': 2}
    print(f(**opts), opts)
""")
case("ops/int_float_equal_keys", """
    d = {1: 'int'}
    d[1.0] = 'float'
    d[True] = 'bool'
    print(d, 1 == 1.0 == True, hash(1) == hash(1.0))
""")
case("ops/chained_comparison_once", """
    def v(x):
        print('v', x)
        return x
    print(v(1) < v(2) < v(0) < v(5))
""")

# --- a program read by code point: a combining mark after a quote, a backslash, `#` or `}` ------
# (the sources hold the marks themselves, not escapes: U+0301 and U+0308 join the character
# before them into one grapheme cluster, which is not how Python reads a program)
case("lexer/combining_mark_after_quote", """
    s = "\u0301a"
    t = '\u0301'
    print(len(s), len(t), s, repr(t), len(\"\"\"\u0301\u0308\"\"\"))
    print("e\u0301" == "e" + "\u0301", "\u0301" in "e\u0301", ["\u0301", '\u0308'])
""")
case("lexer/combining_mark_after_backslash_and_brace", """
    s = 'ab\\\u0301c'
    print(len(s), s, f"{1}\u0301", f"{'x'}\u0301{2}", "a" "\u0301")
    print(1)  #\u0301 a comment that starts with a mark
""")
case("lexer/names_with_combining_marks", """
    e\u0301t\u00e9 = 3
    print(e\u0301t\u00e9, \u00e9t\u00e9)
    x_\u0308 = 4
    print(x_\u0308)
""")
case("lexer/invalid_combining_mark", """
    print('x'\u0301)
""")
case("lexer/invalid_character_euro", """
    x = 1
    y = x \u20ac 2
""")
case("lexer/invalid_non_printable_space", """
    y = 1\u00a0+ 2
""")
case("lexer/crlf_line_breaks", "x = 1\r\ny = 'a\u0301'\r\nprint(x, len(y))\r\n")
case("lexer/line_separator_in_comment_and_string", """
    x = 1  # a comment with \u2028 inside: Python's line ends only at \\n and \\r
    s = 'a\u2028b'
    print(x, len(s), repr(s), s.splitlines())
""")
case("lexer/line_separator_in_code", """
    x = 1\u2028y = 2
""")
case("strings/repr_quote_before_a_mark", """
    print(repr("it'\u0301s"), repr('say "\u0308'), repr("'\u0301\\""), ["'\u0308"])
""")
case("strings/splitlines", """
    for s in ["", "a", "a\\n", "a\\r\\nb\\rc\\n\\nd", "\\n", "x\\x0by\\x0cz\\x1cw\\x85v\\u2028u\\u2029t", "a\\r"]:
        print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
""")
case("strings/format_by_code_point", """
    print(("\u0600" + "{}").format(1), ("\u0600%s") % (1,), "{:\u0301>4}".format(7), f"{'x':\u0301^5}")
""")
case("fstrings/backslash_before_brace", """
    x = 6
    print(f"\\\\{x}", f"\\\\{{x}}", f"a\\\\{x}b", f"{x}\\\\", f"\\\\\\\\{x}")
""")

# --- functools --------------------------------------------------------------------------------
case("functools/partial_calls_and_attributes", """
    from functools import partial
    import functools
    p = partial(max, 3)
    print(p(1), p(5), p(1, 9), p.args, p.keywords, p.func is max)
    q = functools.partial(print, "a", sep="-")
    q("b", "c")
    q("d", sep="+")
    r = partial(q, "e", end="!\\n")
    r("f")
    print(r.args, sorted(r.keywords.items()), r.func is print)
    print(repr(partial(max, 1, key=abs)), callable(p), type(p).__name__)
    def f(a, b=2, *, c=3):
        return (a, b, c)
    g = partial(f, c=9)
    print(g(1), g(1, c=4), partial(f, 1, 2)(c=0))
""")
case("functools/partial_without_arguments", """
    from functools import partial
    partial()
""")
case("functools/partial_of_a_non_callable", """
    from functools import partial
    partial(3, 4)
""")
case("functools/reduce", """
    from functools import reduce
    print(reduce(lambda a, b: a * b, [2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
    print(reduce(lambda a, b: a + [b], (1, 2), []), reduce(max, [3]))
""")
case("functools/reduce_of_nothing", """
    from functools import reduce
    reduce(lambda a, b: a + b, [])
""")

# --- iterating a container the loop changes ------------------------------------------------------
case("loops/list_changed_while_iterated", """
    xs = [1, 2]
    for v in xs:
        if v < 4:
            xs.append(v + 2)
    print(xs)
    ys = [1, 2, 3, 4]
    for v in ys:
        ys.remove(v)
    print(ys)
    zs = [1, 2, 3]
    for v in zs:
        if v == 1:
            zs[2] = 30
        print(v)
    ws = [1, 2]
    print([ws.append(v + 10) or v for v in ws if v < 3], ws)
""")
case("loops/dict_changed_size_while_iterated", """
    d = {"k": 1, "j": 2}
    for v in d:
        del d["k"]
""")
case("loops/dict_changed_then_break", """
    d = {1: 2}
    for k in d:
        d[k + 1] = 5
        break
    for k in d:
        d[k] = 0
    print(d)
""")
case("loops/set_changed_size_while_iterated", """
    s = {1, 2}
    print([v for v in s])
    for v in s:
        s.add(v + 10)
""")

# --- escapes Python refuses, and \N{NAME} ----------------------------------------------------------
# (raw sources: the backslashes are the program's)
case("escapes/windows_path_truncated_U", r"""
    print("before")
    path = "C:\Users\me\model.keras"
""")
case("escapes/windows_path_malformed_N", r"""
    path = 'C:\New folder\model.keras'
""")
case("escapes/truncated_x_after_a_non_ascii_character", r"""
    s = "é\x4"
""")
case("escapes/backslash_before_a_non_ascii_character", r"""
    ok = "é\é"
    print(len(ok), ascii(ok))
    s = "é\é\x4"
""")
case("escapes/truncated_u_and_U", r"""
    s = "\u12"
""")
case("escapes/truncated_U_at_the_end", r"""
    s = 'ab\U0001F60'
""")
case("escapes/illegal_unicode_character", r"""
    s = "\U00110000"
""")
case("escapes/truncated_x_in_a_concatenation", r"""
    s = "a\x41" "\x4"
""")
case("escapes/truncated_x_in_an_fstring_after_a_field", r"""
    s = f"a{1}b\x4"
""")
case("escapes/truncated_x_in_an_fstring_after_doubled_braces", r"""
    s = f"{{\x4"
""")
case("escapes/named_characters", r"""
    s = "\N{EM DASH}\N{latin small letter a}\N{LATIN CAPITAL LETTER GHA}"
    print(ascii(s), len(s))
    print(ascii("\N{HANGUL SYLLABLE GA}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{GREEK SMALL LETTER ALPHA}"))
    print(ascii(f"\N{GREEK SMALL LETTER ALPHA}{1}\N{EM DASH}{2:>3}"))
""")
case("escapes/unknown_character_name", r"""
    s = "\N{NOPE}b"
""")
case("escapes/character_name_with_a_space_before", r"""
    s = "\N{ latin small letter a}"
""")
case("escapes/character_name_empty", r"""
    s = "\N{}"
""")
case("escapes/character_name_unclosed", r"""
    s = "\N{ab"
""")
case("escapes/unknown_character_name_in_an_fstring", r"""
    s = f"\N{NOPE}{1}"
""")
case("escapes/raw_strings_keep_them", r"""
    print(r"C:\Users\New\x4", len(r"\N{}"), rf"\x{1}")
""")
case("escapes/bad_escape_in_a_triple_quoted_string", r'''
    s = """first line \x4
    second line"""
''')
case("builtins/ascii", r"""
    print(ascii("é€😀a\n"), ascii([1, "ü", ("\x00", 2.5)]), ascii(None), ascii({"k": "ß"}))
""")

# --- a program is compiled whole before it runs: a syntax error on a later line runs nothing -------
case("programs/syntax_error_after_statements_that_print", """
    print("before")
    x = 1
    for i in range(2):
        print(i)
    y = (1,
      2))
""")
case("programs/bad_escape_after_statements_that_print", r"""
    print("before")
    def f():
        return "C:\Users"
""")

# --- map, filter, zip, enumerate, reversed and iter make each item when it is read ------------------
case("iterators/enumerate_reads_the_list_as_it_is", """
    a = [1, 2, 3]
    for i, x in enumerate(a):
        if i == 0:
            a[2] = 30
        print(i, x)
    c = [1, 2]
    for x in zip(c, c):
        if len(c) < 5:
            c.append(9)
    print(c)
""")
case("iterators/map_calls_as_it_is_read", """
    m = map(print, [1, 2])
    print("made")
    for v in map(lambda x: print("f", x) or x, [1, 2]):
        print("got", v)
    print(list(m))
""")
case("iterators/consumed_once_and_ended_for_good", """
    a = [1, 2]
    it = iter(a)
    print(next(it), iter(it) is it)
    a.append(3)
    print(list(it), list(it))
    a.append(4)
    print(list(it), next(it, "end"))
    z = zip([1, 2, 3], "ab")
    print(next(z), list(z), list(z))
""")
case("iterators/reversed_list", """
    b = [1, 2, 3]
    r = reversed(b)
    print(next(r))
    b.pop()
    print(list(r), type(r).__name__, type(iter(b)).__name__)
""")
case("iterators/filter_and_ranges_read_lazily", """
    print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v > 1, range(4))))
    print(list(map(lambda x, y: x + y, range(10**12), [1, 2])), list(zip(range(10**12), "ab")))
    print(list(enumerate(x * 2 for x in range(3))), list(zip()), list(map(pow, [2, 3], [3, 2, 1])))
    print(sorted(map(abs, [-3, 1, -2])), sum(map(len, ["ab", "c"])), max(zip([1, 5], [2, 0])))
    print(dict(zip("ab", range(2))), tuple(enumerate("xy", 5)), set(map(str, [1, 1])))
""")
case("iterators/error_in_a_mapped_function_at_the_loop", """
    def f(x):
        return 10 // x
    for v in map(f, [1, 0]):
        print(v)
""")
case("iterators/error_in_a_mapped_function_when_listed", """
    x = map(len, ["ab", 1])
    print("made")
    print(list(x))
""")
case("iterators/not_iterable_at_creation", """
    z = zip([1], 5)
""")
case("escapes/names_made_by_a_rule_are_capitals_only", r"""
    print(ascii("\N{CJK UNIFIED IDEOGRAPH-04E00}\N{CJK UNIFIED IDEOGRAPH-20000}\N{HANGUL SYLLABLE GAG}"))
    s = "\N{hangul syllable ga}"
""")
case("escapes/ideograph_in_lower_case_hex", r"""
    s = "\N{CJK UNIFIED IDEOGRAPH-4e00}"
""")

# --- keys that are objects: found by identity (a function, a layer), or by equality (a range) -------
case("dicts/function_tuple_and_range_keys", """
    f = lambda: 1
    g = lambda: 2
    d = {f: "f", (f, 2): "t", range(3): "r", None: "n", 1: "one"}
    d[g] = "g"
    print(d[f], d[(f, 2)], d[range(0, 3)], d[g], f in d, (lambda: 1) in d, len(d))
    keys = {f: i for i in range(20)}
    fs = [lambda: i for i in range(50)]
    big = {h: n for n, h in enumerate(fs)}
    print(len(keys), len(big), big[fs[37]], fs[3] in big, all(big[h] == n for n, h in enumerate(fs)))
    s = set(fs) | {f}
    print(len(s), f in s, g in s)
    del big[fs[10]]
    print(len(big), fs[10] in big, big[fs[11]], d.get(range(1, 3)), d.get((g, 2), "none"))
""")
case("iterators/zip_strict_equal_lengths", """
    print(list(zip([1, 2], "ab", strict=True)), list(zip([1], [1, 2], strict=False)), list(zip(strict=True)))
    print(dict(zip("xy", range(2), strict=True)))
""")
case("iterators/zip_strict_shorter", """
    print(list(zip([1, 2], [1, 2], [1], strict=True)))
""")
case("iterators/zip_strict_longer", """
    print(list(zip([1], [1, 2], strict=True)))
""")
case("iterators/zip_strict_longer_third", """
    print(list(zip([1], [1], [1, 2], strict=True)))
""")
case("iterators/zip_strict_in_a_loop", """
    z = zip([1, 2], [3], strict=True)
    print(next(z))
    for p in z:
        print(p)
""")
