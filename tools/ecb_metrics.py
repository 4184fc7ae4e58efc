"""Coreference metrics over mention clusterings: MUC, B³, CEAF-e and the CoNLL F1 (their mean).

A clustering is a dict mention -> cluster label. Key (gold) and response (system) are scored over
the mentions they share; `ecb_eval.py` always passes both over the same mentions, and every
mention that is in no chain is its own cluster (singletons count, as in the ECB+ literature).
Plain Python, no dependencies, so the scorer runs wherever the corpus does.
"""
from collections import defaultdict


def clusters(assign):
    """Labels -> sets of mentions, as a list of frozensets."""
    by = defaultdict(set)
    for m, c in assign.items():
        by[c].add(m)
    return [frozenset(s) for s in by.values()]


def _f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _muc_side(ks, r_assign):
    """MUC recall of clusters `ks` against the partition `r_assign` (precision swaps the roles):
    each cluster of n mentions needs n-1 links; a link is missing for every extra part the other
    side splits it into (a mention the other side lacks is a part of its own)."""
    num = den = 0
    for k in ks:
        parts = set()
        for m in k:
            parts.add(r_assign.get(m, ("alone", m)))
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def muc(key, resp):
    kn, kd = _muc_side(clusters(key), resp)
    rn, rd = _muc_side(clusters(resp), key)
    r = kn / kd if kd else 0.0
    p = rn / rd if rd else 0.0
    return p, r, _f1(p, r)


def b_cubed(key, resp):
    kc = {m: k for k in clusters(key) for m in k}
    rc = {m: r for r in clusters(resp) for m in r}
    ms = [m for m in key if m in resp]
    if not ms:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for m in ms:
        both = len(kc[m] & rc[m])
        p += both / len(rc[m])
        r += both / len(kc[m])
    p /= len(ms)
    r /= len(ms)
    return p, r, _f1(p, r)


def max_assignment(weight):
    """Maximum-weight assignment of rows to columns of a rectangular matrix (list of lists,
    non-negative): the Hungarian method with potentials and shortest augmenting paths, O(n²m).
    Returns (total weight, [(row, col)]). Rows beyond the columns' count stay unassigned."""
    n = len(weight)
    m = len(weight[0]) if n else 0
    if n == 0 or m == 0:
        return 0.0, []
    transposed = n > m
    if transposed:  # the method below wants rows ≤ columns
        weight = [list(col) for col in zip(*weight)]
        n, m = m, n
    top = max(max(row) for row in weight)
    # Minimise cost = top - weight; 1-based arrays with 0 as the virtual start column.
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[col] = row (1-based), 0 = free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = inf
            j1 = 0
            row = weight[i0 - 1]
            ui0 = u[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = (top - row[j - 1]) - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:  # flip the augmenting path
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = []
    total = 0.0
    for j in range(1, m + 1):
        if match[j]:
            i = match[j] - 1
            total += weight[i][j - 1]
            pairs.append((j - 1, i) if transposed else (i, j - 1))
    return total, sorted(pairs)


def ceaf_e(key, resp):
    """Entity-based CEAF with phi4 = 2|K∩R| / (|K|+|R|). Clusters that share no mention score 0
    together, so the assignment is solved per connected component of the key/response overlap
    graph — small pieces instead of one matrix of thousands of clusters."""
    ks = clusters(key)
    rs = clusters(resp)
    if not ks or not rs:
        return 0.0, 0.0, 0.0
    r_of = {m: j for j, r in enumerate(rs) for m in r}
    # Union-find over key clusters (0..K-1) and response clusters (K..K+R-1).
    parent = list(range(len(ks) + len(rs)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, k in enumerate(ks):
        for m in k:
            if m in r_of:
                a, b = find(i), find(len(ks) + r_of[m])
                if a != b:
                    parent[a] = b
    comps = defaultdict(lambda: ([], []))
    for i in range(len(ks)):
        comps[find(i)][0].append(i)
    for j in range(len(rs)):
        comps[find(len(ks) + j)][1].append(j)
    sim = 0.0
    for kis, rjs in comps.values():
        if not kis or not rjs:
            continue
        w = [[2 * len(ks[i] & rs[j]) / (len(ks[i]) + len(rs[j])) for j in rjs] for i in kis]
        sim += max_assignment(w)[0]
    r = sim / len(ks)
    p = sim / len(rs)
    return p, r, _f1(p, r)


def conll(key, resp):
    """All three metrics and the CoNLL F1 (mean of their F1s), as a dict of (P, R, F1) triples."""
    out = {"muc": muc(key, resp), "b3": b_cubed(key, resp), "ceaf_e": ceaf_e(key, resp)}
    out["conll_f1"] = sum(v[2] for v in out.values()) / 3
    return out
