"""Attribution of the seed article against its gold file, and the rules one by one."""

import re
import unicodedata
from functools import partial

import pandas as pd
import pytest

from toolkit.corpus import (
    attribute_sentence,
    extract_statements,
    load_example,
    load_example_gold,
)
from toolkit.corpus import schema as S
from toolkit.corpus.attribution_check import (
    ATTRIBUTION_COLUMNS,
    attribution_accuracy,
    compare_attribution,
)
from toolkit.corpus.normalize import normalize
from toolkit.framing.stats import wilson_interval


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


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "\u200c", "\u2060", "\u200f"])
def test_invisible_marks_inside_words_change_no_attribution(seed_statements, mark):
    text = load_example()[S.TEXT].iloc[0]
    # In the middle of every word of four letters or more, and after every full stop.
    marked = re.sub(r"(\w\w)(\w\w)", rf"\1{mark}\2", text).replace(".", "." + mark)
    assert marked.count(mark) > 100
    statements = extract_statements(pd.DataFrame({"doc_id": ["a"], "text": [marked]}))
    columns = [S.SPEAKER, S.SIDE, S.VERB, S.VERB_FRAME, S.VERB2, S.TEXT_NORM]
    assert statements[columns].equals(seed_statements[columns])
    for row in statements.itertuples():
        assert marked[row.char_start : row.char_end] == row.text
        assert row.text.replace(mark, "") == seed_statements[S.TEXT][row.Index]


def _kurdish_keyboard(text: str) -> str:
    """The text as typed on a Kurdish keyboard: heh as ae, Persian yeh and kaf."""
    return text.translate(str.maketrans({"ه": "ە", "ي": "ی", "ك": "ک"}))


@pytest.mark.parametrize(
    ("spelling", "changed"),
    [
        # ئ ؤ أ written as a letter and a combining hamza
        (partial(unicodedata.normalize, "NFD"), "\u0654"),
        (_kurdish_keyboard, "ە"),
    ],
)
def test_other_spellings_of_the_same_letters_are_attributed_alike(
    seed_statements, spelling, changed
):
    text = spelling(load_example()[S.TEXT].iloc[0])
    assert changed in text
    statements = extract_statements(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    columns = [S.SIDE, S.VERB_FRAME, S.TEXT_NORM]
    assert statements[columns].equals(seed_statements[columns])
    for column in (S.SPEAKER, S.VERB, S.VERB2):  # as written, so compared normalised
        spelled = statements[column].map(normalize)
        assert spelled.equals(seed_statements[column].map(normalize))
    for row in statements.itertuples():
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


# -- rules added after measuring attribution on the framing corpus (train + dev) ----


@pytest.mark.parametrize(
    ("sentence", "speaker", "side", "verb", "frame"),
    [
        # subject before the verb, also behind "أن" and a parenthetical
        (
            "قسد اتهمت دمشق بقصف القرى",
            "قوات سوريا الديمقراطية",
            "sdc",
            "اتهمت",
            "accusatory",
        ),
        (
            "غير أن قسد نفت هذه الرواية",
            "قوات سوريا الديمقراطية",
            "sdc",
            "نفت",
            "denial",
        ),
        ("الأسايش، في بيان مقتضب، نفت منع الصهاريج", "الأسايش", "sdc", "نفت", "denial"),
        (
            "أما الإدارة الذاتية فاعتبرت المرسوم خطوة",
            "الإدارة الذاتية",
            "sdc",
            "اعتبرت",
            "neutral",
        ),
        # a preposition after the verb is not a subject
        (
            "الإدارة الذاتية قالت في بيان: إن الصمت يشجع أنقرة",
            "الإدارة الذاتية",
            "sdc",
            "قالت",
            "neutral",
        ),
        # verbs added to the lexicon
        (
            "ودعت وزارة الخارجية المنظمات إلى التحرك",
            "وزارة الخارجية",
            "government",
            "دعت",
            "neutral",
        ),
        (
            "وانتقد مجلس سوريا الديمقراطية القرار",
            "مجلس سوريا الديمقراطية",
            "sdc",
            "انتقد",
            "accusatory",
        ),
        # a colon, "بحسب", "جاء في بيان"
        (
            "الداخلية السورية: أرقام مسد ملفقة",
            "وزارة الداخلية",
            "government",
            "",
            "none",
        ),
        (
            "وبحسب المرصد السوري، قتل ستة مقاتلين",
            "المرصد السوري لحقوق الإنسان",
            "third_party",
            "",
            "none",
        ),
        (
            'جاء في بيان صادر عن مجلس سوريا الديمقراطية: "الانتخابات خطوة"',
            "مجلس سوريا الديمقراطية",
            "sdc",
            "جاء",
            "neutral",
        ),
        # passive and adjectival forms name no speaker
        ("ويُعتقد أن الخلايا تستغل التنافس", "", "narrator", "", "none"),
        ("أنباء غير مؤكدة عن مقتل ستة مقاتلين", "", "narrator", "", "none"),
        # third parties whose names hold a government alias
        (
            "أعلنت وزارة الدفاع الأمريكية أنها ستخفض قواتها",
            "الولايات المتحدة",
            "third_party",
            "أعلنت",
            "neutral",
        ),
    ],
)
def test_rules_for_subjects_sources_and_verbs(sentence, speaker, side, verb, frame):
    row = attribute_sentence(sentence)
    assert (row[S.SPEAKER], row[S.SIDE], row[S.VERB], row[S.VERB_FRAME]) == (
        speaker,
        side,
        verb,
        frame,
    )


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        pytest.param(
            [
                "وأكد المتحدث باسم الأسايش، سيبان حسو، أن المعابر ستبقى مغلقة.",
                "ونفى حسو أي علاقة بالخلافات.",
            ],
            [("سيبان حسو", "sdc")] * 2,
            id="name after a title; the surname refers back",
        ),
        pytest.param(
            ["قال مظلوم عبدي إن قواته باقية.", "وأضاف عبدي أن الاتفاق قريب."],
            [("مظلوم عبدي", "sdc")] * 2,
            id="a person in the actors lexicon; the surname refers back",
        ),
        pytest.param(
            [
                "قال المتحدث باسم قسد فرهاد شامي إن الهجوم فشل.",
                "وأضاف شامي أن القوات تقدمت.",
            ],
            [("قوات سوريا الديمقراطية", "sdc")] * 2,
            id="name after the organisation without commas; the surname refers back",
        ),
        pytest.param(
            [
                "قال القائد العام لقوات سوريا الديمقراطية مظلوم عبدي إن قواته باقية.",
                "وأضاف عبدي أن الاتفاق قريب.",
            ],
            [("قوات سوريا الديمقراطية", "sdc")] * 2,
            id="a listed person after the organisation",
        ),
        pytest.param(
            [
                "أكد محافظ الحسكة أحمد الهلالي أن الطريق مفتوح.",
                "وأضاف الهلالي أن الخدمات عادت.",
            ],
            [("محافظ الحسكة", "government")] * 2,
            id="name after a governor's title",
        ),
        pytest.param(
            [
                "وقال المتحدث باسم المفوضية، دلشاد عثمان، إن التسجيل انتهى.",
                "واتهم عثمان وسائل الإعلام الحكومية بالتضخيم.",
            ],
            [("دلشاد عثمان", "third_party")] * 2,
            id="name after an unlisted title",
        ),
        pytest.param(
            [
                "وقال حسان الأيوبي، قائد الشرطة العسكرية في الجيش السوري، إن الطريق آمن.",
                '"لن يكون هناك سلاح خارج إطار الدولة"، قال الأيوبي للصحفيين.',
            ],
            [("حسان الأيوبي", "government")] * 2,
            id="fronted quote; subject after the verb ends at a preposition",
        ),
        pytest.param(
            [
                "أعلنت وزارة الدفاع وقف العمليات.",
                "وقالت في بيان إن الهدنة صامدة.",
                "ودعا البيان المنظمات إلى التحرك.",
            ],
            [("وزارة الدفاع", "government")] * 3,
            id="no subject after the verb, and 'the statement', continue the speaker",
        ),
        pytest.param(
            [
                "وقال مصدر في محافظة الحسكة إن القافلة وصلت.",
                "ويطالب وجهاء من عشائر الرقة بعودة الجيش إلى الطريق.",
            ],
            [("مصدر", "government"), ("وجهاء", "third_party")],
            id="side from the title, not from a later word",
        ),
    ],
)
def test_rules_that_need_the_article(sentences, expected):
    text = " ".join(sentences)
    rows = extract_statements(pd.DataFrame({S.DOC_ID: ["d"], S.TEXT: [text]}))
    assert list(zip(rows[S.SPEAKER], rows[S.SIDE], strict=True)) == expected


@pytest.mark.parametrize(
    ("sentence", "speaker", "side"),
    [
        (
            "وأفاد بيان لوزارة الداخلية أن لجنة تحقيق باشرت عملها",
            "وزارة الداخلية",
            "government",
        ),
        ('جاء في بيان للأسايش: "أحبطت وحداتنا محاولة تهريب"', "الأسايش", "sdc"),
        (
            'جاء في بيان صادر عن مجلس عشيرة العكيدات: "نحمّل قسد المسؤولية"',
            "مجلس عشيرة العكيدات",
            "third_party",
        ),
        ("في حين قالت وزارة الكهرباء إن الصيانة انتهت", "وزارة الكهرباء", "government"),
        (
            "وطالبت منظمة هيومن رايتس ووتش الإدارة الذاتية بوقف التجنيد",
            "منظمة هيومن رايتس ووتش",
            "third_party",
        ),
    ],
)
def test_issuers_ministries_and_objects(sentence, speaker, side):
    row = attribute_sentence(sentence)
    assert (row[S.SPEAKER], row[S.SIDE]) == (speaker, side)


def test_a_verb_form_after_adam_or_ghayr_is_not_the_reporting_verb():
    row = attribute_sentence(
        "مسؤولة في هيئة التربية، طلبت عدم ذكر اسمها، قالت إن المدارس مغلقة"
    )
    assert row[S.VERB] == "قالت"


# -- measuring attribution against an annotation -------------------------------


def test_the_seed_article_agrees_with_its_gold_on_every_column(gold):
    compared = compare_attribution(load_example(), gold)
    table = attribution_accuracy(compared, n_resamples=0)
    assert table["column"].tolist() == list(ATTRIBUTION_COLUMNS)
    assert (table["correct"] == 9).all() and (table["n"] == 9).all()


def test_a_disagreement_is_counted_and_shown_beside_the_annotation(gold):
    changed = gold.copy()
    changed.loc[0, S.SIDE] = S.GOVERNMENT
    compared = compare_attribution(load_example(), changed)
    assert compared.loc[0, [S.SIDE, "predicted_side"]].tolist() == ["government", "sdc"]
    table = attribution_accuracy(compared, n_resamples=200).set_index("column")
    assert table.loc[S.SIDE, "correct"] == 8
    # one article: nothing to resample, so the Wilson interval of its 9 statements
    # (resampling the one article would give back 8/9, a point)
    assert table.loc[S.SIDE, ["ci_low", "ci_high"]].tolist() == pytest.approx(
        list(wilson_interval(8, 9))
    )
    assert table.loc[S.SIDE, "interval"].startswith("Wilson")


def two_articles() -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {
            S.DOC_ID: ["a", "b"],
            S.TEXT: ["قسد نفت ذلك. وقال المرصد إن القصف توقف.", "تواصل القصف."],
        }
    )
    gold = pd.DataFrame(
        {
            S.DOC_ID: ["a", "a", "b"],
            S.CHAR_START: [0, 13, 0],
            S.SIDE: ["sdc", "third_party", "narrator"],
            S.VERB_FRAME: ["denial", "neutral", "none"],
            S.VERB: ["نفت", "قال", ""],
            S.SPEAKER: ["قوات سوريا الديمقراطية", "المرصد السوري لحقوق الإنسان", ""],
            "genre": ["wire", "wire", "headline"],
        }
    )
    return articles, gold


def test_statements_are_matched_by_offset_and_a_missed_sentence_counts_as_wrong():
    articles, gold = two_articles()
    assert compare_attribution(articles, gold)["predicted_side"].tolist() == [
        "sdc",
        "third_party",
        "narrator",
    ]
    gold.loc[1, S.CHAR_START] = 14  # no automatic sentence starts there
    compared = compare_attribution(articles, gold)
    assert compared.loc[1, "predicted_side"] == ""
    by_genre = attribution_accuracy(compared, by="genre", n_resamples=0)
    sides = by_genre[by_genre["column"] == S.SIDE].set_index("genre")
    assert sides["correct"].to_dict() == {"headline": 1, "wire": 1}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g.assign(doc_id=["a", "z", "b"]), r"row 1 has doc_id 'z'"),
        (lambda g: g.assign(char_start=[0, "x", 0]), r"row 1 has char_start='x'"),
        (
            lambda g: g.drop(columns=[S.VERB_FRAME]),
            r"missing required column.*verb_frame",
        ),
    ],
)
def test_bad_annotation_tables_are_named(change, message):
    articles, gold = two_articles()
    with pytest.raises(ValueError, match=message):
        compare_attribution(articles, change(gold))


def test_bad_accuracy_arguments_are_named():
    articles, gold = two_articles()
    compared = compare_attribution(articles, gold)
    with pytest.raises(ValueError, match="by='genr' is not a column"):
        attribution_accuracy(compared, by="genr")
    with pytest.raises(ValueError, match="n_resamples"):
        attribution_accuracy(compared, n_resamples=-1)


@pytest.mark.parametrize(
    ("text", "speaker", "side"),
    [
        (
            'وقال المتحدث باسم قسد فرهاد شامي: "القوات الحكومية تقصف الأحياء. '
            'نحن لن نتراجع". وأضاف أن الهدنة انهارت.',
            "قوات سوريا الديمقراطية",
            S.SDC,
        ),
        (
            "وقالت وزارة الدفاع في بيان: «ملتزمون بوقف إطلاق النار. وسنرد على أي "
            "خرق.» وتواصلت الاشتباكات في الريف.",
            "وزارة الدفاع",
            S.GOVERNMENT,
        ),
    ],
)
def test_a_quotation_of_several_sentences_keeps_its_speaker(text, speaker, side):
    rows = extract_statements(pd.DataFrame({S.DOC_ID: ["q"], S.TEXT: [text]}))
    assert len(rows) == 3
    assert rows[S.SPEAKER].iloc[1] == speaker  # second sentence inside the quote
    assert rows[S.SIDE].iloc[1] == side
    if "تواصلت" in text:  # after the quote closes, the outlet's own voice again
        assert rows[S.SIDE].iloc[2] == S.NARRATOR


def test_an_unclosed_quotation_ends_with_its_paragraph():
    text = (
        'وقالت وزارة الدفاع: "ملتزمون بالهدنة. ولن نرد.\n\n'
        "تواصلت الاشتباكات في الريف. وسقطت قذائف على الأحياء."
    )
    rows = extract_statements(pd.DataFrame({S.DOC_ID: ["q"], S.TEXT: [text]}))
    assert rows[S.SIDE].tolist() == [S.GOVERNMENT, S.GOVERNMENT, S.NARRATOR, S.NARRATOR]


def test_an_article_of_invisible_marks_only_is_refused_by_name():
    table = pd.DataFrame(
        {S.DOC_ID: ["a", "marks"], S.TEXT: ["قال الوزير", "\u200f \u200b"]}
    )
    with pytest.raises(ValueError, match="doc_id 'marks' has no text"):
        extract_statements(table)


@pytest.mark.parametrize("quotes", ["“”", "”“", '""'])
def test_a_closed_quotation_of_either_curly_order_releases_the_speaker(quotes):
    opening, closing = quotes
    text = (
        f"وقال المتحدث باسم قسد إن {opening}القوات تقصف الأحياء{closing}. "
        "وشهدت المدينة هدوءا. وانقطعت الكهرباء."
    )
    rows = extract_statements(pd.DataFrame({S.DOC_ID: ["q"], S.TEXT: [text]}))
    assert rows[S.SIDE].tolist() == [S.SDC, S.NARRATOR, S.NARRATOR]
