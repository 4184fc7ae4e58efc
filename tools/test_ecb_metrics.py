#!/usr/bin/env python3
"""Self-test of tools/ecb_metrics.py on hand-checked cases. usage: python3 tools/test_ecb_metrics.py"""
import itertools
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ecb_metrics as em  # noqa: E402


def assign(*groups):
    return {m: i for i, g in enumerate(groups) for m in g}


class Metrics(unittest.TestCase):
    # Bagga & Baldwin's example: key {1-5} {6,7} {8-12}, response merges the last two.
    KEY = assign(range(1, 6), [6, 7], range(8, 13))
    RESP = assign(range(1, 6), range(6, 13))

    def close(self, got, want):
        for g, w in zip(got, want):
            self.assertAlmostEqual(g, w, places=9)

    def test_identical_clusterings_score_one(self):
        for f in (em.muc, em.b_cubed, em.ceaf_e):
            self.close(f(self.KEY, dict(self.KEY)), (1.0, 1.0, 1.0))
        self.assertAlmostEqual(em.conll(self.KEY, dict(self.KEY))["conll_f1"], 1.0)

    def test_labels_do_not_matter(self):
        renamed = {m: f"x{c}" for m, c in self.KEY.items()}
        self.close(em.ceaf_e(self.KEY, renamed), (1.0, 1.0, 1.0))

    def test_muc(self):
        # Recall: every key chain is whole in the response, 9/9. Precision: {1-5} has its 4
        # links; {6..12} is split in 2 key parts, 5 of 6 links: (4+5)/(4+6).
        self.close(em.muc(self.KEY, self.RESP), (0.9, 1.0, 18 / 19))

    def test_b_cubed(self):
        # Precision: 1-5 score 1; 6,7 score 2/7; 8-12 score 5/7; over 12 mentions = 64/84.
        p = (5 + 2 * 2 / 7 + 5 * 5 / 7) / 12
        self.close(em.b_cubed(self.KEY, self.RESP), (p, 1.0, 2 * p / (p + 1)))

    def test_ceaf_e(self):
        # phi4: K1-R1 = 1, K3-R2 = 10/12, K2-R2 = 4/9; best is 1 + 5/6 = 11/6 over 3 keys / 2 responses.
        s = 11 / 6
        self.close(em.ceaf_e(self.KEY, self.RESP), (s / 2, s / 3, 2 * (s / 2) * (s / 3) / (s / 2 + s / 3)))

    def test_all_singletons_against_one_cluster(self):
        key = assign([1], [2], [3], [4])
        resp = assign([1, 2, 3, 4])
        self.close(em.muc(key, resp), (0.0, 0.0, 0.0))  # no key links to find; 3 response links all wrong
        self.close(em.b_cubed(key, resp), (0.25, 1.0, 0.4))
        # One response cluster matches one key singleton with phi4 = 2/5.
        self.close(em.ceaf_e(key, resp), (0.4, 0.1, 0.16))

    def test_conll_is_the_mean(self):
        s = em.conll(self.KEY, self.RESP)
        self.assertAlmostEqual(s["conll_f1"], (s["muc"][2] + s["b3"][2] + s["ceaf_e"][2]) / 3)


class Assignment(unittest.TestCase):
    def brute(self, w):
        n, m = len(w), len(w[0])
        if n <= m:
            return max(sum(w[i][c] for i, c in enumerate(cols)) for cols in itertools.permutations(range(m), n))
        return max(sum(w[r][j] for j, r in enumerate(rows)) for rows in itertools.permutations(range(n), m))

    def test_textbook_matrix(self):
        w = [[7, 5, 11], [5, 4, 1], [9, 3, 2]]  # best: 11 + 4 + 9 = 24
        total, pairs = em.max_assignment(w)
        self.assertEqual(total, 24)
        self.assertEqual(pairs, [(0, 2), (1, 1), (2, 0)])

    def test_random_against_brute_force(self):
        rng = random.Random(8)
        for _ in range(300):
            n, m = rng.randint(1, 5), rng.randint(1, 5)
            w = [[rng.choice([0, 0, rng.random()]) for _ in range(m)] for _ in range(n)]
            total, pairs = em.max_assignment(w)
            self.assertAlmostEqual(total, self.brute(w), places=9)
            self.assertEqual(len({r for r, _ in pairs}), len(pairs))
            self.assertEqual(len({c for _, c in pairs}), len(pairs))


if __name__ == "__main__":
    unittest.main()
