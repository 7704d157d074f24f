"""Shares of statements clustered in documents: design effect, interval, test."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

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
    share_interval,
)
from toolkit.framing.stats import cluster_bootstrap_share, wilson_interval


def documents(rng: np.random.Generator, n: int, share: float, rho: float):
    """Hits of ``n`` documents of 7 statements, intra-document correlation ``rho``."""
    a, b = share * (1 - rho) / rho, (1 - share) * (1 - rho) / rho
    return rng.binomial(7, rng.beta(a, b, n)), np.full(n, 7)


def test_design_effect_by_hand():
    # shares 1, 0, 1, 0 over four documents of three: p = 0.5, every residual 1.5;
    # between = 4/3 * 4 * 1.5**2 / 12**2 = 1/12, binomial = 0.25 / 12 = 1/48
    assert design_effect([3, 0, 3, 0], [3, 3, 3, 3]) == pytest.approx(4.0)
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
    # no measurable clustering: the same as the 8 statements in one article
    assert split.at[SDC, col.CI_LOW] == pytest.approx(whole.at[SDC, col.CI_LOW])
    assert split.at[SDC, col.CI_HIGH] == pytest.approx(whole.at[SDC, col.CI_HIGH])


def test_no_hit_in_many_documents_still_has_an_upper_bound():
    low, high, method = share_interval([0] * 30, [5] * 30)
    assert method.startswith("cluster bootstrap")
    assert low == 0.0
    assert high == pytest.approx(wilson_interval(0, 150)[1])


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


def test_clustered_test_equals_the_plain_test_without_clustering():
    per_doc = [2, 1, 2, 1, 2, 1], [4] * 6
    other = [0, 1, 0, 1, 0, 1], [4] * 6
    assert design_effect(*per_doc) == 1.0
    adjusted = clustered_difference_test(*per_doc, *other)
    assert adjusted == difference_test(9, 24, 3, 24)
    assert adjusted.design_effect == (1.0, 1.0)


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
