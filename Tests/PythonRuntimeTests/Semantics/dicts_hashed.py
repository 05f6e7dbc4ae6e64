#### numeric keys are one key
d = {1: 'a'}
d[1.0] = 'b'
d[True] = 'c'
print(d, len(d), d[1.0], 1.0 in d, True in d)
del d[True]
print(d, 1 in d)
#### many keys keep their order
d = {i: i * i for i in range(40000)}
print(len(d), d[39999], list(d)[:3], list(d)[-3:], 20000.0 in d, -1 in d)
for i in range(0, 60, 3):
    del d[i]
print(len(d), list(d)[:5], d.get(3), d.get(4))
d[0] = 'back'
print(list(d.items())[-1], d[0])
#### tuple and string keys
d = {}
d[(1, 2)] = 'x'
d[(1.0, 2.0)] = 'y'
d[(True, (2,))] = 'z'
d['\u00e9'] = 1
d['e\u0301'] = 2
for i in range(10):
    d[str(i)] = i
print(d, len(d), d[(1, 2.0)], d['5'])
#### pop setdefault and clear
d = {k: k for k in 'abcdefghijkl'}
print(d.pop('c'), d.setdefault('c', 9), d.setdefault('a', 0))
print(list(d.items())[-2:], d.get('c'), d.get('zz', 0), 'c' in d)
d.clear()
d['a'] = 1
print(d, len(d))
#### equality and merge
a = {i: str(i) for i in range(12)}
b = {float(i): str(i) for i in reversed(range(12))}
print(a == b, a == {**b, 3: 'x'}, {1: 'a'} | {1.0: 'b', 2: 'c'})
#### none zero and false keys
d = {None: 1, 0: 2, False: 3, 0.0: 4, -0.0: 5, '': 6, (): 7}
print(d, d[None], d[()])
#### counting words
words = ('the cat and the hat and the bat ' * 50).split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
