"""Interval and test helpers: cluster bootstrap, Wilson interval, 2×2 test, Holm.

Examples
--------
>>> import numpy as np
>>> low, high = cluster_bootstrap_share(np.array([0, 1, 2]), np.array([4, 4, 4]))
>>> bool(0 <= low <= 0.25 <= high <= 1)
True
>>> difference_test(1, 3, 0, 5).test
'fisher_exact'
>>> holm_adjust([0.01, 0.04, 0.03]).round(2).tolist()
[0.03, 0.06, 0.06]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from scipy import stats
from scipy.stats.contingency import expected_freq

from toolkit.arguments import count_argument, level_argument

#: Below this smallest expected cell count the 2×2 test is Fisher's exact test.
MIN_EXPECTED = 5.0
#: Bootstrap picks held in memory at once by :func:`cluster_bootstrap_share`.
BLOCK_CELLS = 2_000_000


class DifferenceTest(NamedTuple):
    """Result of :func:`difference_test`.

    Examples
    --------
    >>> result = difference_test(40, 100, 70, 100)
    >>> result.test, round(result.statistic, 2), result.p_value < 0.001
    ('chi2', 16.99, True)
    """

    test: str
    statistic: float
    p_value: float
    #: Design effects the counts were divided by
    #: (:func:`toolkit.framing.clustered.clustered_difference_test`); 1 for raw counts.
    design_effect: tuple[float, float] = (1.0, 1.0)


def cluster_bootstrap_share(
    successes: object,
    totals: object,
    *,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int | list[int] = 0,
) -> tuple[float, float]:
    """Percentile interval of a pooled share, resampling whole clusters.

    With few clusters it covers less than ``confidence``, and it is a point when
    every cluster has the same share:
    :func:`toolkit.framing.clustered.share_interval` guards against both.

    Parameters
    ----------
    successes, totals : array-like of int
        Per cluster (document): the number of hits and of trials.
    confidence : float
        Confidence level of the interval, between 0 and 1.
    n_resamples : int
        Number of bootstrap resamples, at least 1.
    seed : int or list of int
        Seed of ``numpy.random.default_rng``: the same seed gives the same interval.

    Returns
    -------
    tuple of float
        ``(low, high)``.

    Raises
    ------
    ValueError
        When ``confidence`` or ``n_resamples`` is out of range, the counts are
        inconsistent (see :func:`cluster_counts`), or there are no trials.

    Examples
    --------
    >>> cluster_bootstrap_share([1, 1], [2, 2])  # no variation: a point
    (0.5, 0.5)
    """
    successes, totals = cluster_counts(successes, totals)
    confidence = level_argument(confidence)
    n_resamples = count_argument(n_resamples, "n_resamples")
    keep = totals > 0  # a cluster without trials holds nothing to resample
    successes, totals = successes[keep], totals[keep]
    n = len(totals)
    if n == 0:
        raise ValueError("cluster_bootstrap_share: no trials to resample")
    rng = np.random.default_rng(seed)
    # Draw the resamples in blocks of about BLOCK_CELLS picks: memory stays flat for
    # 100k documents, and the random stream (hence the interval) is the same.
    rows = max(1, BLOCK_CELLS // max(n, 1))
    shares = np.empty(n_resamples)
    for start in range(0, n_resamples, rows):
        stop = min(start + rows, n_resamples)
        picks = rng.integers(0, n, size=(stop - start, n))
        shares[start:stop] = successes[picks].sum(axis=1) / totals[picks].sum(axis=1)
    alpha = (1.0 - confidence) / 2.0
    low, high = np.quantile(shares, [alpha, 1.0 - alpha])
    return float(low), float(high)


def cluster_counts(successes: object, totals: object) -> tuple[np.ndarray, np.ndarray]:
    """Per-cluster hits and trials as float arrays, checked against each other.

    Raises
    ------
    ValueError
        When the two differ in length, are not one-dimensional, hold a negative,
        missing or fractional count, or a cluster has more hits than trials.

    Examples
    --------
    >>> cluster_counts([1, 0], [2, 3])
    (array([1., 0.]), array([2., 3.]))
    >>> cluster_counts([3], [2])
    Traceback (most recent call last):
    ...
    ValueError: successes: cluster 0 has more hits (3) than trials (2)
    """
    arrays = []
    for name, values in (("successes", successes), ("totals", totals)):
        array = np.asarray(values, dtype=float)
        if array.ndim != 1:
            raise ValueError(f"{name}: expected one count per cluster, a 1-D array")
        bad = ~np.isfinite(array) | (array < 0) | (array != np.round(array))
        if bad.any():
            first = int(np.flatnonzero(bad)[0])
            raise ValueError(
                f"{name}: cluster {first} has {array[first]:g}, not a count "
                "(a whole number, 0 or more)"
            )
        arrays.append(array)
    hits, trials = arrays
    if len(hits) != len(trials):
        raise ValueError(
            f"successes and totals differ in length ({len(hits)} and {len(trials)}); "
            "give one of each per cluster"
        )
    over = np.flatnonzero(hits > trials)
    if len(over):
        first = int(over[0])
        raise ValueError(
            f"successes: cluster {first} has more hits ({hits[first]:g}) than trials "
            f"({trials[first]:g})"
        )
    return hits, trials


def wilson_interval(
    successes: int, total: int, *, confidence: float = 0.95
) -> tuple[float, float]:
    """Wilson score interval of ``successes / total``.

    Raises
    ------
    ValueError
        When ``total`` is below 1, ``successes`` is not between 0 and ``total``,
        or ``confidence`` is not between 0 and 1.

    Examples
    --------
    >>> low, high = wilson_interval(0, 5)
    >>> low, round(high, 3)
    (0.0, 0.434)
    """
    successes, total = _hits_and_trials(successes, total, "successes", "total")
    confidence = level_argument(confidence)
    if total < 1:
        raise ValueError("argument 'total' must be at least 1 to give a share")
    result = stats.binomtest(successes, total)
    interval = result.proportion_ci(confidence_level=confidence, method="wilson")
    return float(interval.low), float(interval.high)


def difference_test(
    successes_a: int, total_a: int, successes_b: int, total_b: int
) -> DifferenceTest:
    """Test whether two shares differ, on the 2×2 table of hits and misses.

    Fisher's exact test when an expected cell count is below
    :data:`MIN_EXPECTED` (its statistic is the sample odds ratio), Pearson's
    chi-square with Yates' correction otherwise. Rows are treated as independent:
    with many statements per document the p-value is optimistic.

    Parameters
    ----------
    successes_a, total_a, successes_b, total_b : int
        Hits and trials of the two groups.

    Returns
    -------
    DifferenceTest
        ``test`` (``"fisher_exact"`` or ``"chi2"``), ``statistic``, ``p_value``;
        NaN statistic and p-value when a group is empty.

    Raises
    ------
    ValueError
        When a count is negative or a group has more hits than trials.

    Examples
    --------
    >>> round(difference_test(1, 3, 0, 5).p_value, 3)
    0.375
    >>> difference_test(40, 100, 70, 100).test
    'chi2'
    """
    successes_a, total_a = _hits_and_trials(
        successes_a, total_a, "successes_a", "total_a"
    )
    successes_b, total_b = _hits_and_trials(
        successes_b, total_b, "successes_b", "total_b"
    )
    table = np.array(
        [[successes_a, total_a - successes_a], [successes_b, total_b - successes_b]]
    )
    if total_a == 0 or total_b == 0:
        return DifferenceTest("none", float("nan"), float("nan"))
    if expected_freq(table).min() < MIN_EXPECTED:
        odds, p_value = stats.fisher_exact(table)
        return DifferenceTest("fisher_exact", float(odds), float(p_value))
    chi2, p_value, _, _ = stats.chi2_contingency(table, correction=True)
    return DifferenceTest("chi2", float(chi2), float(p_value))


def holm_adjust(p_values: object) -> np.ndarray:
    """Holm's step-down adjustment of a family of p-values.

    Rejecting every hypothesis whose adjusted p-value is below ``alpha`` keeps
    the chance of any false rejection in the family at most ``alpha``, whatever
    the dependence between the tests. NaN p-values (tests not done) stay NaN and
    do not count in the family's size.

    Parameters
    ----------
    p_values : array-like of float
        One p-value per test, each between 0 and 1, or NaN.

    Returns
    -------
    numpy.ndarray
        The adjusted p-values, in the input order.

    Raises
    ------
    ValueError
        When a p-value is outside [0, 1] or the input is not one-dimensional.

    Examples
    --------
    >>> holm_adjust([0.01, float("nan"), 0.02, 0.5]).round(2).tolist()
    [0.03, nan, 0.04, 0.5]
    """
    values = np.asarray(p_values, dtype=float)
    if values.ndim != 1:
        raise ValueError(
            f"argument 'p_values': expected one p-value per test, got shape "
            f"{values.shape}"
        )
    done = ~np.isnan(values)
    tested = values[done]
    outside = (tested < 0) | (tested > 1)
    if outside.any():
        bad = float(tested[outside][0])
        raise ValueError(f"argument 'p_values': {bad!r} is not between 0 and 1")
    adjusted = np.full(values.shape, np.nan)
    order = np.argsort(tested, kind="stable")
    factors = len(tested) - np.arange(len(tested))
    stepped = np.maximum.accumulate(factors * tested[order])
    result = np.empty(len(tested))
    result[order] = np.minimum(stepped, 1.0)
    adjusted[done] = result
    return adjusted


def _hits_and_trials(
    successes: object, total: object, hits_name: str, total_name: str
) -> tuple[int, int]:
    successes = count_argument(successes, hits_name, minimum=0)
    total = count_argument(total, total_name, minimum=0)
    if successes > total:
        raise ValueError(
            f"argument {hits_name!r} ({successes}) exceeds {total_name!r} ({total})"
        )
    return successes, total
