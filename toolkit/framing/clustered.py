"""Shares of statements clustered in documents: interval and test of a gap.

Statements of one article are not independent: an outlet that hedges in one story
tends to hedge throughout it. Treating them as independent makes intervals too narrow
and p-values too small. Two tools account for it:

* the **design effect** of a share (Rao & Scott 1992, Biometrics 48: 577-585): the
  between-document variance of the pooled share over the binomial variance. Dividing
  hits and statements by it gives *effective counts* that ordinary formulas can use;
* the **document bootstrap**, which resamples whole documents. With few documents it
  covers far less than its nominal level (for a nominal 95 %, about 45 % with two
  documents, 84 % with five and 91 % with ten in a simulation of seven statements per
  document, ``benchmarks/results/coverage.md``), and it collapses to a point when
  every document has the same share (no hit at all, say).

:func:`share_interval` therefore resamples documents only from
:data:`MIN_BOOTSTRAP_DOCUMENTS` documents on and never returns an interval narrower
than the Wilson interval of the effective counts, which it uses alone below that.
:func:`clustered_difference_test` runs :func:`~toolkit.framing.stats.difference_test`
on the effective counts.

Examples
--------
>>> import numpy as np
>>> hits, statements = np.array([1, 1]), np.array([4, 4])
>>> share_interval(hits, statements).method
'Wilson (effective statements; fewer than 10 documents)'
>>> round(design_effect(np.array([4, 0, 4, 0]), np.array([4, 4, 4, 4])), 2)
5.33
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np
from scipy import stats

from toolkit.arguments import count_argument, level_argument
from toolkit.framing.stats import (
    DifferenceTest,
    cluster_bootstrap_share,
    cluster_counts,
    difference_test,
)

#: Fewest documents for which :func:`share_interval` resamples documents.
MIN_BOOTSTRAP_DOCUMENTS = 10
BOOTSTRAP = "cluster bootstrap (documents; at least the Wilson interval)"
WILSON = "Wilson (effective statements; fewer than 10 documents)"
ONE_DOCUMENT = "Wilson (statements of one document; clustering not estimable)"
NO_INTERVAL = "none (n_resamples=0)"


class OneDocumentWarning(UserWarning):
    """A side's statements all come from one document.

    Clustering cannot be estimated from one document, so its intervals and tests
    treat the statements as independent: they describe that document, not the
    outlet.
    """


def warn_one_document(documents: dict[str, int], caller: str) -> None:
    """Warn (:class:`OneDocumentWarning`) about sides with statements from one document.

    Parameters
    ----------
    documents : dict of str to int
        Side -> number of documents holding its statements.
    caller : str
        Function name that starts the message.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_one_document({"government": 1, "sdc": 12}, "compare_sides")
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    compare_sides: the government statements come from one document: ...
    """
    single = [side for side, n in documents.items() if n == 1]
    if single:
        warnings.warn(
            f"{caller}: the {' and '.join(single)} statements come from one document: "
            "how statements of one document cluster cannot be estimated from it, so "
            "the intervals and tests treat them as independent. They describe this "
            "document, not the outlet.",
            OneDocumentWarning,
            stacklevel=3,
        )


class ShareInterval(NamedTuple):
    """Result of :func:`share_interval`: bounds and the method that gave them.

    Examples
    --------
    >>> share_interval([0], [3], n_resamples=0)
    ShareInterval(low=nan, high=nan, method='none (n_resamples=0)')
    """

    low: float
    high: float
    method: str


def design_effect(successes: object, totals: object) -> float:
    """Rao-Scott design effect of a share pooled over documents.

    Parameters
    ----------
    successes, totals : array-like of int
        Per document: hits and statements.

    Returns
    -------
    float
        Estimated variance of the pooled share (between documents, with the
        ``n / (n - 1)`` correction) over its binomial variance, at least 1: a
        negative intra-document correlation is not credited. 1 when it cannot be
        estimated: fewer than two documents with statements, or a share of 0 or 1.

    Raises
    ------
    ValueError
        When the arrays differ in length, a count is negative or a document has
        more hits than statements.

    Examples
    --------
    >>> design_effect([1, 1, 1], [3, 3, 3])
    1.0
    >>> round(design_effect([3, 0, 3, 0], [3, 3, 3, 3]), 2)
    4.0
    """
    return _design_effect(*cluster_counts(successes, totals))


def _design_effect(successes: np.ndarray, totals: np.ndarray) -> float:
    """:func:`design_effect` of counts already checked by ``cluster_counts``."""
    keep = totals > 0
    successes, totals = successes[keep], totals[keep]
    n, total = len(totals), totals.sum()
    if n < 2:
        return 1.0
    share = successes.sum() / total
    if share in (0.0, 1.0):
        return 1.0
    between = n / (n - 1) * np.sum((successes - share * totals) ** 2) / total**2
    return max(1.0, float(between / (share * (1.0 - share) / total)))


def share_interval(
    successes: object,
    totals: object,
    *,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int | list[int] = 0,
) -> ShareInterval:
    """Interval of a share pooled over documents, honest with few documents.

    Parameters
    ----------
    successes, totals : array-like of int
        Per document: hits and statements.
    confidence : float
        Confidence level, between 0 and 1.
    n_resamples : int
        Bootstrap resamples; 0 gives NaN bounds.
    seed : int or list of int
        Seed of the resampling.

    Returns
    -------
    ShareInterval
        ``low``, ``high`` and ``method``: from :data:`MIN_BOOTSTRAP_DOCUMENTS`
        documents on, the document bootstrap widened, where it is narrower, to the
        Wilson interval of the effective counts (hits and statements divided by
        :func:`design_effect`); with fewer documents, that Wilson interval alone
        (with one document, of the raw counts: ``method`` says so).

    Raises
    ------
    ValueError
        When there are no statements, the arrays differ in length, a count is
        negative, a document has more hits than statements, or an argument is out
        of range.

    Examples
    --------
    >>> low, high, method = share_interval([0] * 12, [5] * 12)
    >>> low, round(high, 3), method.split(" (")[0]
    (0.0, 0.06, 'cluster bootstrap')
    """
    successes, totals = cluster_counts(successes, totals)
    confidence = level_argument(confidence)
    n_resamples = count_argument(n_resamples, "n_resamples", minimum=0)
    if totals.sum() == 0:
        raise ValueError("share_interval: no statements to give a share")
    if n_resamples == 0:
        return ShareInterval(float("nan"), float("nan"), NO_INTERVAL)
    effect = _design_effect(successes, totals)
    low, high = _wilson(successes.sum() / effect, totals.sum() / effect, confidence)
    documents = np.count_nonzero(totals)
    if documents < MIN_BOOTSTRAP_DOCUMENTS:
        return ShareInterval(low, high, WILSON if documents > 1 else ONE_DOCUMENT)
    boot_low, boot_high = cluster_bootstrap_share(
        successes, totals, confidence=confidence, n_resamples=n_resamples, seed=seed
    )
    return ShareInterval(min(low, boot_low), max(high, boot_high), BOOTSTRAP)


def clustered_difference_test(
    successes_a: object, totals_a: object, successes_b: object, totals_b: object
) -> DifferenceTest:
    """:func:`~toolkit.framing.stats.difference_test` on effective counts.

    Each group's hits and statements are divided by its :func:`design_effect` and
    rounded (Rao & Scott 1992), so documents that hedge (or accuse, or favour) as a
    block weigh as the fewer independent statements they are worth.

    Parameters
    ----------
    successes_a, totals_a, successes_b, totals_b : array-like of int
        Per document of each group: hits and statements.

    Returns
    -------
    DifferenceTest
        As :func:`~toolkit.framing.stats.difference_test`, with ``design_effect``
        holding the two groups' design effects.

    Examples
    --------
    Half the statements of group a are hedged, against 2 of 24 in group b. Spread
    evenly over a's six documents, the gap is clear; in three fully hedged
    documents, it rests on three articles, not twelve statements:

    >>> n, b = [4] * 6, [0, 1, 0, 0, 1, 0]
    >>> spread = clustered_difference_test([2] * 6, n, b, n)
    >>> blocks = clustered_difference_test([4, 4, 4, 0, 0, 0], n, b, n)
    >>> spread.design_effect, round(spread.p_value, 3)
    ((1.0, 1.0), 0.004)
    >>> blocks.design_effect, round(blocks.p_value, 3)
    ((4.8, 1.0), 0.127)
    """
    counts, effects = [], []
    for hits, total in ((successes_a, totals_a), (successes_b, totals_b)):
        hits, total = cluster_counts(hits, total)
        effects.append(_design_effect(hits, total))
        counts += [round(hits.sum() / effects[-1]), round(total.sum() / effects[-1])]
    return difference_test(*counts)._replace(design_effect=tuple(effects))


def _wilson(successes: float, total: float, confidence: float) -> tuple[float, float]:
    """Wilson score interval; counts may be fractional (effective counts)."""
    z = stats.norm.ppf(0.5 + confidence / 2.0)
    share = successes / total
    centre = (share + z**2 / (2 * total)) / (1 + z**2 / total)
    half = (
        z
        / (1 + z**2 / total)
        * np.sqrt(share * (1 - share) / total + z**2 / (4 * total**2))
    )
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))
