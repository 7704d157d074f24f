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

In the same simulation, widened to documents of 20 statements and intra-document
correlations up to 0.5, :func:`share_interval` covers 0.90 to 1.00 of the time;
rare outcomes (3 %) that cluster strongly are the exception (0.68 to 0.84 from 10
documents on: most documents then have no hit at all, and nothing shows the
clustering).

A design effect estimated from few documents is itself uncertain, so the effective
counts are shrunk further by the degrees of freedom of the documents (Korn & Graubard
1998, Survey Methodology 24: 193-201): ``(z / t)**2``, with ``t`` Student's quantile on
documents - 1 degrees of freedom. With two documents this leaves little: an interval
from two articles says little about an outlet.

:func:`share_interval` therefore resamples documents only from
:data:`MIN_BOOTSTRAP_DOCUMENTS` documents on and never returns an interval narrower
than the Wilson interval of these effective counts, which it uses alone below that.
:func:`clustered_difference_test` runs the 2×2 test on the same kind of effective
counts, each side shrunk for its own documents' degrees of freedom.

Examples
--------
>>> import numpy as np
>>> hits, statements = np.array([1, 1]), np.array([4, 4])
>>> share_interval(hits, statements).method
'Wilson (effective statements, df-adjusted; fewer than 10 documents)'
>>> design_effect(np.array([4, 0, 4, 0]), np.array([4, 4, 4, 4]))  # all or nothing
4.0
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np
from scipy import stats
from scipy.stats.contingency import expected_freq

from toolkit.arguments import count_argument, level_argument
from toolkit.framing.stats import (
    MIN_EXPECTED,
    DifferenceTest,
    cluster_bootstrap_share,
    cluster_counts,
    difference_test,
)

#: Fewest documents for which :func:`share_interval` resamples documents.
MIN_BOOTSTRAP_DOCUMENTS = 10
BOOTSTRAP = "cluster bootstrap (documents; at least the Wilson interval)"
WILSON = "Wilson (effective statements, df-adjusted; fewer than 10 documents)"
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
        Estimated variance of the pooled share (between ``n`` documents, with the
        ``n / (n - 1)`` correction) over its binomial variance (over ``m``
        statements, with the matching ``m / (m - 1)``, so that documents of one
        statement each give 1), at least 1: a negative intra-document correlation
        is not credited, and at most ``sum(m_i**2) / m``, its value when every
        document is all hits or all misses (the statements per document, for
        documents of one size). 1 when it cannot be estimated: fewer than two
        documents with statements, or a share of 0 or 1.

    Raises
    ------
    ValueError
        When the arrays differ in length, a count is negative or a document has
        more hits than statements.

    Examples
    --------
    >>> design_effect([1, 1, 1], [3, 3, 3])
    1.0
    >>> design_effect([1, 0, 1, 0], [1, 1, 1, 1])
    1.0
    >>> design_effect([3, 0, 3, 0], [3, 3, 3, 3])  # all or nothing: 3 per document
    3.0
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
    estimate = float(between / (share * (1.0 - share) / (total - 1)))
    return min(max(1.0, estimate), _most_clustered(totals))


def _most_clustered(totals: np.ndarray) -> float:
    """Design effect of documents that are all hits or all misses: sum(m²) / m."""
    totals = totals[totals > 0].astype(float)
    return float(np.sum(totals**2) / np.sum(totals))


def df_shrinkage(documents: int, confidence: float = 0.95) -> float:
    """Factor ``(z / t)**2`` that effective counts are multiplied by for few documents.

    ``z`` and ``t`` are the normal and Student quantiles of the two-sided
    ``confidence`` level, ``t`` on ``documents - 1`` degrees of freedom (Korn &
    Graubard 1998). 1 for one document, where no clustering is estimated.

    Parameters
    ----------
    documents : int
        Documents with statements.
    confidence : float
        Confidence level, between 0 and 1.

    Returns
    -------
    float
        Between 0 and 1; near 1 from a few dozen documents on.

    Examples
    --------
    >>> round(df_shrinkage(2), 3), round(df_shrinkage(10), 3), df_shrinkage(1)
    (0.024, 0.751, 1.0)
    """
    documents = count_argument(documents, "documents", minimum=0)
    confidence = level_argument(confidence)
    if documents < 2:
        return 1.0
    quantile = 0.5 + confidence / 2.0
    return float((stats.norm.ppf(quantile) / stats.t.ppf(quantile, documents - 1)) ** 2)


def share_interval(
    successes: object,
    totals: object,
    *,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int | list[int] = 0,
) -> ShareInterval:
    """Interval of a share pooled over documents, widened for few documents.

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
        :func:`design_effect` and multiplied by :func:`df_shrinkage`, but never
        fewer than documents that are all hits or all misses are worth: one
        statement per document, for documents of one size);
        with fewer documents, that Wilson interval alone (with one document, of
        the raw counts: ``method`` says so). No hit gives a lower bound of
        exactly 0, all hits an upper bound of exactly 1.

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
    (0.0, 0.075, 'cluster bootstrap')
    """
    successes, totals = cluster_counts(successes, totals)
    confidence = level_argument(confidence)
    n_resamples = count_argument(n_resamples, "n_resamples", minimum=0)
    if totals.sum() == 0:
        raise ValueError("share_interval: no statements to give a share")
    if n_resamples == 0:
        return ShareInterval(float("nan"), float("nan"), NO_INTERVAL)
    documents = np.count_nonzero(totals)
    effect = _design_effect(successes, totals)
    scale = _shrink_scale(totals, effect, documents, confidence)
    low, high = _wilson(successes.sum() * scale, totals.sum() * scale, confidence)
    if documents < MIN_BOOTSTRAP_DOCUMENTS:
        return ShareInterval(low, high, WILSON if documents > 1 else ONE_DOCUMENT)
    boot_low, boot_high = cluster_bootstrap_share(
        successes, totals, confidence=confidence, n_resamples=n_resamples, seed=seed
    )
    return ShareInterval(min(low, boot_low), max(high, boot_high), BOOTSTRAP)


def clustered_difference_test(
    successes_a: object, totals_a: object, successes_b: object, totals_b: object
) -> DifferenceTest:
    """Test a gap between two shares of statements clustered in documents.

    Each group's hits and statements are divided by its :func:`design_effect`
    (Rao & Scott 1992), so documents that hedge (or accuse, or favour) as a
    block weigh as the fewer independent statements they are worth, and
    multiplied by :func:`df_shrinkage` on that group's documents - 1 degrees of
    freedom (Korn & Graubard 1998, at the 95 % level), since a design effect
    estimated from few documents is itself uncertain. The shares stay as they
    are. :func:`~toolkit.framing.stats.difference_test` then runs on these
    effective counts (chi-square with Yates' correction, or Fisher's exact test
    on the counts rounded to whole statements when an expected count is small).
    At the 5 % level, shrinking the counts by ``(z / t)**2`` is the same as
    reading the chi-square against Student's ``t**2`` instead of ``z**2``.

    Documents that are all hits or all misses are worth at least one statement
    each (for documents of one size), whatever the degrees of freedom.

    In simulation (``benchmarks/interval_coverage.py``) the test rejects at most
    6 % of the time at the 5 % level with 3 to 30 documents per side and a share
    of 0.3, also when one side has 2 documents and the other 20 (the test on
    statements: up to 61 %). Rare shares (5 to 10 %) with intra-document
    correlation 0.5 are rejected 7 to 11 % of the time: most documents then have
    no hit, which hides the clustering. The price is little power with few
    documents.

    The two groups are taken as independent samples of documents. When the same
    articles hold statements of both sides, the test ignores that pairing: if an
    article that hedges one side tends to hedge the other too, the test is
    cautious; if it tends to hedge one side in place of the other, it is bold.

    The p-value is never below that of the raw counts
    (:func:`~toolkit.framing.stats.difference_test`): clustering can only remove
    evidence. With one document in all, the raw test is returned.

    Parameters
    ----------
    successes_a, totals_a, successes_b, totals_b : array-like of int
        Per document of each group: hits and statements.

    Returns
    -------
    DifferenceTest
        As :func:`~toolkit.framing.stats.difference_test` (``"chi2"``,
        ``"fisher_exact"``, or ``"none"`` when a group has no statement), on the
        effective counts; on the raw counts when each group has one document
        (no clustering to estimate). ``design_effect`` holds the two groups'
        design effects. Where the raw counts give a larger p-value, ``p_value``
        is that one and ``test`` and ``statistic`` stay those of the effective
        counts.

    Examples
    --------
    Half the statements of group a are hedged, against 2 of 24 in group b. Spread
    evenly over a's six documents, the gap is clear; in three fully hedged
    documents, it rests on three articles, not twelve statements:

    >>> n, b = [4] * 6, [0, 1, 0, 0, 1, 0]
    >>> spread = clustered_difference_test([2] * 6, n, b, n)
    >>> blocks = clustered_difference_test([4, 4, 4, 0, 0, 0], n, b, n)
    >>> spread.test, spread.design_effect, round(spread.p_value, 3)
    ('fisher_exact', (1.0, 1.0), 0.033)
    >>> blocks.test, blocks.design_effect, round(blocks.p_value, 3)
    ('fisher_exact', (4.0, 1.0), 0.061)
    """
    checked = [
        cluster_counts(successes_a, totals_a),
        cluster_counts(successes_b, totals_b),
    ]
    effects = tuple(_design_effect(hits, total) for hits, total in checked)
    sums = np.array([[hits.sum(), total.sum()] for hits, total in checked], dtype=int)
    raw = difference_test(*sums.ravel().tolist())._replace(design_effect=effects)
    documents = [np.count_nonzero(total) for _, total in checked]
    if raw.test == "none" or max(documents) < 2:
        return raw
    scale = [
        _shrink_scale(total, effect, n)
        for (_, total), effect, n in zip(checked, effects, documents, strict=True)
    ]
    hits, trials = (sums * np.array(scale)[:, None]).T
    table = np.column_stack([hits, trials - hits])
    if expected_freq(table).min() >= MIN_EXPECTED:
        chi2, p_value, _, _ = stats.chi2_contingency(table, correction=True)
        test = DifferenceTest("chi2", float(chi2), float(p_value), effects)
    else:
        whole = np.maximum(1, np.round(trials)).astype(int)
        kept = np.round(hits / trials * whole).astype(int)
        fisher = difference_test(kept[0], whole[0], kept[1], whole[1])
        test = fisher._replace(test="fisher_exact", design_effect=effects)
    return test if test.p_value >= raw.p_value else test._replace(p_value=raw.p_value)


def _shrink_scale(
    totals: np.ndarray, effect: float, documents: int, confidence: float = 0.95
) -> float:
    """What statements are multiplied by to give effective statements.

    ``df_shrinkage / effect``, but never below ``1 / _most_clustered``: documents
    that are all hits or all misses are worth at least one statement each (for
    documents of one size), whatever the degrees of freedom. Never above
    ``1 / effect`` either, since ``effect`` is capped at ``_most_clustered``.
    """
    return max(
        1.0 / _most_clustered(totals), df_shrinkage(documents, confidence) / effect
    )


def _wilson(successes: float, total: float, confidence: float) -> tuple[float, float]:
    """Wilson score interval; counts may be fractional (effective counts).

    The bounds always hold the share: exactly 0 with no hit and 1 with all hits,
    where rounding would otherwise leave them a hair inside.
    """
    z = stats.norm.ppf(0.5 + confidence / 2.0)
    share = successes / total
    centre = (share + z**2 / (2 * total)) / (1 + z**2 / total)
    half = (
        z
        / (1 + z**2 / total)
        * np.sqrt(share * (1 - share) / total + z**2 / (4 * total**2))
    )
    low = 0.0 if successes == 0 else max(0.0, min(share, centre - half))
    high = 1.0 if successes == total else min(1.0, max(share, centre + half))
    return float(low), float(high)
