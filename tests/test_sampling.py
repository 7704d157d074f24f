"""Stratified samples for annotation."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.corpus.sampling import annotation_sheet, stratified_sample


@given(
    st.lists(st.sampled_from("abcde"), min_size=1, max_size=60),
    st.integers(min_value=1, max_value=80),
    st.integers(min_value=0, max_value=3),
)
def test_size_strata_and_reproducibility(groups, n, seed):
    frame = pd.DataFrame({"g": groups, "x": range(len(groups))})
    sample = stratified_sample(frame, n, "g", seed)
    assert len(sample) == min(n, len(frame))
    assert not sample.index.duplicated().any()
    if n >= frame["g"].nunique():
        assert set(sample["g"]) == set(frame["g"])
    assert sample.equals(stratified_sample(frame, n, "g", seed))


def test_bad_arguments_are_named():
    frame = pd.DataFrame({"g": ["a"]})
    with pytest.raises(ValueError, match="argument 'n' must be a whole number"):
        stratified_sample(frame, 0, "g")
    with pytest.raises(TypeError, match="argument 'n' must be a whole number"):
        stratified_sample(frame, 1.5, "g")
    with pytest.raises(TypeError, match="argument 'seed' must be a whole number"):
        stratified_sample(frame, 1, "g", seed="x")
    with pytest.raises(ValueError, match="argument 'seed' must be a whole number"):
        stratified_sample(frame, 1, "g", seed=-1)
    with pytest.raises(ValueError, match="argument by='side': missing required"):
        stratified_sample(frame, 1, "side")


def test_missing_values_form_a_stratum_of_their_own():
    frame = pd.DataFrame({"g": [None, None, None, "a", "a", "a"]})
    assert stratified_sample(frame, 1, "g")["g"].isna().all()
    assert stratified_sample(frame, 2, "g")["g"].isna().sum() == 1
    assert len(stratified_sample(frame, 6, "g")) == 6


def test_sheet_has_empty_label_columns():
    statements = pd.DataFrame(
        {
            "doc_id": ["d"] * 4,
            "sent_id": range(4),
            "text": ["أ", "ب", "ت", "ث"],
            "speaker": [""] * 4,
            "side": ["sdc", "sdc", "government", "narrator"],
            "verb": [""] * 4,
            "verb_frame": ["none"] * 4,
        }
    )
    sheet = annotation_sheet(statements, 3)
    assert sorted(sheet["side"]) == ["government", "narrator", "sdc"]
    assert (sheet[["stance", "hedged", "notes"]] == "").all().all()


def test_sheet_samples_statements_whose_side_is_missing():
    statements = pd.DataFrame(
        {
            "doc_id": ["d"] * 2,
            "sent_id": range(2),
            "text": ["أ", "ب"],
            "speaker": [""] * 2,
            "side": [float("nan")] * 2,
            "verb": [""] * 2,
            "verb_frame": ["none"] * 2,
        }
    )
    assert len(annotation_sheet(statements, 1)) == 1
