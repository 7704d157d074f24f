"""Tests of toolkit.datasets: registry, cache, fetch, loaders. No network access."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import platformdirs
import pytest

import toolkit.datasets as d
from toolkit.corpus import schema
from toolkit.datasets import cache
from toolkit.datasets.catalog import RemoteFile, remote_files, splits_of

# Published split sizes (dataset READMEs / papers).
MAWQIF_COUNTS = {"train": 3502, "test": 619}
ARABICSTANCEX_COUNTS = {"train": 11500, "test": 2977}
ANS_COUNTS = {"train": 2652, "dev": 755, "test": 379}
ANS_CLAIM_COUNTS = {"train": 3185, "dev": 906, "test": 456}
# Upstream commits pinned in ../shared/datasets-raw/PROVENANCE.md.
PINNED = {"mawqif": "1310ffe3", "arabicstancex": "b1505798", "ans": "9c5f313a"}


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(d.ENV_VAR, str(tmp_path))
    return tmp_path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**kwargs: object) -> None:
        raise AssertionError(f"tried to download {kwargs.get('url')}")

    monkeypatch.setattr(cache.pooch, "retrieve", refuse)


# -- registry -----------------------------------------------------------------


def test_every_dataset_has_licence_citation_and_pinned_commit() -> None:
    sources = d.sources().set_index("dataset")
    assert set(sources.index) == set(d.DATASETS)
    for name, row in sources.iterrows():
        assert row["licence"] and row["citation"] and row["paper"].startswith("http")
        assert row["commit"].startswith(PINNED[name])


def test_registry_urls_point_at_the_pinned_commit() -> None:
    sources = d.sources().set_index("dataset")
    for row in d.registry().itertuples():
        repo, commit = (
            sources.at[row.dataset, "repo"],
            sources.at[row.dataset, "commit"],
        )
        prefix = f"https://raw.githubusercontent.com/{repo}/{commit}/"
        assert row.url.startswith(prefix), row.url
        assert " " not in row.url
        assert re.fullmatch(r"[0-9a-f]{64}", row.sha256)


def test_registry_paths_are_unique_and_relative() -> None:
    paths = d.registry()["path"]
    assert paths.is_unique
    for path in paths:
        assert not Path(path).is_absolute() and ".." not in Path(path).parts
        assert path.split("/")[0] in d.DATASETS


def test_registry_holds_the_official_splits() -> None:
    assert splits_of("mawqif", "stance") == ("train", "test")
    assert splits_of("arabicstancex", "stance") == ("train", "test")
    assert splits_of("ans", "stance") == ("train", "dev", "test")
    assert splits_of("ans", "claim") == ("train", "dev", "test")


def test_arabicstancex_has_one_train_and_one_test_file_per_topic() -> None:
    files = remote_files("arabicstancex")
    topics = {
        split: {Path(f.path).stem for f in files if f.split == split}
        for split in ("train", "test")
    }
    assert topics["train"] == topics["test"]
    assert len(topics["train"]) == 17
    assert len(files) == 34


def test_remote_files_accepts_a_single_path() -> None:
    (only,) = remote_files("ans/claim/test.csv")
    assert (only.dataset, only.subset, only.split) == ("ans", "claim", "test")


# -- data_home ----------------------------------------------------------------


def test_data_home_follows_the_environment(empty_home: Path) -> None:
    assert d.data_home() == empty_home.resolve()


def test_data_home_defaults_to_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(d.ENV_VAR, raising=False)
    expected = platformdirs.user_cache_dir("arabic-framing-toolkit", appauthor=False)
    assert d.data_home() == Path(expected)
    monkeypatch.setenv(d.ENV_VAR, "")
    assert d.data_home() == Path(expected)


# -- fetch (offline behaviour, no network) ------------------------------------


def test_fetch_offline_missing_file_names_url_path_and_remedy(
    empty_home: Path, no_network: None
) -> None:
    with pytest.raises(FileNotFoundError) as info:
        d.fetch("mawqif", download=False)
    message = str(info.value)
    assert remote_files("mawqif")[0].url in message
    assert str(empty_home / "mawqif" / "Mawqif_AllTargets_Train.csv") in message
    assert "d.fetch('mawqif')" in message and d.ENV_VAR in message


def test_fetch_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match=r"name='semeval2016'.*mawqif"):
        d.fetch("semeval2016", download=False)


def test_checksum_mismatch_names_the_file_and_keeps_it(
    empty_home: Path, no_network: None
) -> None:
    target = empty_home / "ans" / "claim" / "dev.csv"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"claim_s,fake_flag\ntampered,1\n")
    for download in (False, True):
        with pytest.raises(d.ChecksumError, match=re.escape(str(target))):
            d.fetch("ans/claim/dev.csv", download=download)
    assert target.read_bytes() == b"claim_s,fake_flag\ntampered,1\n"


def test_download_writes_to_the_cache_path(
    empty_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = "s1,s2,stance\nأ,ب,agree\n".encode()
    remote = RemoteFile(
        path="ans/stance/extra.csv",
        dataset="ans",
        subset="stance",
        split="train",
        url="https://example.org/extra.csv",
        sha256=hashlib.sha256(payload).hexdigest(),
    )
    calls = []

    def fake_retrieve(url, known_hash, fname, path, progressbar):
        calls.append((url, known_hash, fname, Path(path)))
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / fname).write_bytes(payload)

    monkeypatch.setattr(cache.pooch, "retrieve", fake_retrieve)
    path = cache.fetch_file(remote)
    assert path == empty_home / "ans" / "stance" / "extra.csv"
    assert path.read_bytes() == payload
    assert calls == [(remote.url, f"sha256:{remote.sha256}", "extra.csv", path.parent)]
    cache.fetch_file(remote)  # cached now: no second download
    assert len(calls) == 1


def test_download_hash_failure_becomes_checksum_error(
    empty_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bad_download(**kwargs: object) -> None:
        raise ValueError("SHA256 hash of downloaded file does not match")

    monkeypatch.setattr(cache.pooch, "retrieve", bad_download)
    (remote,) = remote_files("ans/stance/dev.csv")
    with pytest.raises(d.ChecksumError, match=re.escape(remote.url)):
        d.fetch("ans/stance/dev.csv")


# -- split validation (before any file is read) -------------------------------


@pytest.mark.parametrize(
    ("loader", "bad"),
    [
        (d.load_mawqif, "dev"),
        (d.load_arabicstancex, "validation"),
        (d.load_ans, "Train"),
        (d.load_ans_claims, ["train"]),
        (d.load_framing_statements, "all"),
    ],
)
def test_loaders_reject_illegal_splits(loader, bad, empty_home: Path) -> None:
    with pytest.raises(ValueError, match=rf"{loader.__name__}: argument split="):
        loader(split=bad)


# -- real data (skipped without the cache, required in CI) --------------------


@pytest.mark.parametrize("name", d.DATASETS)
def test_cached_files_match_their_checksums(name: str, external_data) -> None:
    home = external_data(name)
    assert d.fetch(name, download=False) == home
    for remote in remote_files(name):
        path = d.data_home() / remote.path
        assert hashlib.sha256(path.read_bytes()).hexdigest() == remote.sha256


def check_stance_table(
    frame: pd.DataFrame, counts: dict[str, int], labels: tuple[str, ...]
) -> None:
    assert frame.groupby(schema.SPLIT, sort=False).size().to_dict() == counts
    assert set(frame[schema.STANCE]) == set(labels)
    assert (frame[schema.TEXT].str.strip() != "").all()
    assert (frame[schema.TARGET].str.strip() != "").all()
    assert frame.notna().all().all()


def test_mawqif(external_data) -> None:
    external_data("mawqif")
    frame = d.load_mawqif(download=False)
    assert list(frame.columns) == [
        "text",
        "target",
        "stance",
        "confidence",
        "id",
        "split",
    ]
    check_stance_table(frame, MAWQIF_COUNTS, d.MAWQIF_STANCES)
    assert frame[d.CONFIDENCE].between(0.35, 1.0).all()
    assert (frame[d.CONFIDENCE] == 1.0).mean() > 0.5
    assert frame[d.ID].is_unique
    assert set(frame[schema.TARGET]) == {
        "Covid Vaccine",
        "Digital Transformation",
        "Women empowerment",
    }
    test = d.load_mawqif("test", download=False)
    pd.testing.assert_frame_equal(
        test, frame[frame[schema.SPLIT] == "test"].reset_index(drop=True)
    )


def test_arabicstancex(external_data) -> None:
    external_data("arabicstancex")
    frame = d.load_arabicstancex(download=False)
    assert list(frame.columns) == ["text", "target", "domain", "stance", "id", "split"]
    check_stance_table(frame, ARABICSTANCEX_COUNTS, d.ARABICSTANCEX_STANCES)
    assert frame[schema.TARGET].nunique() == 17
    assert set(frame[d.DOMAIN]) == {
        "economy",
        "education",
        "health",
        "other",
        "religion",
        "sport",
    }
    assert not frame.duplicated([schema.TARGET, d.ID]).any()
    assert len(d.load_arabicstancex("train", download=False)) == 11500


def test_ans_stance(external_data) -> None:
    external_data("ans")
    frame = d.load_ans(download=False)
    assert list(frame.columns) == ["text", "target", "stance", "id", "split"]
    check_stance_table(frame, ANS_COUNTS, d.ANS_STANCES)
    assert not frame.duplicated([schema.SPLIT, d.ID]).any()
    assert (frame[schema.TEXT] != frame[schema.TARGET]).mean() > 0.9
    assert len(d.load_ans("dev", download=False)) == ANS_COUNTS["dev"]


def test_ans_claims(external_data) -> None:
    external_data("ans")
    frame = d.load_ans_claims(download=False)
    assert list(frame.columns) == ["text", "fake_flag", "id", "split"]
    assert frame.groupby(schema.SPLIT, sort=False).size().to_dict() == ANS_CLAIM_COUNTS
    assert set(frame[d.FAKE_FLAG]) == {0, 1}
    assert (frame[schema.TEXT].str.strip() != "").all()


def install_test_file(
    home: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes
) -> None:
    """Cache ``content`` as the registered file ``name`` and register its checksum."""
    (remote,) = remote_files(name)
    digest = hashlib.sha256(content).hexdigest()
    edited = RemoteFile(**{**vars(remote), "sha256": digest})
    path = home / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    monkeypatch.setattr("toolkit.datasets.external.remote_files", lambda _: [edited])


def test_ans_loader_maps_columns_and_lower_cases_labels(
    empty_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = "s1,s2,stance\nأ,ب,agree\nج,د,Other\n".encode()
    install_test_file(empty_home, monkeypatch, "ans/stance/test.csv", content)
    frame = d.load_ans("test", download=False)
    assert frame.to_dict("list") == {
        "text": ["ب", "د"],
        "target": ["أ", "ج"],
        "stance": ["agree", "other"],
        "id": ["0", "1"],
        "split": ["test", "test"],
    }


def test_loader_reports_unknown_label_with_file_and_row(
    empty_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = "s1,s2,stance\nأ,ب,agree\nج,د,other\nه,و,unrelated\n".encode()
    install_test_file(empty_home, monkeypatch, "ans/stance/test.csv", content)
    with pytest.raises(ValueError, match=r"test\.csv: row 2 has stance='unrelated'"):
        d.load_ans("test", download=False)


MAWQIF_TEST = "mawqif/Mawqif_AllTargets_Test.csv"
MAWQIF_HEADER = "\ufeffID,text,target,stance,stance:confidence,sentiment\n"


def test_mawqif_loader_reads_the_confidence_of_each_stance(
    empty_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = MAWQIF_HEADER + "7,نص,Covid Vaccine,Favor,0.6123,Positive\n"
    install_test_file(empty_home, monkeypatch, MAWQIF_TEST, content.encode())
    frame = d.load_mawqif("test", download=False)
    assert frame[d.CONFIDENCE].tolist() == [0.6123]
    assert frame[schema.STANCE].tolist() == ["favor"]


@pytest.mark.parametrize("value", ["", "high", "0", "1.5"])
def test_mawqif_loader_names_a_bad_confidence(
    empty_home: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    rows = f"1,أ,Covid Vaccine,None,1,Neutral\n2,ب,Covid Vaccine,Against,{value},x\n"
    install_test_file(
        empty_home, monkeypatch, MAWQIF_TEST, (MAWQIF_HEADER + rows).encode()
    )
    with pytest.raises(ValueError, match=r"Test\.csv: row 1 has stance:confidence="):
        d.load_mawqif("test", download=False)


# -- the project's framing corpus ----------------------------------------------


def framing_rows(**changes: str) -> pd.DataFrame:
    row = dict.fromkeys(d.FRAMING_COLUMNS, "")
    row.update(
        {
            schema.DOC_ID: "d1",
            schema.SENT_ID: "1",
            schema.TEXT: "قال المتحدث إن الطريق مفتوح.",
            schema.SIDE: schema.GOVERNMENT,
            schema.VERB_FRAME: schema.NEUTRAL_FRAME,
            schema.STANCE: schema.NEUTRAL,
            schema.HEDGED: "0",
            schema.SPLIT: "train",
            schema.CHAR_START: "0",
            schema.CHAR_END: "28",
        }
    )
    second = {
        **row,
        schema.SENT_ID: "2",
        schema.TEXT: "زعم البيان أن القصف توقف.",
        schema.SIDE: schema.SDC,
        schema.HEDGED: "1",
        schema.SPLIT: "test",
        schema.CHAR_START: "",
        schema.CHAR_END: "",
    }
    frame = pd.DataFrame([row, second])
    for column, value in changes.items():
        frame.loc[1, column] = value
    return frame


def write_tsv(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, sep="\t", index=False)
    return path


def test_framing_loader_parses_types_and_filters_splits(tmp_path: Path) -> None:
    path = write_tsv(framing_rows(), tmp_path / "s.tsv")
    frame = d.load_framing_statements(path=path)
    assert list(frame.columns) == list(d.FRAMING_COLUMNS)
    assert frame[schema.HEDGED].tolist() == [0, 1]
    assert frame[schema.CHAR_START].tolist()[0] == 0
    assert frame[schema.CHAR_START].isna().tolist() == [False, True]
    test = d.load_framing_statements("test", path=path)
    assert test[schema.SENT_ID].tolist() == ["2"]


@pytest.mark.parametrize(
    ("change", "pattern"),
    [
        ({schema.STANCE: "pro_opposition"}, r"row 1 has stance='pro_opposition'"),
        ({schema.HEDGED: "yes"}, r"row 1 has hedged='yes'"),
        ({schema.SIDE: "army"}, r"row 1 has side='army'"),
        ({schema.TEXT: "  "}, r"row 1 has an empty text"),
        ({schema.CHAR_END: "-3"}, r"row 1 has char_end='-3'"),
    ],
)
def test_framing_loader_names_file_and_row_of_bad_values(
    tmp_path: Path, change: dict[str, str], pattern: str
) -> None:
    path = write_tsv(framing_rows(**change), tmp_path / "bad.tsv")
    with pytest.raises(ValueError, match=re.escape(str(path)) + ".*" + pattern):
        d.load_framing_statements(path=path)


def test_framing_loader_names_missing_columns(tmp_path: Path) -> None:
    path = write_tsv(framing_rows().drop(columns=[d.GENRE]), tmp_path / "s.tsv")
    with pytest.raises(ValueError, match=r"s\.tsv: missing required column\(s\) genre"):
        d.load_framing_statements(path=path)


def test_framing_loader_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path / "no.tsv"))):
        d.load_framing_statements(path=tmp_path / "no.tsv")


def test_framing_corpus_loads_with_all_splits() -> None:
    frame = d.load_framing_statements()
    assert len(frame) >= 1200
    assert set(frame[schema.SPLIT]) == set(schema.SPLITS)
    for split in schema.SPLITS:
        part = d.load_framing_statements(split)
        assert len(part) == (frame[schema.SPLIT] == split).sum() > 0
