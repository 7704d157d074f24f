"""Shares of statements clustered in documents: design effect, interval, test."""

from __future__ import annotations

import itertools
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import chi2_contingency

from toolkit.corpus.schema import (
    DOC_ID,
    GOVERNMENT,
    HEDGED,
    SDC,
    SIDE,
    STANCE,
    TEXT,
    VERB,
    VERB_FRAME,
)
from toolkit.framing import columns as col
from toolkit.framing import compare_sides, difference_test, hedging_by_side
from toolkit.framing.clustered import (
    MIN_BOOTSTRAP_DOCUMENTS,
    ONE_DOCUMENT,
    WILSON,
    OneDocumentWarning,
    clustered_difference_test,
    design_effect,
    df_shrinkage,
    share_interval,
)
from toolkit.framing.stats import cluster_bootstrap_share, wilson_interval
from toolkit.plotting import plot_hedging_by_side


def wilson_by_hand(hits: float, total: float) -> tuple[float, float]:
    """95 % Wilson score interval, counts possibly fractional: the shares ``q`` whose
    score test accepts, the roots of (p - q)**2 = z**2 q (1 - q) / n."""
    z2, share = 1.959963984540054**2, hits / total
    low, high = sorted(np.roots([1 + z2 / total, -(2 * share + z2 / total), share**2]))
    return float(np.real(low)), float(np.real(high))


def documents(rng: np.random.Generator, n: int, share: float, rho: float):
    """Hits of ``n`` documents of 7 statements, intra-document correlation ``rho``."""
    a, b = share * (1 - rho) / rho, (1 - share) * (1 - rho) / rho
    return rng.binomial(7, rng.beta(a, b, n)), np.full(n, 7)


def test_design_effect_by_hand():
    # shares 1, 0, 1, 0 over four documents of three: p = 0.5, every residual 1.5;
    # between = 4/3 * 4 * 1.5**2 / 12**2 = 1/12, binomial = 0.25 / (12 - 1) = 1/44:
    # 11/3, more than all-or-nothing documents of three can give, sum(m²)/m = 3
    assert design_effect([3, 0, 3, 0], [3, 3, 3, 3]) == pytest.approx(3.0)
    assert design_effect([3, 1, 2, 0], [3, 3, 3, 3]) == pytest.approx(11 / 3 * 5 / 9)
    assert design_effect([4, 0, 1], [4, 4, 1]) == pytest.approx(33 / 9)  # capped
    # documents of one statement cannot cluster: 1, not n / (n - 1)
    assert design_effect([1, 0, 1, 0], [1, 1, 1, 1]) == pytest.approx(1.0)
    assert design_effect([1, 0], [1, 1]) == pytest.approx(1.0)
    # identical documents: less variation than binomial, not credited
    assert design_effect([1, 1, 1], [3, 3, 3]) == 1.0
    # cannot be estimated: one document, or no hit at all
    assert design_effect([2], [5]) == 1.0
    assert design_effect([0, 0], [5, 5]) == 1.0


def test_two_documents_with_the_same_share_are_not_a_point():
    """The bootstrap of two identical articles is a point; the interval is not."""
    two = pd.DataFrame(
        {DOC_ID: list("aaaabbbb"), SIDE: [SDC] * 8, HEDGED: [1, 0, 0, 0] * 2}
    )
    assert cluster_bootstrap_share([1, 1], [4, 4]) == (0.25, 0.25)
    split = hedging_by_side(two).set_index(SIDE)
    whole = hedging_by_side(two.assign(doc_id="a")).set_index(SIDE)
    assert split.at[SDC, col.CI_LOW] < 0.25 < split.at[SDC, col.CI_HIGH]
    # no measurable clustering, but a design effect from two documents is itself
    # uncertain (1 degree of freedom): wider than the 8 statements of one article
    # (taken as independent). 8 * df_shrinkage(2) is below 1 statement per
    # document, so the two documents count as two statements with the share 1/4
    assert 8 * df_shrinkage(2) < 2
    assert split.at[SDC, col.CI_LOW] < whole.at[SDC, col.CI_LOW]
    assert split.at[SDC, col.CI_HIGH] > whole.at[SDC, col.CI_HIGH]
    expected = wilson_by_hand(0.5, 2)
    assert split.at[SDC, col.CI_LOW] == pytest.approx(expected[0])
    assert split.at[SDC, col.CI_HIGH] == pytest.approx(expected[1])


def test_few_documents_shrink_the_effective_counts_by_their_degrees_of_freedom():
    hits, totals = [1, 2, 1, 2, 1], [10] * 5  # design effect 1, 5 documents
    assert design_effect(hits, totals) == 1.0
    shrink = df_shrinkage(5)  # (1.96 / t(0.975, 4)) ** 2
    assert shrink == pytest.approx((1.959964 / 2.776445) ** 2)
    low, high, _ = share_interval(hits, totals)
    assert (low, high) == pytest.approx(wilson_by_hand(7 * shrink, 50 * shrink))


@pytest.mark.parametrize("statements", [7, 9, 12, 14, 18, 24])
@pytest.mark.parametrize("documents", [2, 3, 9])
def test_no_hit_gives_exactly_0_and_all_hits_exactly_1(statements, documents):
    totals = [statements // documents] * documents
    totals[0] += statements - sum(totals)
    low, high, _ = share_interval([0] * documents, totals)
    assert low == 0.0 and high > 0
    low, high, _ = share_interval(totals, totals)
    assert high == 1.0 and low < 1


def test_a_side_without_hedging_in_few_articles_can_be_plotted():
    """The Wilson bound at 0 hits was +3e-17, and matplotlib refused the error bar."""
    table = pd.DataFrame(
        {
            DOC_ID: list("aaaabbbccccddd"),
            SIDE: [SDC] * 7 + [GOVERNMENT] * 7,
            HEDGED: [0] * 7 + [1, 0, 0, 0, 1, 0, 0],
        }
    )
    hedging = hedging_by_side(table)
    assert (hedging[col.CI_LOW] <= hedging[col.SHARE]).all()
    assert (hedging[col.SHARE] <= hedging[col.CI_HIGH]).all()
    ax = plot_hedging_by_side(hedging)
    plt.close(ax.figure)


def test_no_hit_in_many_documents_still_has_an_upper_bound():
    low, high, method = share_interval([0] * 30, [5] * 30)
    assert method.startswith("cluster bootstrap")
    assert low == 0.0
    shrink = df_shrinkage(30)
    assert high == pytest.approx(wilson_by_hand(0, 150 * shrink)[1])


def test_few_documents_use_wilson_of_the_effective_counts():
    hits, totals = [6, 0, 6, 0], [6, 6, 6, 6]  # share 0.5 in two blocks
    low, high, method = share_interval(hits, totals)
    assert method.startswith("Wilson")
    assert len(hits) < MIN_BOOTSTRAP_DOCUMENTS
    effect = design_effect(hits, totals)
    assert effect > 3
    naive = wilson_interval(12, 24)
    assert high - low > 1.5 * (naive[1] - naive[0])  # about 24 / effect statements


def test_interval_covers_with_few_correlated_documents():
    """Simulated coverage: 5 documents, intra-document correlation 0.2."""
    rng = np.random.default_rng(0)
    covered = bootstrap_covered = 0
    for _ in range(200):
        hits, totals = documents(rng, 5, 0.3, 0.2)
        low, high, _ = share_interval(hits, totals, n_resamples=300)
        covered += low <= 0.3 <= high
        low, high = cluster_bootstrap_share(hits, totals, n_resamples=300)
        bootstrap_covered += low <= 0.3 <= high
    assert covered / 200 >= 0.88
    assert (
        bootstrap_covered < covered
    )  # the plain bootstrap is the one that falls short


def test_clustered_test_keeps_its_level_when_documents_cluster():
    """Both sides share 0.3; 30 documents each, intra-document correlation 0.2."""
    rng = np.random.default_rng(1)
    raw = clustered = 0
    for _ in range(400):
        hits_a, totals_a = documents(rng, 30, 0.3, 0.2)
        hits_b, totals_b = documents(rng, 30, 0.3, 0.2)
        plain = difference_test(
            hits_a.sum(), totals_a.sum(), hits_b.sum(), totals_b.sum()
        )
        raw += plain.p_value < 0.05
        adjusted = clustered_difference_test(hits_a, totals_a, hits_b, totals_b)
        clustered += adjusted.p_value < 0.05
    assert raw / 400 > 0.09  # statements taken as independent: too many false alarms
    assert clustered / 400 < 0.07


def test_without_clustering_each_side_is_shrunk_for_its_documents_df():
    per_doc = [6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5], [12] * 12
    other = [2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3], [12] * 12
    assert design_effect(*per_doc) == design_effect(*other) == 1.0
    adjusted = clustered_difference_test(*per_doc, *other)
    shrink = df_shrinkage(12)  # (z / t(0.975, 11)) ** 2
    expected = difference_test(66, 144, 30, 144)  # the chi-square, on scaled counts:
    table = np.array([[66, 78], [30, 114]]) * shrink
    chi2, p_value, _, _ = chi2_contingency(table, correction=True)
    assert (expected.test, adjusted.test) == ("chi2", "chi2")
    assert adjusted.statistic == pytest.approx(chi2)
    assert adjusted.p_value == pytest.approx(p_value)
    assert expected.p_value < adjusted.p_value  # a little more cautious
    assert adjusted.design_effect == (1.0, 1.0)


def test_one_document_per_side_is_the_plain_test_and_says_which():
    """The clustered test used to call a chi-square 'fisher_exact' here."""
    adjusted = clustered_difference_test([40], [100], [70], [100])
    assert adjusted == difference_test(40, 100, 70, 100)._replace(
        design_effect=(1.0, 1.0)
    )
    assert adjusted.test == "chi2"


def test_a_larger_gap_across_the_switch_to_fisher_gives_a_smaller_p_value():
    """Two branches with different small-sample corrections made p jump (0.475 to
    1.0 when one side gained two hedged statements); both now use the same
    effective counts."""
    other = [1, 2, 1, 2, 1, 2], [8] * 6
    tests = [
        clustered_difference_test([h, 3, 4, 3, 4, 3], [8] * 6, *other) for h in range(9)
    ]
    assert {t.test for t in tests} == {"chi2", "fisher_exact"}
    p_values = [t.p_value for t in tests]
    assert all(b < a for a, b in itertools.pairwise(p_values))


@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=1, max_size=6),
)
def test_clustering_never_makes_a_gap_more_significant(docs_a, docs_b):
    hits_a, totals_a = zip(*[(min(h, n), n) for h, n in docs_a], strict=True)
    hits_b, totals_b = zip(*[(min(h, n), n) for h, n in docs_b], strict=True)
    adjusted = clustered_difference_test(hits_a, totals_a, hits_b, totals_b)
    plain = difference_test(sum(hits_a), sum(totals_a), sum(hits_b), sum(totals_b))
    if np.isnan(plain.p_value):
        assert np.isnan(adjusted.p_value)
    else:
        assert adjusted.p_value >= plain.p_value


def test_clustered_test_keeps_its_level_with_three_long_articles_per_side():
    """20 statements per article, intra-document correlation 0.5: the design
    effect from three documents is uncertain, which the old test ignored (it
    rejected about 15 % of the time at 5 %)."""
    rng = np.random.default_rng(3)
    rejected = 0
    for _ in range(400):
        a, b = rng.beta(0.3, 0.7, (2, 3))  # share 0.3, correlation 0.5
        hits_a, hits_b = rng.binomial(20, a), rng.binomial(20, b)
        test = clustered_difference_test(hits_a, [20] * 3, hits_b, [20] * 3)
        rejected += test.p_value < 0.05
    assert rejected / 400 < 0.08


def test_compare_sides_gives_every_share_an_interval():
    rng = np.random.default_rng(2)
    rows = [
        {
            DOC_ID: f"d{doc}",
            SIDE: side,
            VERB: "قال",
            VERB_FRAME: rng.choice(["assertive", "neutral"]),
            TEXT: "قال المصدر إن الوضع هادئ",
            HEDGED: int(rng.random() < 0.3),
            STANCE: rng.choice(["pro_government", "neutral"]),
        }
        for doc in range(12)
        for side in (GOVERNMENT, SDC)
        for _ in range(3)
    ]
    table = compare_sides(pd.DataFrame(rows))
    shares = table[table[col.SECTION].isin(["verb frame", "hedging", "stance"])]
    assert len(shares) == 2 * (2 + 1 + 2)
    assert (shares[col.CI_LOW] <= shares[col.VALUE]).all()
    assert (shares[col.VALUE] <= shares[col.CI_HIGH]).all()
    hedged = shares[shares[col.MEASURE] == "hedged share"].set_index(SIDE)
    reference = hedging_by_side(pd.DataFrame(rows)).set_index(SIDE)
    assert hedged[col.CI_LOW].to_dict() == reference[col.CI_LOW].to_dict()


def _statements(docs_per_side: dict[str, int]) -> pd.DataFrame:
    rows = [
        {
            DOC_ID: f"{side}-{doc}",
            SIDE: side,
            VERB: "قال",
            VERB_FRAME: "neutral",
            TEXT: "قال المصدر إن الوضع هادئ",
            HEDGED: statement % 2,
        }
        for side, n_docs in docs_per_side.items()
        for doc in range(n_docs)
        for statement in range(4)
    ]
    return pd.DataFrame(rows)


def test_one_document_per_side_is_named_and_warned():
    one = _statements({GOVERNMENT: 1, SDC: 3})
    with pytest.warns(OneDocumentWarning, match="the government statements come"):
        table = compare_sides(one)
    with pytest.warns(OneDocumentWarning, match="describe this document"):
        hedging = hedging_by_side(one).set_index(SIDE)
    assert hedging.at[GOVERNMENT, col.INTERVAL] == ONE_DOCUMENT
    assert hedging.at[SDC, col.INTERVAL] == WILSON
    assert "hedging" in set(table[col.SECTION])


def test_no_warning_when_every_side_has_several_documents():
    with warnings.catch_warnings():
        warnings.simplefilter("error", OneDocumentWarning)
        compare_sides(_statements({GOVERNMENT: 2, SDC: 2}))
        hedging_by_side(_statements({GOVERNMENT: 2, SDC: 5}))


def test_compare_sides_says_why_terms_are_missing():
    table = pd.DataFrame(
        {
            DOC_ID: ["d", "d"],
            SIDE: [GOVERNMENT, SDC],
            VERB: ["قال", "قال"],
            VERB_FRAME: ["neutral", "neutral"],
            TEXT: ["قال الوزير إن", "123"],
        }
    )
    with pytest.warns(UserWarning, match="no 'distinctive terms' section"):
        result = compare_sides(table)
    assert "distinctive terms" not in set(result[col.SECTION])
