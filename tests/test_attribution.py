"""Attribution of the seed article against its gold file, and the rules one by one."""

import pandas as pd
import pytest

from toolkit.corpus import (
    attribute_sentence,
    extract_statements,
    load_example,
    load_example_gold,
)
from toolkit.corpus import schema as S


@pytest.fixture(scope="module")
def seed_statements():
    return extract_statements(load_example())


@pytest.fixture(scope="module")
def gold():
    return load_example_gold()


def test_schema_columns_come_first(seed_statements):
    assert tuple(seed_statements.columns[: len(S.STATEMENT_COLUMNS)]) == (
        S.STATEMENT_COLUMNS
    )


def test_nine_statements_eight_reported_one_narrator(seed_statements):
    assert len(seed_statements) == 9
    assert (seed_statements[S.SIDE] == S.NARRATOR).sum() == 1


@pytest.mark.parametrize("column", [S.SPEAKER, S.SIDE, S.VERB, S.VERB_FRAME, S.VERB2])
def test_every_statement_matches_gold(seed_statements, gold, column):
    assert seed_statements[column].tolist() == gold[column].tolist()


def test_offsets_point_at_the_sentence(seed_statements):
    text = load_example()[S.TEXT].iloc[0]
    for row in seed_statements.itertuples():
        assert text[row.char_start : row.char_end] == row.text


@pytest.mark.parametrize(
    ("sentence", "speaker", "side", "frame"),
    [
        (
            "أكدت وزارة الدفاع أن الهدنة صامدة",
            "وزارة الدفاع",
            "government",
            "assertive",
        ),
        ("الوزارة أكدت أن الهدنة صامدة", "الوزارة", "government", "assertive"),
        (
            "وزعمت قسد أن القصف طال المدنيين",
            "قوات سوريا الديمقراطية",
            "sdc",
            "distancing",
        ),
        (
            "ونفى المرصد السوري ذلك",
            "المرصد السوري لحقوق الإنسان",
            "third_party",
            "denial",
        ),
        ("ولم يؤكد مصدر عسكري أن الطريق فتح", "مصدر عسكري", "government", "neutral"),
        ("وقالت واشنطن إنها تتابع الوضع", "الولايات المتحدة", "third_party", "neutral"),
        ("تواصلت الاشتباكات في ريف الرقة", "", "narrator", "none"),
    ],
)
def test_single_sentence_rules(sentence, speaker, side, frame):
    row = attribute_sentence(sentence)
    assert (row[S.SPEAKER], row[S.SIDE], row[S.VERB_FRAME]) == (speaker, side, frame)


def test_anaphor_resolves_to_the_last_actor_of_its_kind():
    articles = pd.DataFrame(
        {
            S.DOC_ID: ["d"],
            S.TEXT: ["أعلنت وزارة الداخلية حظر التجول. وأوضحت الوزارة أن الحظر مؤقت."],
        }
    )
    rows = extract_statements(articles)
    assert rows[S.SPEAKER].tolist() == ["وزارة الداخلية", "وزارة الداخلية"]


def test_pro_drop_continues_previous_speaker_and_person_side_from_title():
    text = (
        "وقال فرهاد شامي، المتحدث باسم قسد، إن الهجوم فشل. "
        "وأضاف أن القوات صدت التقدم. تواصل القصف ليلًا."
    )
    rows = extract_statements(pd.DataFrame({S.DOC_ID: ["d"], S.TEXT: [text]}))
    assert rows[S.SPEAKER].tolist() == ["فرهاد شامي", "فرهاد شامي", ""]
    assert rows[S.SIDE].tolist() == ["sdc", "sdc", "narrator"]


def test_metadata_columns_are_carried():
    articles = load_example().assign(outlet="X", date="2026-01-10")
    rows = extract_statements(articles)
    assert set(rows["outlet"]) == {"X"} and set(rows["date"]) == {"2026-01-10"}


@pytest.mark.parametrize("bad", [None, float("nan"), "   "])
def test_missing_text_names_the_document(bad):
    articles = pd.DataFrame({S.DOC_ID: ["ok", "broken"], S.TEXT: ["نص.", bad]})
    with pytest.raises(ValueError, match="'broken'"):
        extract_statements(articles)


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match=r"missing required column.*doc_id"):
        extract_statements(pd.DataFrame({S.TEXT: ["نص"]}))


def test_duplicate_doc_ids_are_refused_naming_the_id():
    articles = pd.DataFrame({S.DOC_ID: ["a", "b", "a"], S.TEXT: ["نص.", "نص.", "آخر."]})
    with pytest.raises(ValueError, match=r"doc_id 'a' is used by rows 0, 2"):
        extract_statements(articles)
