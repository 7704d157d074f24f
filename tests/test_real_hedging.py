"""The real-text hedging set: labels file, loader and its errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from toolkit.datasets import REAL_HEDGING_PATH, load_real_hedging
from toolkit.datasets.real_hedging import LABEL_COLUMNS

LABELS = pd.read_csv(REAL_HEDGING_PATH, sep="\t", dtype=str, keep_default_na=False)


def test_labels_file_holds_keys_and_labels_but_no_text():
    assert tuple(LABELS.columns) == LABEL_COLUMNS
    assert LABELS["item"].is_unique
    assert not LABELS["id"].str.contains(r"[^\d]").any()


def test_every_disagreement_is_adjudicated_with_a_clause():
    split = LABELS["first"] != LABELS["second"]
    assert split.any()
    assert LABELS.loc[split, "adjudication"].str.startswith("§").all()
    agreed = LABELS[~split]
    assert (agreed["hedged"] == agreed["first"]).all()
    assert (agreed["adjudication"] == "").all()


def test_the_two_passes_agree_well():
    kappa = cohen_kappa_score(LABELS["first"], LABELS["second"])
    assert kappa > 0.8


def test_loader_joins_texts_from_the_public_datasets(external_data):
    for name in ("ans", "mawqif", "arabicstancex"):
        external_data(name)
    frame = load_real_hedging(download=False)
    assert len(frame) == len(LABELS)
    assert frame["text"].str.strip().ne("").all()
    assert set(frame["genre"]) == {"headline", "tweet"}
    assert frame["hedged"].isin([0, 1]).all()
    dev = load_real_hedging("dev", download=False)
    assert set(dev["part"]) == {"dev"} and 0 < len(dev) < len(frame)


def write(tmp_path: Path, frame: pd.DataFrame) -> Path:
    path = tmp_path / "labels.tsv"
    frame.to_csv(path, sep="\t", index=False)
    return path


def test_loader_names_the_row_of_a_bad_label(tmp_path: Path):
    bad = LABELS.copy()
    bad.loc[3, "hedged"] = "yes"
    with pytest.raises(ValueError, match=r"labels.tsv: row 3 has hedged='yes'"):
        load_real_hedging(path=write(tmp_path, bad), download=False)


def test_loader_names_missing_columns(tmp_path: Path):
    with pytest.raises(ValueError, match="adjudication"):
        load_real_hedging(
            path=write(tmp_path, LABELS.drop(columns="adjudication")), download=False
        )


def test_loader_names_a_key_that_matches_nothing(tmp_path: Path, external_data):
    external_data("mawqif")
    bad = LABELS[LABELS["dataset"] == "mawqif"].head(2).copy()
    bad.iloc[1, bad.columns.get_loc("id")] = "99999999"
    with pytest.raises(ValueError, match=r"row 1 \(mawqif, split \w+, id 99999999\)"):
        load_real_hedging(path=write(tmp_path, bad), download=False)


def test_loader_names_a_missing_file(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match=r"nothing\.tsv"):
        load_real_hedging(path=tmp_path / "nothing.tsv")


def test_loader_rejects_an_illegal_part():
    with pytest.raises(ValueError, match="part='train'"):
        load_real_hedging(part="train")


@pytest.mark.parametrize("codec", ["utf-16", "cp1256"])
def test_labels_in_another_encoding_load_the_same(tmp_path, external_data, codec):
    external_data("mawqif")
    mawqif = LABELS[LABELS["dataset"] == "mawqif"]
    subset = mawqif[mawqif["adjudication"].str.contains("لعل")]  # Arabic and "§"
    expected = load_real_hedging(path=write(tmp_path, subset), download=False)
    path = tmp_path / f"labels.{codec}.tsv"
    path.write_bytes(subset.to_csv(sep="\t", index=False).encode(codec))
    copy = load_real_hedging(path=path, download=False)
    assert len(copy) == 1 and copy.equals(expected)
