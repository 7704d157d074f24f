"""The whole analysis on the worked example, against its gold annotation."""

import numpy as np
import pandas as pd
import pytest

from toolkit.corpus import load_example, load_example_gold
from toolkit.pipeline import analyze, speaker_side_rule


@pytest.fixture(scope="module")
def result():
    return analyze(load_example(), progress=False)


@pytest.mark.parametrize("column", ["side", "verb_frame", "stance", "hedged"])
def test_every_seed_statement_matches_gold(result, column):
    gold = load_example_gold()
    assert result.statements[column].tolist() == gold[column].tolist()


def test_probabilities_are_probabilities(result):
    for column in ("stance_confidence", "hedged_probability"):
        values = result.statements[column]
        assert values.between(0, 1).all()
    assert (result.statements["hedged"] == (values >= 0.5)).all()


def test_rule_only_touches_neutral_predictions_of_party_speakers():
    stance = np.array(["neutral", "neutral", "neutral", "pro_government", "pro_sdc"])
    sides = pd.Series(["government", "sdc", "third_party", "sdc", "narrator"])
    assert speaker_side_rule(stance, sides).tolist() == [
        "pro_government",
        "pro_sdc",
        "neutral",
        "pro_government",
        "pro_sdc",
    ]
