"""Framing statistics: the seed article's framing, bootstrap, tests, labels, log-odds."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import scale
from toolkit.corpus.loaders import load_example_gold
from toolkit.corpus.schema import (
    DOC_ID,
    GOVERNMENT,
    HEDGED,
    NARRATOR,
    SDC,
    SIDE,
    TEXT,
    VERB,
    VERB_FRAME,
)
from toolkit.framing import (
    OneDocumentWarning,
    compare_sides,
    difference_test,
    distinctive_terms,
    find_labels,
    hedging_by_side,
    holm_adjust,
    labels_by_actor,
    verb_profile,
)
from toolkit.framing import columns as col
from toolkit.framing.stats import cluster_bootstrap_share


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return load_example_gold()


def frame_share(profile: pd.DataFrame, side: str, frame: str) -> float:
    rows = profile[
        (profile[SIDE] == side)
        & (profile[col.FEATURE] == VERB_FRAME)
        & (profile[col.VALUE] == frame)
    ]
    return float(rows[col.SHARE].item())


def multi_document(n_docs: int = 6, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for doc in range(n_docs):
        for side, rate in ((GOVERNMENT, 0.1), (SDC, 0.6)):
            for _ in range(rng.integers(2, 6)):
                rows.append(
                    {DOC_ID: f"d{doc}", SIDE: side, HEDGED: int(rng.random() < rate)}
                )
    return pd.DataFrame(rows)


# -- the seed article: what a human reader sees --------------------------------


def test_seed_government_assertive_sdc_accused_or_distanced(gold):
    profile = verb_profile(gold)
    assert frame_share(profile, GOVERNMENT, "assertive") > 0.5
    assert frame_share(profile, SDC, "assertive") == 0
    accused_or_distanced = frame_share(profile, SDC, "accusatory") + frame_share(
        profile, SDC, "distancing"
    )
    assert accused_or_distanced > 0.5
    for side in (GOVERNMENT, SDC, NARRATOR):
        frames = profile[(profile[SIDE] == side) & (profile[col.FEATURE] == VERB_FRAME)]
        assert frames[col.SHARE].sum() == pytest.approx(1.0)


def test_seed_verbs_counted_by_lemma(gold):
    verbs = verb_profile(gold).query("feature == 'verb' and side == 'government'")
    counts = dict(zip(verbs[col.VALUE], verbs[col.COUNT], strict=True))
    assert counts["أكد"] == 2  # أكدت twice, one lemma
    assert "أكدت" not in counts


def test_seed_single_hedge_is_on_the_sdc_side(gold):
    with pytest.warns(OneDocumentWarning, match="government and sdc statements"):
        table = hedging_by_side(gold).set_index(SIDE)
    assert table.at[SDC, col.N_HEDGED] == 1
    assert table.at[GOVERNMENT, col.N_HEDGED] == 0
    assert table.at[SDC, col.SHARE] > table.at[GOVERNMENT, col.SHARE]
    for side in table.index:
        assert table.at[side, col.CI_LOW] <= table.at[side, col.SHARE]
        assert table.at[side, col.SHARE] <= table.at[side, col.CI_HIGH]
    assert set(table[col.INTERVAL]) == {
        "Wilson (statements of one document; clustering not estimable)"
    }
    assert table.attrs["test"]["test"] == "fisher_exact"
    assert table.attrs["test"]["design_effect"] == (1.0, 1.0)  # one document


def test_seed_militia_label_applied_to_the_sdf_by_the_narrator(gold):
    labels = labels_by_actor(gold)
    militia = labels[labels[col.LABEL].str.contains("ميليشيا")]
    assert militia[SIDE].tolist() == [NARRATOR]
    assert militia[col.REFERS_TO].tolist() == [SDC]
    assert militia[col.VALENCE].tolist() == ["delegitimising"]


def test_seed_summary_table(gold):
    table = compare_sides(gold).set_index([col.SECTION, col.MEASURE, SIDE])
    value = table[col.VALUE]
    assert value["verb frame", "assertive share", GOVERNMENT] == 0.75
    assert value["hedging", "hedged share", SDC] == 0.25
    assert value["labels", "label «ميليشيا قسد» (delegitimising) naming it", SDC] == 1
    assert value["labels", "delegitimising share of labels naming it", SDC] > 0
    assert value["labels", "delegitimising share of labels naming it", GOVERNMENT] == 0
    assert list(table.reset_index().columns) == list(
        (
            "section", "measure", "side", "value", "ci_low", "ci_high", "test",
            "p_value", "p_holm",
        )
    )  # fmt: skip


def test_seed_summary_adjusts_each_share_test_once_for_the_whole_table(gold):
    table = compare_sides(gold)
    tested = table.dropna(subset=[col.P_VALUE])
    # 4 verb frames present + hedged share + 2 stances present: 7 tests, 2 rows each
    assert tested.groupby([col.SECTION, col.MEASURE]).size().tolist() == [2] * 7
    stance = tested[tested[col.MEASURE] == "pro_sdc share"]
    # the smallest p-value of 7 tests is multiplied by 7 (Holm's first step)
    assert stance[col.P_VALUE].iloc[0] == pytest.approx(1 / 35)
    assert stance[col.P_HOLM].tolist() == pytest.approx([7 / 35] * 2)
    assert (tested[col.P_HOLM] >= tested[col.P_VALUE]).all()
    assert table.loc[table[col.P_VALUE].isna(), col.P_HOLM].isna().all()


# -- intervals and tests -------------------------------------------------------


def test_holm_adjust_by_hand():
    # sorted: 0.01 x 4, 0.02 x 3, 0.03 x 2 -> 0.06, 0.04 x 1 -> max(0.06, 0.04)
    adjusted = holm_adjust([0.03, 0.01, 0.04, 0.02])
    assert adjusted.tolist() == pytest.approx([0.06, 0.04, 0.06, 0.06])
    assert holm_adjust([0.5, 0.6]).tolist() == [1.0, 1.0]
    assert holm_adjust([]).tolist() == []


@given(st.lists(st.floats(0, 1) | st.just(float("nan")), max_size=12))
def test_holm_adjust_keeps_order_and_never_lowers_a_p_value(p_values):
    values = np.array(p_values, dtype=float)
    adjusted = holm_adjust(values)
    done = ~np.isnan(values)
    assert np.isnan(adjusted[~done]).all()
    tested, fixed = values[done], adjusted[done]
    assert (fixed >= tested).all() and (fixed <= 1).all()
    order = np.argsort(tested, kind="stable")
    assert (np.diff(fixed[order]) >= 0).all()
    if len(tested):  # the smallest is Bonferroni's
        assert fixed.min() == pytest.approx(min(1.0, len(tested) * tested.min()))


@pytest.mark.parametrize("bad", [[0.2, 1.5], [-0.1], [[0.1, 0.2]]])
def test_holm_adjust_refuses_what_is_not_a_list_of_p_values(bad):
    with pytest.raises(ValueError, match="argument 'p_values'"):
        holm_adjust(bad)


def test_cluster_bootstrap_resamples_whole_documents():
    # one document 1/1 hedged, one 0/9: pooled shares of a resample can only be
    # 0/18, 1/10 or 2/2 when documents are kept whole
    low, high = cluster_bootstrap_share(np.array([1.0, 0.0]), np.array([1.0, 9.0]))
    assert {low, high} <= {0.0, 0.1, 1.0}
    assert (low, high) == (0.0, 1.0)


def test_hedging_bootstrap_reproducible_and_seeded():
    table = multi_document(n_docs=30)
    first = hedging_by_side(table, seed=3)
    again = hedging_by_side(table, seed=3)
    other = hedging_by_side(table, seed=4)
    pd.testing.assert_frame_equal(first, again)
    assert not first[[col.CI_LOW, col.CI_HIGH]].equals(other[[col.CI_LOW, col.CI_HIGH]])
    assert set(first[col.INTERVAL]) == {
        "cluster bootstrap (documents; at least the Wilson interval)"
    }
    assert (first[col.CI_LOW] <= first[col.SHARE]).all()
    assert (first[col.SHARE] <= first[col.CI_HIGH]).all()


def test_side_interval_does_not_depend_on_other_sides():
    table = multi_document(n_docs=30)
    alone = hedging_by_side(table[table[SIDE] == SDC], seed=0).set_index(SIDE)
    both = hedging_by_side(table, seed=0).set_index(SIDE)
    assert alone.at[SDC, col.CI_LOW] == both.at[SDC, col.CI_LOW]


def test_difference_test_switches_to_chi_square_for_large_tables():
    small = difference_test(1, 4, 0, 4)
    large = difference_test(40, 100, 70, 100)
    assert small.test == "fisher_exact" and small.p_value == pytest.approx(1.0)
    assert large.test == "chi2" and large.p_value < 0.001
    assert np.isnan(difference_test(0, 0, 1, 2).p_value)


def test_hedged_accepts_booleans_and_strings_but_names_bad_rows():
    base = pd.DataFrame({DOC_ID: ["a"] * 3, SIDE: [SDC] * 3})
    as_bool = hedging_by_side(base.assign(hedged=[True, False, False]))
    as_text = hedging_by_side(base.assign(hedged=["yes", "no", "0"]))
    assert as_bool[col.N_HEDGED].item() == as_text[col.N_HEDGED].item() == 1
    with pytest.raises(ValueError, match=r"row 2 has hedged='maybe'"):
        hedging_by_side(base.assign(hedged=[1, 0, "maybe"]))


# -- labels ------------------------------------------------------------------


def test_labels_whole_words_with_one_proclitic_and_no_overlap():
    # "مسدس" (pistol) is not "مسد"; "لميليشيا" is the militia label; the long label
    # wins over the "قسد" it contains
    text = 'حمل مسدسا، وقالت لميليشيا "قسد" إن قسد باقية'
    found = [m.label for m in find_labels(text)]
    assert found == ["ميليشيا قسد", "قسد"]


def test_labels_match_normalised_spellings():
    assert [m.label for m in find_labels("قوى الامن الداخلى")] == ["قوى الأمن الداخلي"]
    assert [m.label for m in find_labels("قوى الامن الخارجي")] == []


def test_labels_by_actor_counts_occurrences_and_statements():
    table = pd.DataFrame({SIDE: [GOVERNMENT, GOVERNMENT], TEXT: ["مسد ثم مسد", "مسد"]})
    row = labels_by_actor(table).set_index(col.LABEL).loc["مسد"]
    assert (row[col.COUNT], row[col.N_STATEMENTS]) == (3, 2)


# -- distinctive terms ---------------------------------------------------------

WORDS = st.lists(st.sampled_from(["الجيش", "قصف", "المدنيين", "حوار", "السيادة"]))


@given(WORDS, WORDS)
def test_log_odds_is_antisymmetric(a_words, b_words):
    texts = [" ".join(["حلب", *a_words]), " ".join(["حلب", "الحي", *b_words])]
    table = pd.DataFrame({SIDE: [GOVERNMENT, SDC], TEXT: texts})
    forward = distinctive_terms(table).set_index(col.TERM)[col.Z]
    backward = distinctive_terms(table, groups=(SDC, GOVERNMENT)).set_index(col.TERM)
    pd.testing.assert_series_equal(
        forward.sort_index(), -backward[col.Z].sort_index(), check_exact=False
    )


def test_log_odds_signs_stopwords_and_min_count():
    table = pd.DataFrame(
        {
            SIDE: [GOVERNMENT, GOVERNMENT, SDC, SDC],
            TEXT: ["الجيش في حلب", "الجيش يحمي", "قصف في حلب", "قصف المنازل"],
        }
    )
    terms = distinctive_terms(table).set_index(col.TERM)
    assert terms.at["الجيش", col.Z] > 0 and terms.at["الجيش", col.FAVOURS] == GOVERNMENT
    assert terms.at["قصف", col.Z] < 0 and terms.at["قصف", col.FAVOURS] == SDC
    assert terms.at["حلب", col.Z] == pytest.approx(0.0, abs=1e-12)
    assert "في" not in terms.index
    assert "في" in distinctive_terms(table, stopwords=False)[col.TERM].tolist()
    frequent = {"الجيش", "قصف", "حلب"}
    assert set(distinctive_terms(table, min_count=2)[col.TERM]) == frequent


def test_log_odds_any_grouping_column():
    table = pd.DataFrame({"outlet": ["x", "y"], TEXT: ["الجيش", "قصف"]})
    assert distinctive_terms(table, by="outlet").attrs["groups"] == ("x", "y")
    three = pd.concat([table, table.iloc[[0]].assign(outlet="z")])
    with pytest.raises(ValueError, match="pass groups"):
        distinctive_terms(three, by="outlet")


# -- bad input -----------------------------------------------------------------


def test_errors_name_the_column_and_row():
    table = pd.DataFrame({SIDE: [GOVERNMENT, "rebels"], VERB: ["قال", "قال"]})
    with pytest.raises(ValueError, match="verb_frame"):
        verb_profile(table)
    with pytest.raises(ValueError, match=r"row 1 has side='rebels'"):
        verb_profile(table.assign(verb_frame=["neutral", "neutral"]))
    with pytest.raises(TypeError, match="DataFrame"):
        compare_sides([1, 2])


def test_inputs_are_not_modified(gold):
    before = gold.copy()
    compare_sides(gold)
    pd.testing.assert_frame_equal(gold, before)


def test_bootstrap_blocks_do_not_change_the_interval(monkeypatch):
    from toolkit.framing import stats

    rng = np.random.default_rng(3)
    hits = rng.integers(0, 3, 400)
    totals = hits + rng.integers(1, 4, 400)
    whole = stats.cluster_bootstrap_share(hits, totals, n_resamples=500)
    monkeypatch.setattr(stats, "BLOCK_CELLS", 1_000)
    assert stats.cluster_bootstrap_share(hits, totals, n_resamples=500) == whole


def test_duplicated_columns_are_refused_by_name(gold):
    twice = pd.concat([gold, gold[[SIDE]]], axis=1)
    for function in (verb_profile, hedging_by_side, labels_by_actor, compare_sides):
        with pytest.raises(ValueError, match=r"column\(s\) side occur more than once"):
            function(twice)


def test_missing_document_id_is_refused_with_its_row(gold):
    table = gold.assign(doc_id=[*gold[DOC_ID][:2], None, *gold[DOC_ID][3:]])
    with pytest.raises(ValueError, match="row 2 has an empty doc_id"):
        hedging_by_side(table)
    with pytest.raises(ValueError, match="row 2 has an empty doc_id"):
        compare_sides(table)
    verb_profile(table)  # does not read doc_id


# -- argument checks: sides, counts, levels --------------------------------------

SIDES_LISTED = "expected government, sdc, third_party or narrator"


@pytest.mark.parametrize("hedged", [True, False])
def test_compare_sides_refuses_unknown_sides_naming_the_argument(gold, hedged):
    table = gold if hedged else gold.drop(columns=HEDGED)
    with pytest.raises(
        ValueError, match=rf"'sides': unknown value\(s\) 'gov'; {SIDES_LISTED}"
    ):
        compare_sides(table, sides=("gov", SDC))
    with pytest.raises(TypeError, match="'sides' must be a list or tuple of two"):
        compare_sides(table, sides="ab")
    with pytest.raises(ValueError, match="'sides' must be two different values"):
        compare_sides(table, sides=(SDC, SDC))


@pytest.mark.parametrize("n_terms", [0, -1])
def test_compare_sides_refuses_fewer_than_one_term(gold, n_terms):
    with pytest.raises(
        ValueError, match="'n_terms' must be a whole number of at least 1"
    ):
        compare_sides(gold, n_terms=n_terms)


def test_compare_sides_checks_interval_arguments_without_a_hedged_column(gold):
    with pytest.raises(ValueError, match="'confidence'"):
        compare_sides(gold.drop(columns=HEDGED), confidence=95)
    with pytest.raises(ValueError, match="'n_resamples'"):
        compare_sides(gold.drop(columns=HEDGED), n_resamples=-1)


def test_compare_sides_refuses_unknown_stances_and_counts_rows_over_the_table(gold):
    with pytest.raises(ValueError, match="row 3 has stance='weird'"):
        compare_sides(
            gold.assign(stance=[*gold["stance"][:3], "weird", *gold["stance"][4:]])
        )
    # row 7 (government) comes after the narrator's row 6, which compare_sides drops
    assert gold[SIDE].iloc[6] == NARRATOR
    bad = gold.assign(hedged=[*gold[HEDGED][:7], "maybe", *gold[HEDGED][8:]])
    with pytest.raises(ValueError, match="row 7 has hedged='maybe'"):
        compare_sides(bad)


def test_compare_sides_refuses_a_hedged_column_that_does_not_exist(gold):
    with pytest.raises(ValueError, match="argument 'hedged': no column 'predicted'"):
        compare_sides(gold, hedged="predicted")
    sections = compare_sides(gold.drop(columns=HEDGED))[col.SECTION]
    assert "hedging" not in set(sections)  # the default column may be absent


def test_hedging_compare_must_be_two_different_known_sides(gold):
    with pytest.raises(ValueError, match="'compare' must be two different values"):
        hedging_by_side(gold, compare=(SDC, SDC))
    with pytest.raises(
        ValueError, match=rf"'compare': unknown value\(s\) 'x'; {SIDES_LISTED}"
    ):
        hedging_by_side(gold, compare=(SDC, "x"))
    with pytest.raises(TypeError, match="'compare' must be a list or tuple"):
        hedging_by_side(gold, compare="ab")


@pytest.mark.parametrize("confidence", [95, 0, 1, -0.5, float("nan")])
def test_hedging_confidence_must_be_a_level_between_0_and_1(confidence):
    with pytest.raises(
        ValueError, match=r"'confidence' must be a level between 0 and 1, such as 0.95"
    ):
        hedging_by_side(multi_document(), confidence=confidence)


def test_hedging_n_resamples_zero_means_no_interval():
    table = multi_document()
    single = table[table[DOC_ID] == "d0"].assign(**{SIDE: SDC})
    for data in (table, single):  # bootstrap and Wilson sides alike
        default = hedging_by_side(data)
        none = hedging_by_side(data, n_resamples=0)
        pd.testing.assert_series_equal(none[col.SHARE], default[col.SHARE])
        assert none[[col.CI_LOW, col.CI_HIGH]].isna().all().all()
        assert set(none[col.INTERVAL]) == {"none (n_resamples=0)"}
    with pytest.raises(
        ValueError, match="'n_resamples' must be a whole number of at least 0; got -5"
    ):
        hedging_by_side(table, n_resamples=-5)
    with pytest.raises(TypeError, match="'n_resamples' must be a whole number"):
        hedging_by_side(table, n_resamples=2.5)


@pytest.mark.parametrize(
    ("seed", "error"), [("x", TypeError), (1.5, TypeError), (-1, ValueError)]
)
def test_seed_must_be_a_whole_number(gold, seed, error):
    with pytest.raises(error, match="argument 'seed' must be a whole number"):
        hedging_by_side(multi_document(), seed=seed)
    with pytest.raises(error, match="argument 'seed' must be a whole number"):
        compare_sides(gold.drop(columns=HEDGED), seed=seed)


def test_hedging_records_its_confidence_level():
    assert hedging_by_side(multi_document(), confidence=0.9).attrs["confidence"] == 0.9


def test_stats_helpers_refuse_impossible_counts_and_levels():
    with pytest.raises(
        ValueError, match="'successes_a' \\(5\\) exceeds 'total_a' \\(3\\)"
    ):
        difference_test(5, 3, 0, 4)
    with pytest.raises(
        ValueError, match="'total_b' must be a whole number of at least 0"
    ):
        difference_test(1, 3, 0, -4)
    with pytest.raises(ValueError, match="'n_resamples'"):
        cluster_bootstrap_share(np.array([1.0]), np.array([2.0]), n_resamples=0)
    with pytest.raises(ValueError, match="differ in length \\(3 and 2\\)"):
        cluster_bootstrap_share([1, 2, 3], [4, 4])
    with pytest.raises(ValueError, match="cluster 0 has more hits \\(5\\) than trials"):
        cluster_bootstrap_share([5], [2])
    with pytest.raises(ValueError, match="cluster 0 has -1, not a count"):
        cluster_bootstrap_share([-1, 1], [2, 2])
    with pytest.raises(ValueError, match="no trials"):
        cluster_bootstrap_share([0, 0], [0, 0])
    # a cluster without trials holds nothing and is left out (no NaN share)
    assert cluster_bootstrap_share([0, 0], [0, 3]) == (0.0, 0.0)
    with pytest.raises(ValueError, match="'confidence'"):
        cluster_bootstrap_share(np.array([1.0]), np.array([2.0]), confidence=95)


# -- argument checks: distinctive terms and labels ---------------------------------


def test_distinctive_terms_stopwords_must_be_a_collection(gold):
    with pytest.raises(TypeError, match="'stopwords' must be True, False or a list"):
        distinctive_terms(gold, stopwords="في")
    kept = distinctive_terms(gold, stopwords=False)[col.TERM].tolist()
    dropped = distinctive_terms(gold, stopwords=["في"])[col.TERM].tolist()
    assert "في" in kept and "في" not in dropped
    assert set(kept) - set(dropped) == {"في"}


def test_distinctive_terms_prior_must_be_counts_per_term(gold):
    with pytest.raises(TypeError, match="'prior' must be a mapping or pandas Series"):
        distinctive_terms(gold, prior=[1, 2])
    terms = distinctive_terms(gold)[col.TERM]
    with pytest.raises(ValueError, match=r"'prior': the count of '.+' is 0"):
        distinctive_terms(gold, prior=dict.fromkeys(terms, 0))
    with pytest.raises(ValueError, match="listed more than once"):
        distinctive_terms(gold, prior=pd.Series([1.0, 2.0], index=[terms[0]] * 2))
    prior = pd.Series(1.0, index=terms)
    assert distinctive_terms(gold, prior=prior).equals(
        distinctive_terms(gold, prior=dict.fromkeys(terms, 1.0))
    )


def test_distinctive_terms_groups_and_min_count_are_checked(gold):
    with pytest.raises(
        ValueError, match=rf"'groups': unknown value\(s\) 'gov'; {SIDES_LISTED}"
    ):
        distinctive_terms(gold, groups=("gov", SDC))
    with pytest.raises(TypeError, match="'groups' must be a list or tuple of two"):
        distinctive_terms(gold, groups="ab")
    with pytest.raises(
        ValueError, match="'min_count' must be a whole number of at least 0"
    ):
        distinctive_terms(gold, min_count=-1)
    pd.testing.assert_frame_equal(
        distinctive_terms(gold, min_count=0), distinctive_terms(gold, min_count=1)
    )


def test_distinctive_terms_groups_by_a_numeric_column():
    table = pd.DataFrame({"year": [2020, 2021], TEXT: ["الجيش", "قصف"]})
    terms = distinctive_terms(table, by="year")
    assert terms.attrs["groups"] == ("2020", "2021")
    assert terms.set_index(col.TERM).at["الجيش", col.FAVOURS] == "2020"


def test_labels_lexicon_is_checked_and_read_once(gold, monkeypatch):
    from toolkit.framing import labels as labels_module
    from toolkit.lexicons import load_lexicon

    lexicon = load_lexicon("labels")
    with pytest.raises(ValueError, match="argument 'lexicon': missing required column"):
        labels_by_actor(gold, lexicon=lexicon.drop(columns="label_norm"))
    with pytest.raises(TypeError, match="argument 'lexicon' must be a labels lexicon"):
        find_labels("قسد", lexicon=["قسد"])
    calls = []
    index = labels_module._index
    monkeypatch.setattr(
        labels_module, "_index", lambda lex: calls.append(1) or index(lex)
    )
    custom = labels_by_actor(gold, lexicon=lexicon)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(custom, labels_by_actor(gold))


def test_terms_are_counted_normalised_and_shown_as_written(gold):
    terms = distinctive_terms(gold).set_index(col.TERM)
    # one unit for أكدت / اكدت, shown with its hamza; alef maqsura kept for readers
    assert terms.at["اكدت", col.SPELLING] == "أكدت"
    assert terms.at["يسعي", col.SPELLING] == "يسعى"
    table = compare_sides(gold)
    shown = table.loc[table[col.SECTION] == "distinctive terms", col.MEASURE]
    assert not shown.str.contains("«اكدت»").any()


def test_categorical_columns_with_missing_values_count_like_text_columns(gold):
    """Categorical dtypes shrink large corpora; a missing cell used to crash fillna."""
    text = gold.copy()
    text.loc[0, VERB_FRAME] = np.nan
    text.loc[1, "verb"] = np.nan
    categorical = text.astype({c: "category" for c in (VERB_FRAME, "verb", SIDE)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OneDocumentWarning)
        assert compare_sides(categorical).equals(compare_sides(text))
    assert verb_profile(categorical).equals(verb_profile(text))
    assert scale.framing_counts(categorical).equals(scale.framing_counts(text))
