"""How often the framing intervals cover the truth, and how often the test cries wolf.

Simulates documents of 7 or 20 statements whose hedged share varies between
documents (beta-binomial, intra-document correlation ``rho``) and measures:

* the coverage of nominal 95 % intervals for one side's share: the plain document
  bootstrap (:func:`toolkit.framing.stats.cluster_bootstrap_share`) against what
  :func:`toolkit.framing.hedging_by_side` reports
  (:func:`toolkit.framing.clustered.share_interval`), for 2 to 30 documents;
* the false-positive rate at 5 % of the 2×2 test of two sides with the same share,
  3 to 30 documents each, and unbalanced sides (2 against 20) and rare shares (5 and
  10 %): statements taken as independent
  (:func:`toolkit.framing.difference_test`) against the clustered test
  (:func:`toolkit.framing.clustered_difference_test`).

Run: ``python benchmarks/interval_coverage.py`` (about a minute); writes
``benchmarks/results/coverage.md``.
"""

from __future__ import annotations

import time

import numpy as np
from _common import header, table, write

from toolkit.framing import clustered_difference_test, difference_test, share_interval
from toolkit.framing.stats import cluster_bootstrap_share

#: Statements per simulated document.
LENGTHS = (7, 20)
REPLICATIONS = 400
TEST_REPLICATIONS = 1000
RESAMPLES = 500


def documents(
    rng: np.random.Generator, n: int, share: float, rho: float, statements: int
):
    """Hits and statements of ``n`` documents with intra-document correlation ``rho``."""
    if rho == 0:
        shares = np.full(n, share)
    else:
        shares = rng.beta(share * (1 - rho) / rho, (1 - share) * (1 - rho) / rho, n)
    return rng.binomial(statements, shares), np.full(n, statements)


def coverage_rows(rng: np.random.Generator) -> list[list[object]]:
    rows = []
    for statements in LENGTHS:
        for share in (0.3, 0.03):
            for rho in (0.0, 0.2, 0.5):
                for n in (2, 3, 5, 10, 30):
                    plain = reported = 0
                    for _ in range(REPLICATIONS):
                        hits, totals = documents(rng, n, share, rho, statements)
                        low, high = cluster_bootstrap_share(
                            hits, totals, n_resamples=RESAMPLES
                        )
                        plain += low <= share <= high
                        low, high, _ = share_interval(
                            hits, totals, n_resamples=RESAMPLES
                        )
                        reported += low <= share <= high
                    rows.append(
                        [statements, share, rho, n]
                        + [f"{x / REPLICATIONS:.2f}" for x in (plain, reported)]
                    )
    return rows


#: Unbalanced sides and rare shares: (documents a, documents b, share), 20 statements
#: per document, intra-document correlation 0.5.
HARD_TEST_CASES = (
    (2, 20, 0.3),
    (3, 30, 0.3),
    (5, 30, 0.3),
    (10, 10, 0.1),
    (10, 10, 0.05),
    (30, 30, 0.1),
    (30, 30, 0.05),
)


def test_rows(rng: np.random.Generator) -> list[list[object]]:
    cases = [
        (statements, 0.3, rho, n, n)
        for statements in LENGTHS
        for rho in (0.0, 0.2, 0.5)
        for n in (3, 5, 10, 30)
    ]
    cases += [(20, share, 0.5, a, b) for a, b, share in HARD_TEST_CASES]
    rows = []
    for statements, share, rho, n_a, n_b in cases:
        plain = adjusted = 0
        for _ in range(TEST_REPLICATIONS):
            hits_a, totals_a = documents(rng, n_a, share, rho, statements)
            hits_b, totals_b = documents(rng, n_b, share, rho, statements)
            counts = (hits_a.sum(), totals_a.sum(), hits_b.sum(), totals_b.sum())
            plain += difference_test(*counts).p_value < 0.05
            test = clustered_difference_test(hits_a, totals_a, hits_b, totals_b)
            adjusted += test.p_value < 0.05
        rows.append(
            [statements, share, rho, f"{n_a} and {n_b}"]
            + [f"{x / TEST_REPLICATIONS:.3f}" for x in (plain, adjusted)]
        )
    return rows


def main() -> None:
    start = time.perf_counter()
    rng = np.random.default_rng(0)
    lines = header(
        "Coverage of the framing intervals and level of the test", ["numpy", "scipy"]
    )
    lines += [
        f"Simulated documents of {' or '.join(map(str, LENGTHS))} statements; "
        f"{REPLICATIONS} replications "
        f"per row ({RESAMPLES} bootstrap resamples each), {TEST_REPLICATIONS} for the "
        "test. rho: intra-document correlation of hedging.",
        "",
        "## Coverage of nominal 95 % intervals for one side's hedged share",
        "",
        *table(
            [
                "statements per document",
                "true share",
                "rho",
                "documents",
                "plain document bootstrap",
                "hedging_by_side (share_interval)",
            ],
            coverage_rows(rng),
        ),
        "",
        "## False positives at 5 %: two sides with the same share",
        "",
        *table(
            [
                "statements per document",
                "share",
                "rho",
                "documents per side",
                "statements as independent",
                "clustered_difference_test",
            ],
            test_rows(rng),
        ),
        "",
        f"({time.perf_counter() - start:.0f} s)",
    ]
    write("coverage.md", lines)


if __name__ == "__main__":
    main()
