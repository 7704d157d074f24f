"""Loading corpora: formats, encodings and every kind of bad input."""

import json
import warnings

import numpy as np
import pandas as pd
import pytest

from toolkit.corpus import CorpusWarning, DecodeError, load_corpus, load_example
from toolkit.corpus import schema as S
from toolkit.corpus.encoding import detect_encoding

ARTICLE = "أكدت وزارة الدفاع أن الهدنة صامدة.\n\nوقال مسد إن القصف مستمر."


@pytest.mark.parametrize(
    "codec",
    [
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "cp1256",
    ],
)
def test_text_folder_in_every_encoding(tmp_path, codec):
    (tmp_path / "a1.txt").write_bytes(ARTICLE.encode(codec))
    articles = load_corpus(tmp_path)
    assert articles[S.TEXT].iloc[0] == ARTICLE
    assert articles[S.DOC_ID].iloc[0] == "a1"


def test_undecodable_bytes_name_file_and_offset(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"plain ascii then \xff\xfe\x00\x81 junk \x9d\x90")
    with pytest.raises(DecodeError, match=r"bad\.txt: byte 17"):
        load_corpus(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_damaged_byte_is_named_by_its_line(tmp_path, newline):
    path = tmp_path / "t.txt"
    lines = ["قال المتحدث إن الهدنة صامدة.", "وأضاف أن المعبر مفتوح.", "وتابع قائلا"]
    data = bytearray(newline.join(lines).encode())
    bad = data.index("قائلا".encode())
    data[bad] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DecodeError, match=rf"byte {bad} \(0xff, line 3\)"):
        load_corpus(path)
    with pytest.raises(DecodeError, match=rf"byte {bad} \(line 3\) cannot be decoded"):
        load_corpus(path, encoding="utf-8")


def test_damaged_utf8_is_refused_not_read_as_cp1256(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("قال المتحدث".encode()[:-1])
    with pytest.raises(DecodeError, match=r"t\.txt: byte 19 .*damaged UTF-8"):
        load_corpus(path)
    data = bytearray(ARTICLE.encode())
    lead = data.index("الهدنة".encode())
    data[lead] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DecodeError, match=rf"t\.txt: byte {lead} .*encoding="):
        load_corpus(path)


@pytest.mark.parametrize("low", [0, 0x80])
def test_random_bytes_are_refused(tmp_path, low):
    path = tmp_path / "noise.txt"
    path.write_bytes(
        np.random.default_rng(0).integers(low, 256, 1000).astype("u1").tobytes()
    )
    with pytest.raises(
        DecodeError, match="neither UTF-16, Arabic Windows-1256 nor ISO-8859-6"
    ):
        load_corpus(path)


def test_iso_8859_6_is_read_and_mac_arabic_refused_not_garbled(tmp_path):
    # Both put Arabic letters where Windows-1256 has à, ç, è: read as Windows-1256
    # they give words such as "èزارة" (input audit)
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("iso8859_6", errors="replace"))
    assert load_corpus(path)[S.TEXT].item() == ARTICLE.encode(
        "iso8859_6", errors="replace"
    ).decode("iso8859_6")
    path.write_bytes(ARTICLE.encode("mac_arabic", errors="replace"))
    with pytest.raises(DecodeError, match=r"a\.txt: .*ISO-8859-6; pass encoding="):
        load_corpus(path)


def test_explicit_wrong_encoding_names_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    with pytest.raises(
        DecodeError, match=r"a\.txt: byte \d+ \(line \d+\) cannot be decoded as utf-8"
    ):
        load_corpus(path, encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_truncated_file_names_the_detected_codec(tmp_path, codec):
    path = tmp_path / "cut.txt"
    path.write_bytes(ARTICLE.encode(codec)[:-1])
    with pytest.raises(
        DecodeError,
        match=rf"cut\.txt: byte \d+ \(line \d+\) cannot be decoded as {codec} "
        r"\(the detected encoding\): truncated",
    ):
        load_corpus(path)


@pytest.mark.parametrize("codec", ["cp1256", "windows-1256", "mac_arabic", "cp720"])
def test_a_utf8_file_read_with_a_single_byte_codec_is_warned(tmp_path, codec):
    (tmp_path / "u.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.warns(
        CorpusWarning, match=rf"u\.txt: read as {codec}, .*looks like UTF-8"
    ):
        articles = load_corpus(tmp_path, encoding=codec)
    assert articles[S.TEXT].iloc[0] == ARTICLE.encode().decode(codec)


def test_a_file_in_the_codec_given_is_not_warned(tmp_path):
    (tmp_path / "c.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "u.txt").write_text(ARTICLE, encoding="utf-8-sig")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_corpus(tmp_path / "c.txt", encoding="cp1256")[S.TEXT][0] == ARTICLE
        assert load_corpus(tmp_path / "u.txt", encoding="UTF8")[S.TEXT][0] == ARTICLE


def test_a_table_read_with_a_wrong_given_encoding_says_so(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes('doc_id,text,a,b\n1,"قال, المتحدث",x,y\n'.encode("utf-16"))
    with pytest.raises(ValueError, match="not in cp1256, the encoding you gave"):
        load_corpus(path, encoding="cp1256")


def test_a_semicolon_separated_file_is_recognised_in_the_message(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("doc_id;text\n1;قال المتحدث إن القصف توقف\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header looks separated by ';'"):
        load_corpus(path)


def test_sidecar_metadata(tmp_path):
    (tmp_path / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "x.json").write_text(
        json.dumps({"outlet": "سانا", "date": "2026-01-09", "section": "سياسة"}),
        encoding="utf-8",
    )
    row = load_corpus(tmp_path).iloc[0]
    assert (row[S.OUTLET], row[S.DATE], row["section"]) == (
        "سانا",
        "2026-01-09",
        "سياسة",
    )


def test_sidecar_honours_encoding(tmp_path):
    (tmp_path / "x.txt").write_bytes(ARTICLE.encode("cp1256"))
    meta = {"outlet": "Agence France-Presse", "title": "Déclaration"}
    (tmp_path / "x.json").write_bytes(
        json.dumps(meta, ensure_ascii=False).encode("cp1256")
    )
    with pytest.raises(DecodeError, match=r"x\.json: byte \d+"):
        load_corpus(tmp_path)
    row = load_corpus(tmp_path, encoding="cp1256").iloc[0]
    assert (row[S.OUTLET], row[S.TITLE]) == ("Agence France-Presse", "Déclaration")


def test_folder_suffixes_are_case_insensitive_and_subfolders_ignored(tmp_path):
    (tmp_path / "A.TXT").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "A.JSON").write_text('{"outlet": "سانا"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "b.json").mkdir()
    with pytest.warns(CorpusWarning, match=r"x\.txt: not a file; skipped"):
        articles = load_corpus(tmp_path)
    assert articles[[S.DOC_ID, S.OUTLET]].values.tolist() == [["A", "سانا"], ["b", ""]]


def test_macos_metadata_and_broken_links_are_skipped_by_name(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.warns(CorpusWarning) as caught:
        articles = load_corpus(tmp_path)
    messages = [str(w.message) for w in caught]
    assert any("._a.txt: a macOS metadata file" in m for m in messages)
    assert any("gone.txt: a link to a file that does not exist" in m for m in messages)
    assert articles[S.DOC_ID].tolist() == ["a"]


def test_unknown_encoding_names_the_argument(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for codec in ("klingon", "zlib"):
        with pytest.raises(ValueError, match=f"argument encoding='{codec}' is not"):
            load_corpus(tmp_path, encoding=codec)


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty", "  \n"), ("marks", "\u200f\n\u200b \ufeff\n")],  # invisible marks only
)
def test_a_text_file_without_visible_text_is_skipped_with_a_warning(
    tmp_path, name, content
):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / f"{name}.txt").write_text(content, encoding="utf-8")
    with pytest.warns(CorpusWarning, match=rf"{name}\.txt: no text; skipped"):
        articles = load_corpus(tmp_path)
    assert articles[S.DOC_ID].tolist() == ["a"]


def test_empty_file_raises_when_asked(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match=r"empty\.txt: no text"):
        load_corpus(tmp_path, on_missing="raise")


def test_only_empty_files_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.warns(CorpusWarning), pytest.raises(ValueError, match="no article"):
        load_corpus(tmp_path)


def test_csv_with_missing_text_column_names_file_and_columns(tmp_path):
    path = tmp_path / "corpus.csv"
    pd.DataFrame({"doc_id": ["a"], "body": [ARTICLE]}).to_csv(path, index=False)
    with pytest.raises(
        ValueError, match=r"corpus\.csv: missing required column\(s\) text"
    ):
        load_corpus(path)


def test_a_header_with_spaces_around_a_name_is_pointed_out(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(f'doc_id,text \na,"{ARTICLE}"\n', encoding="utf-8")
    with pytest.raises(
        ValueError,
        match=r"missing required column\(s\) text; columns present: doc_id, 'text '; "
        r"a column name has surrounding spaces: rename 'text ' to 'text'",
    ):
        load_corpus(path)


def test_a_header_differing_in_case_is_pointed_out(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(f'doc_id,Text\na,"{ARTICLE}"\n', encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"column names are case-sensitive: rename 'Text' to 'text'"
    ):
        load_corpus(path)


def test_a_text_cell_of_another_type_is_named_by_type(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": 12345}) + "\n",
        encoding="utf-8",
    )
    with pytest.warns(CorpusWarning, match=r"its text is not a string \(int 12345\)"):
        articles = load_corpus(path)
    assert len(articles) == 1


def test_csv_nan_cells_are_skipped_with_row_named(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(f'doc_id,text\na,"{ARTICLE}"\nb,\nc,"نص آخر."\n', encoding="utf-8")
    with pytest.warns(
        CorpusWarning, match=r"row 1 \(0 = first under the header, doc_id 'b'\)"
    ):
        articles = load_corpus(path)
    assert articles[S.DOC_ID].tolist() == ["a", "c"]
    assert list(articles.columns[:6]) == list(S.ARTICLE_COLUMNS)
    # no doc_id column: the row is not named by an id the file does not hold
    path.write_text(f'text\n"{ARTICLE}"\n""\n"نص آخر."\n', encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        load_corpus(path)
    assert "corpus-1" not in str(caught[0].message)


def test_csv_in_cp1256_and_tsv(tmp_path):
    frame = pd.DataFrame({"text": [ARTICLE, "خبر ثان."], "outlet": ["أ", "ب"]})
    csv = tmp_path / "c.csv"
    csv.write_bytes(frame.to_csv(index=False).encode("cp1256"))
    tsv = tmp_path / "t.tsv"
    frame.to_csv(tsv, sep="\t", index=False)
    for path in (csv, tsv):
        articles = load_corpus(path)
        assert articles[S.TEXT].tolist() == frame["text"].tolist()
        assert articles[S.DOC_ID].tolist() == [f"{path.stem}-0", f"{path.stem}-1"]


def test_cp1256_csv_with_latin_outlets_and_urls(tmp_path):
    frame = pd.DataFrame(
        {
            "outlet": ["Enab Baladi", "North Press Agency"],
            "url": [
                "https://www.enabbaladi.net/archives/2026/01/clashes-in-aleppo",
                "https://npasyria.com/en/2026/01/09/sdf-statement-on-aleppo/",
            ],
            "text": ["قال المتحدث.", "أكدت الوزارة."],
        }
    )
    path = tmp_path / "c.csv"
    path.write_bytes(frame.to_csv(index=False).encode("cp1256"))
    articles = load_corpus(path)
    assert articles[[S.OUTLET, S.URL, S.TEXT]].equals(frame[[S.OUTLET, S.URL, S.TEXT]])


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            "1,قال المتحدث, إن القصف توقف\n2,وأكدت الوزارة\n",
            r"line 2 has 3 fields but the header has 2",
        ),
        (
            '1,"نص\nعلى سطرين"\n\n2,وأكدت, الوزارة\n',
            r"line 5 has 3 fields but the header has 2",
        ),
        (
            '1,نص\n2,"وأكدت الوزارة\n3,نص\n',
            r"the quoted value starting on line 3 never ends",
        ),
    ],
    ids=["first-row", "after-a-multiline-value", "open-quote"],
)
def test_csv_parse_problems_name_file_and_line(tmp_path, rows, problem):
    path = tmp_path / "c.csv"
    path.write_text("doc_id,text\n" + rows, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"c\.csv: {problem}.*double quotes"):
        load_corpus(path)


@pytest.mark.parametrize("header", ["text,text", "doc_id,outlet,text,outlet"])
def test_duplicate_column_names_are_refused(tmp_path, header):
    path = tmp_path / "d.tsv"
    row = "\t".join(["نص"] * (header.count(",") + 1))
    path.write_text(header.replace(",", "\t") + "\n" + row, encoding="utf-8")
    with pytest.raises(ValueError, match=r"d\.tsv: .*column '(text|outlet)' more"):
        load_corpus(path)


def test_jsonl_and_bad_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"text": ARTICLE, "doc_id": "j1"}) + "\n", encoding="utf-8"
    )
    assert load_corpus(path)[S.DOC_ID].tolist() == ["j1"]
    path.write_text('{"text": "نص"}\n{broken\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.jsonl: line 2 is not valid JSON"):
        load_corpus(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_jsonl_text_may_hold_unicode_line_separators(tmp_path, newline):
    texts = [f"{ARTICLE}\u2028سطر\u2029فقرة\x85نهاية", "قال مصدر\u2028إن الهدنة صامدة"]
    records = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    path = tmp_path / "c.jsonl"
    path.write_bytes(newline.join([*records, "", "{broken"]).encode("utf-8"))
    with pytest.raises(ValueError, match=r"c\.jsonl: line 4 is not valid JSON"):
        load_corpus(path)
    path.write_bytes(newline.join(records).encode("utf-8"))
    assert load_corpus(path)[S.TEXT].tolist() == texts


def test_parquet(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet support needs pyarrow")
    path = tmp_path / "c.parquet"
    pd.DataFrame({"text": [ARTICLE]}).to_parquet(path)
    assert load_corpus(path)[S.TEXT].iloc[0] == ARTICLE
    with pytest.raises(ValueError, match=r"c\.parquet: .* more than max_bytes=10;"):
        load_corpus(path, max_bytes=10)


def test_parquet_doc_id_stored_as_the_index_is_kept(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet support needs pyarrow")
    path = tmp_path / "c.parquet"
    table = pd.DataFrame({"doc_id": ["x", "y"], "text": [ARTICLE, ARTICLE]})
    table.set_index("doc_id").to_parquet(path)
    assert load_corpus(path)[S.DOC_ID].tolist() == ["x", "y"]
    table.set_index("doc_id", drop=False).to_parquet(path)
    assert load_corpus(path)[S.DOC_ID].tolist() == ["x", "y"]
    table.iloc[::-1].to_parquet(path)  # a default index is row numbers, not data
    articles = load_corpus(path)
    assert articles.columns.tolist() == [*S.ARTICLE_COLUMNS]
    assert articles[S.DOC_ID].tolist() == ["y", "x"]


@pytest.mark.parametrize("nulls", [1, 2])
def test_parquet_null_doc_ids_are_filled_like_a_missing_column(tmp_path, nulls):
    pytest.importorskip("pyarrow", reason="Parquet support needs pyarrow")
    path = tmp_path / "n.parquet"
    ids = [None] * nulls + ["b"]
    pd.DataFrame({"doc_id": ids, "text": [ARTICLE] * len(ids)}).to_parquet(path)
    expected = [f"n-{row}" for row in range(nulls)] + ["b"]
    assert load_corpus(path)[S.DOC_ID].tolist() == expected


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"big\.txt: .* bytes is more than max_bytes=1,000; split"
    ) as error:
        load_corpus(path, max_bytes=1000)
    assert "iter_corpus" not in str(error.value)


def test_non_arabic_text_is_kept_with_a_warning(tmp_path):
    (tmp_path / "en.txt").write_text(
        "The ministry said the truce holds.", encoding="utf-8"
    )
    with pytest.warns(CorpusWarning, match="no Arabic letter"):
        articles = load_corpus(tmp_path)
    assert len(articles) == 1


def test_duplicate_doc_ids_are_an_error_naming_rows(tmp_path):
    path = tmp_path / "d.csv"
    pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["نص", "", "نص آخر"]}).to_csv(
        path, index=False
    )
    with (
        pytest.warns(CorpusWarning),
        pytest.raises(ValueError, match=r"duplicate doc_id values 'a' \(rows 0, 2\)"),
    ):
        load_corpus(path)


def test_duplicate_doc_ids_from_sidecars_name_the_files(tmp_path):
    for name in ("x", "y"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / f"{name}.json").write_text('{"doc_id": 7}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"values '7' \(files x\.txt, y\.txt\)"):
        load_corpus(tmp_path)


def test_jsonl_doc_ids_kept_as_written_and_missing_ones_filled(tmp_path):
    path = tmp_path / "c.jsonl"
    records = [
        {"text": ARTICLE, "doc_id": 7, "outlet": "سانا"},
        {"text": ARTICLE},
        {"text": ARTICLE, "doc_id": 2.5},
        {"text": ARTICLE, "doc_id": None},
    ]
    path.write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    articles = load_corpus(path)
    assert articles[S.DOC_ID].tolist() == ["7", "c-1", "2.5", "c-3"]
    assert articles[S.OUTLET].tolist() == ["سانا", "", "", ""]


def test_csv_empty_doc_id_cells_are_filled_like_a_missing_column(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(
        'doc_id,text\n,"قال مسد إن القصف مستمر."\n2,"أكدت الوزارة."\n  ,"نص."\n',
        encoding="utf-8",
    )
    assert load_corpus(path)[S.DOC_ID].tolist() == ["e-0", "2", "e-2"]


def test_jsonl_empty_doc_id_is_filled(tmp_path):
    path = tmp_path / "c.jsonl"
    records = [{"text": ARTICLE, "doc_id": ""}, {"text": ARTICLE, "doc_id": "a"}]
    path.write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    assert load_corpus(path)[S.DOC_ID].tolist() == ["c-0", "a"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "نص", "text": "نص آخر"}', "gives key 'text' more than once"),
        ('{"text": "نص", "doc_id": [1]}', "has doc_id \\[1\\]; expected a string"),
    ],
    ids=["key-twice", "doc-id-a-list"],
)
def test_jsonl_bad_record_names_the_line(tmp_path, line, problem):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "نص"}\n' + line, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"c\.jsonl: line 2 {problem}"):
        load_corpus(path)


def test_unknown_type_and_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        load_corpus(tmp_path / "nope")
    path = tmp_path / "x.docx"
    path.write_bytes(b"x")
    with pytest.raises(ValueError, match=r"unknown corpus type '\.docx'"):
        load_corpus(path)


def test_loading_never_modifies_the_source(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(f'doc_id,text\na,"{ARTICLE}"\nb,\n'.encode("cp1256"))
    before = path.read_bytes()
    with pytest.warns(CorpusWarning):
        load_corpus(path)
    assert path.read_bytes() == before


def test_example_is_the_seed_article():
    articles = load_example()
    assert articles[S.DOC_ID].tolist() == ["aleppo-sheikh-maqsoud"]
    assert articles[S.TEXT].iloc[0].startswith("في استمرار لحالة التوترات")


def test_a_list_in_a_text_cell_is_skipped_by_name(tmp_path):
    path = tmp_path / "c.jsonl"
    records = [
        {"doc_id": "a", "text": ["قال", "نعم"]},
        {"doc_id": "b", "text": ARTICLE},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    with pytest.warns(CorpusWarning, match=r"its text is not a string \(list"):
        articles = load_corpus(path)
    assert articles[S.DOC_ID].tolist() == ["b"]


def test_a_short_utf16_file_without_bom_is_not_taken_for_utf32():
    # as UTF-32 these bytes are U+A0648, in a plane where nothing is assigned
    assert detect_encoding("و\n".encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding("قال\n".encode("utf-32-le")) == "utf-32-le"
