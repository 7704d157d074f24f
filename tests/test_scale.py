"""toolkit.scale: the Dask path equals the pandas path, and counts combine exactly."""

from __future__ import annotations

import json

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from toolkit import scale  # noqa: E402
from toolkit.classify.estimators import HedgeClassifier, StanceClassifier  # noqa: E402
from toolkit.corpus import load_example, load_example_gold  # noqa: E402
from toolkit.corpus import schema as S  # noqa: E402
from toolkit.framing import hedging_by_side, verb_profile  # noqa: E402

# Sentence-level edits that change speaker, verb or hedging, so that documents differ.
_EDITS = [
    ("وزارة الدفاع", "قسد"),
    ("اتهم", "زعم"),
    ("أكدت", "قالت"),
    ("مسد", "الحكومة السورية"),
    ("زاعمًا", "مؤكداً"),
]


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    """The seed article and 11 edited copies, with an outlet column."""
    text = load_example()[S.TEXT].iloc[0]
    rows = []
    for i in range(12):
        edited = text
        for j, (old, new) in enumerate(_EDITS):
            if (i >> j) & 1:
                edited = edited.replace(old, new)
        rows.append({S.DOC_ID: f"doc{i:02d}", S.OUTLET: f"o{i % 3}", S.TEXT: edited})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def classifiers() -> dict:
    gold = load_example_gold()
    texts = gold[S.TEXT].tolist()
    return {
        "stance": StanceClassifier(char_ngrams=None).fit(texts, gold[S.STANCE]),
        "hedge": HedgeClassifier(char_ngrams=None).fit(texts, gold[S.HEDGED]),
    }


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_dask_statements_equal_pandas_path(articles, classifiers, client):
    expected = scale.annotate(articles, **classifiers)
    lazy = scale.statements(dd.from_pandas(articles, npartitions=4), **classifiers)
    assert lazy.npartitions == 4
    got = lazy.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)
    assert set(expected[S.HEDGED]) <= {0, 1}
    assert len(expected[S.SIDE].unique()) >= 3


def test_counts_combine_exactly_on_cluster(articles, classifiers, client):
    full = scale.annotate(articles, **classifiers)
    lazy = scale.statements(dd.from_pandas(articles, npartitions=3), **classifiers)
    counts = scale.dask_framing_counts(lazy)
    pd.testing.assert_frame_equal(counts, scale.framing_counts(full))
    assert counts[scale.COUNT].sum() == len(full)
    slim = scale.expand_counts(counts)
    pd.testing.assert_frame_equal(verb_profile(slim), verb_profile(full))
    pd.testing.assert_frame_equal(
        hedging_by_side(slim, n_resamples=200), hedging_by_side(full, n_resamples=200)
    )


def test_combine_counts_of_chunks_equals_whole(articles):
    full = scale.annotate(articles)
    chunks = [
        scale.framing_counts(scale.annotate(articles.iloc[i : i + 5]))
        for i in (0, 5, 10)
    ]
    combined = scale.combine_counts(chunks)
    pd.testing.assert_frame_equal(combined, scale.framing_counts(full))
    assert list(combined.columns) == [*scale.BASE_KEYS, scale.COUNT]


def test_read_articles_one_partition_per_file(articles, tmp_path, client):
    for i, start in enumerate((0, 4, 8)):
        part = articles.iloc[start : start + 4]
        lines = [json.dumps(r, ensure_ascii=False) for r in part.to_dict("records")]
        (tmp_path / f"part{i}.jsonl").write_text("\n".join(lines), encoding="utf-8")
    lazy = scale.read_articles(tmp_path / "*.jsonl")
    assert lazy.npartitions == 3
    counts = scale.dask_framing_counts(scale.statements(lazy))
    pd.testing.assert_frame_equal(
        counts, scale.framing_counts(scale.annotate(articles))
    )


def test_errors_name_the_argument(tmp_path):
    with pytest.raises(ValueError, match=r"argument 'statements'.*verb_lemma"):
        scale.framing_counts(
            pd.DataFrame({S.DOC_ID: [], S.SIDE: [], S.VERB: [], S.VERB_FRAME: []})
        )
    with pytest.raises(FileNotFoundError, match="matches no file"):
        scale.read_articles(tmp_path / "*.jsonl")
    with pytest.raises(ValueError, match="no counts table"):
        scale.combine_counts([])
    one = pd.DataFrame({S.DOC_ID: ["a"], scale.COUNT: [1]})
    with pytest.raises(ValueError, match="table 1 has columns"):
        scale.combine_counts([one, one.rename(columns={S.DOC_ID: S.SIDE})])


def test_a_categorical_doc_id_is_accepted(articles, classifiers):
    categorical = articles.assign(**{S.DOC_ID: articles[S.DOC_ID].astype("category")})
    lazy = scale.statements(dd.from_pandas(categorical, npartitions=2), **classifiers)
    assert len(lazy.compute()) == len(scale.annotate(articles, **classifiers))
