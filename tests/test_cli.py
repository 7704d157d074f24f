"""The command line, end to end: analyze, train, annotate, and user errors."""

import errno
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from toolkit import cli
from toolkit.classify import load
from toolkit.cli import main
from toolkit.corpus import CorpusWarning, load_corpus, load_example, load_example_gold
from toolkit.corpus.attribution_check import attribution_accuracy, compare_attribution
from toolkit.datasets import load_framing_statements
from toolkit.pipeline import train_from_file
from toolkit.report import MARKER

EXAMPLE = "datasets/examples"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 0
    return out


def test_analyze_writes_every_file(report):
    for name in ("report.md", "report.html", "statements.csv", "summary.csv"):
        assert (report / name).stat().st_size > 0
    assert sorted(p.name for p in (report / "figures").iterdir()) == [
        "distinctive_terms.png",
        "hedging_by_side.png",
        "label_usage.png",
        "verb_profile.png",
    ]


def test_report_tells_how_each_side_was_framed(report):
    text = (report / "report.md").read_text(encoding="utf-8")
    assert "government: 4 statements; assertive 75%" in text
    assert "sdc: 4 statements; assertive 0%" in text and "distancing 25%" in text
    assert "«ميليشيا قسد» naming sdc" in text
    # one article: the test cannot account for clustering, and the report says so
    assert "come from one article" in text and "not the outlet" in text
    assert "design effects" not in text.split("## ")[1]
    # predicted labels, and the test named as a reader would name it
    assert (
        "Hedged share (predicted) government 0% vs sdc 25%: Fisher's exact test" in text
    )
    assert "![" in text and "figures/verb_profile.png" in text


def test_html_is_self_contained(report):
    page = (report / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 4
    assert 'src="http' not in page and 'href="http' not in page


def test_statements_csv_matches_gold_attribution(report):
    statements = pd.read_csv(report / "statements.csv", keep_default_na=False)
    gold = load_example_gold()
    assert statements["side"].tolist() == gold["side"].tolist()
    assert statements["verb_frame"].tolist() == gold["verb_frame"].tolist()
    assert statements["hedged"].tolist() == gold["hedged"].tolist()


def test_annotate_then_train_then_analyze_with_the_model(tmp_path, capsys):
    sheet = tmp_path / "sheet.csv"
    assert main(["annotate", EXAMPLE, "--sample", "5", "--out", str(sheet)]) == 0
    drawn = pd.read_csv(sheet, keep_default_na=False)
    assert len(drawn) == 5 and (drawn[["stance", "hedged"]] == "").all().all()

    labelled = load_framing_statements("train")[["text", "hedged"]].head(200)
    data = tmp_path / "labelled.csv"
    labelled.to_csv(data, index=False)
    model = tmp_path / "hedge.skops"
    assert main(["-q", "train", "hedging", str(data), "--out", str(model)]) == 0
    assert model.stat().st_size > 0
    out = tmp_path / "out"
    code = main(
        ["-q", "analyze", EXAMPLE, "--out", str(out), "--hedge-model", str(model)]
    )
    assert code == 0
    text = (out / "report.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:12]
    assert f"hedging by {model} (SHA-256 {digest})" in text
    assert "Stance is predicted by the project's default model" in text


def test_a_filled_annotation_sheet_trains_a_model(tmp_path):
    """A sheet has several statements per article: doc_id repeats."""
    sheet = tmp_path / "sheet.csv"
    assert main(["-q", "annotate", EXAMPLE, "--sample", "9", "--out", str(sheet)]) == 0
    filled = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    assert filled["doc_id"].duplicated().any()
    gold = load_example_gold().set_index("sent_id")
    filled["hedged"] = gold.loc[filled["sent_id"].astype(int), "hedged"].to_numpy()
    filled["stance"] = gold.loc[filled["sent_id"].astype(int), "stance"].to_numpy()
    filled.to_csv(sheet, index=False, encoding="utf-8-sig")
    for task in ("hedging", "stance"):
        model = tmp_path / f"{task}.skops"
        assert main(["-q", "train", task, str(sheet), "--out", str(model)]) == 0
        assert model.stat().st_size > 0


def test_statements_of_the_framing_corpus_train_a_model(tmp_path):
    statements = ROOT / "datasets" / "framing-statements" / "statements.tsv"
    rows = statements.read_text(encoding="utf-8").splitlines(keepends=True)[:301]
    data = tmp_path / "statements.tsv"
    data.write_text("".join(rows), encoding="utf-8")
    model = tmp_path / "stance.skops"
    assert main(["-q", "train", "stance", str(data), "--out", str(model)]) == 0
    assert model.stat().st_size > 0


@pytest.mark.parametrize("command", ["analyze", "annotate", "train"])
def test_encoding_is_passed_to_the_reader(tmp_path, command, capsys):
    data = tmp_path / "corpus.csv"
    gold = load_example_gold()[["doc_id", "sent_id", "text", "hedged"]]
    gold.assign(doc_id=gold["doc_id"] + "-" + gold["sent_id"].astype(str)).to_csv(
        data, index=False, encoding="cp1256"
    )
    out = tmp_path / ("report" if command == "analyze" else "out.file")
    args = ["hedging", str(data)] if command == "train" else [str(data)]
    argv = ["-q", command, *args, "--out", str(out)]
    assert main([*argv, "--encoding", "utf-8"]) == 1
    assert f"error: {data}" in capsys.readouterr().err
    assert main([*argv, "--encoding", "cp1256"]) == 0


def test_an_unknown_encoding_names_the_option(capsys):
    assert main(["analyze", EXAMPLE, "--encoding", "klingon"]) == 2
    assert (
        "argument --encoding: 'klingon' is not a text codec" in capsys.readouterr().err
    )


def test_hedged_labels_written_as_floats_are_accepted(tmp_path):
    data = tmp_path / "labels.csv"
    gold = load_example_gold()
    gold.assign(hedged=gold["hedged"].astype(float))[["text", "hedged"]].to_csv(
        data, index=False
    )
    assert "0.0" in data.read_text(encoding="utf-8")
    model = tmp_path / "hedge.skops"
    assert main(["-q", "train", "hedging", str(data), "--out", str(model)]) == 0


def test_training_with_empty_labels_is_one_clear_line(tmp_path, capsys):
    data = tmp_path / "sheet.csv"
    pd.DataFrame({"text": ["زعم المتحدث", "أكد المتحدث"], "hedged": ["1", ""]}).to_csv(
        data, index=False
    )
    assert main(["train", "hedging", str(data), "--out", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "'hedged' is empty in row(s) 1" in err
    assert "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_analyze_never_writes_over_its_input(tmp_path, force, capsys):
    project = tmp_path / "proj"
    project.mkdir()
    corpus = project / "statements.csv"
    load_example()[["doc_id", "text"]].to_csv(corpus, index=False)
    before = corpus.read_bytes()
    assert main(["-q", "analyze", str(corpus), "--out", str(project), *force]) == 1
    assert "would replace its input" in capsys.readouterr().err
    assert corpus.read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == ["statements.csv"]


def test_analyze_into_a_users_folder_needs_force(tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "report.md").write_text("my own report", encoding="utf-8")
    (folder / "ideas.txt").write_text("keep me", encoding="utf-8")
    assert main(["-q", "analyze", EXAMPLE, "--out", str(folder)]) == 1
    assert "pass --force" in capsys.readouterr().err
    assert (folder / "report.md").read_text(encoding="utf-8") == "my own report"
    assert main(["-q", "analyze", EXAMPLE, "--out", str(folder), "--force"]) == 0
    assert (folder / "report.md").read_text(encoding="utf-8").startswith("# Framing")
    assert (folder / "ideas.txt").read_text(encoding="utf-8") == "keep me"


def test_analyze_again_into_its_own_report_folder(report, tmp_path):
    again = tmp_path / "report"
    shutil.copytree(report, again)
    (again / MARKER).unlink()  # as written before the marker existed
    assert main(["-q", "analyze", EXAMPLE, "--out", str(again)]) == 0
    assert (again / MARKER).is_file()
    assert main(["-q", "analyze", EXAMPLE, "--out", str(again)]) == 0


def test_a_failed_analyze_leaves_the_previous_report_whole(
    report, tmp_path, file_size_limit, capsys
):
    again = tmp_path / "report"
    shutil.copytree(report, again)
    before = {p: p.read_bytes() for p in again.rglob("*") if p.is_file()}
    with file_size_limit(20_000):  # report.html and the figures are larger
        code = main(["-q", "analyze", EXAMPLE, "--out", str(again)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: could not write {again} (File too large)")
    assert {p: p.read_bytes() for p in again.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def _one_sided_corpus(folder):
    corpus = folder / "sdc.csv"
    pd.DataFrame(
        {
            "doc_id": ["a"],
            "text": [
                "قال مجلس سوريا الديمقراطية إن قواته صدت هجوما على حي الشيخ مقصود. "
                "وأكد المجلس أن المدنيين بخير."
            ],
        }
    ).to_csv(corpus, index=False)
    return corpus


def _fail_once(monkeypatch, path):
    """Make the first os.replace that moves ``path`` or onto it fail, as a
    read-only subfolder or a file open in Excel on Windows makes it fail."""
    rename, failed = os.replace, []

    def replace(src, dst):
        if path in (Path(src), Path(dst)) and not failed:
            failed.append(src)
            raise PermissionError(errno.EACCES, "Permission denied")
        rename(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return rename


@pytest.mark.parametrize("stuck", ["summary.csv", "figures/label_usage.png"])
def test_a_report_that_cannot_be_moved_in_leaves_the_previous_one_whole(
    report, tmp_path, monkeypatch, stuck, capsys
):
    again = tmp_path / "report"
    shutil.copytree(report, again)
    before = {p: p.read_bytes() for p in again.rglob("*") if p.is_file()}
    _fail_once(monkeypatch, again / stuck)
    corpus = _one_sided_corpus(tmp_path)  # another report: other files, one fewer
    assert main(["-q", "analyze", str(corpus), "--out", str(again)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: could not write {again} (Permission denied); it was left as it was\n"
    )
    assert {p: p.read_bytes() for p in again.rglob("*") if p.is_file()} == before


def test_an_interrupted_move_puts_the_previous_report_back(
    report, tmp_path, monkeypatch
):
    again = tmp_path / "report"
    shutil.copytree(report, again)
    before = {p: p.read_bytes() for p in again.rglob("*") if p.is_file()}
    rename, interrupted = os.replace, []

    def replace(src, dst):  # Ctrl-C once, as the first new file is moved in
        if ".partial" in str(src) and not interrupted:
            interrupted.append(src)
            raise KeyboardInterrupt
        rename(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        main(["-q", "analyze", EXAMPLE, "--out", str(again)])
    monkeypatch.setattr(os, "replace", rename)
    assert {p: p.read_bytes() for p in again.rglob("*") if p.is_file()} == before


def test_a_report_that_cannot_be_put_back_names_the_new_files(
    report, tmp_path, monkeypatch, capsys
):
    again = tmp_path / "report"
    shutil.copytree(report, again)
    rename = os.replace

    def replace(src, dst):  # summary.csv cannot be moved in, report.md not back
        moving_in = Path(dst) == again / "summary.csv" and ".partial" in str(src)
        putting_back = Path(dst) == again / "report.md" and ".previous" in str(src)
        if moving_in or putting_back:
            raise PermissionError(errno.EACCES, "Permission denied")
        rename(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    corpus = _one_sided_corpus(tmp_path)
    assert main(["-q", "analyze", str(corpus), "--out", str(again)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"error: could not write {again} (Permission denied), nor put it back as it "
        "was; now the new version: report.md; previous versions of report.md kept "
        f"in {again}{os.sep}.staging-"
    )
    kept = Path(err.rstrip("\n").rsplit(" kept in ", 1)[1])
    assert (kept / "report.md").read_bytes() == (report / "report.md").read_bytes()
    assert "sdc.csv" in (again / "report.md").read_text(encoding="utf-8")
    for name in ("report.html", "statements.csv", "figures/distinctive_terms.png"):
        assert (again / name).read_bytes() == (report / name).read_bytes()


def test_analyze_into_a_mount_point(tmp_path, monkeypatch):
    """--out on another file system than its parent: renames out of it fail."""
    out = tmp_path / "mnt"
    out.mkdir()
    rename = os.replace

    def replace_on_one_disk(src, dst):
        inside = [Path(p).resolve().is_relative_to(out) for p in (src, dst)]
        if inside[0] != inside[1]:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        rename(src, dst)

    monkeypatch.setattr(os, "replace", replace_on_one_disk)
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 0
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        MARKER,
        "figures",
        "report.html",
        "report.md",
        "statements.csv",
        "summary.csv",
    ]


def test_a_staging_folder_left_by_a_killed_analyze_is_no_users_file(tmp_path):
    out = tmp_path / "report"
    (out / ".staging-abc.partial").mkdir(parents=True)
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 0
    assert (out / "report.md").is_file()


def test_a_failed_analyze_creates_no_folder(tmp_path, capsys):
    out = tmp_path / "out"
    argv = ["-q", "analyze", EXAMPLE, "--out", str(out), "--hedge-model", "no.skops"]
    assert main(argv) == 1
    assert "no.skops" in capsys.readouterr().err
    assert not out.exists()


def test_an_out_that_cannot_be_written_fails_before_the_analysis(
    tmp_path, monkeypatch, no_analysis, capsys
):
    out = tmp_path / "report"

    def read_only(*args, **kwargs):  # as a folder the user may not write in
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: could not write {out} (Permission denied); it was left as it was\n"
    )
    assert not out.exists()


@pytest.mark.parametrize("option", ["--stance-model", "--hedge-model"])
def test_a_mistyped_model_fails_before_the_corpus_is_read(
    tmp_path, monkeypatch, no_analysis, option, capsys
):
    def read(*args):
        raise AssertionError("the corpus was read before the checks")

    monkeypatch.setattr(cli, "_load_arabic_corpus", read)
    out, typo = tmp_path / "report", tmp_path / "hegde.skops"
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out), option, str(typo)]) == 1
    assert str(typo) in capsys.readouterr().err
    assert not out.exists()
    out.write_text("a file, not a folder", encoding="utf-8")
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 1
    assert "is a file; the report needs a folder" in capsys.readouterr().err


def test_a_large_corpus_is_announced_and_the_report_says_its_size(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(cli, "ANNOUNCE_BYTES", 1)  # the example counts as large
    read = [f for f in Path(EXAMPLE).iterdir() if f.suffix in (".txt", ".json")]
    size = sum(f.stat().st_size for f in read)  # what the loader reads, not the card
    sheet = tmp_path / "sheet.csv"
    assert main(["-q", "annotate", EXAMPLE, "--out", str(sheet)]) == 0
    assert capsys.readouterr().err == ""  # quiet: not announced
    assert main(["annotate", EXAMPLE, "--out", str(sheet), "--force"]) == 0
    err = capsys.readouterr().err
    assert f"reading {EXAMPLE} ({size / 1e6:.2g} MB)..." in err
    out = tmp_path / "out"
    assert main(["-q", "analyze", EXAMPLE, "--out", str(out)]) == 0
    (out / "notes.txt").write_text("the user's own file", encoding="utf-8")
    assert main(["analyze", EXAMPLE, "--out", str(out), "--force"]) == 0
    written = sum(
        f.stat().st_size
        for f in out.rglob("*")
        if f.is_file() and f.name != "notes.txt"
    )
    assert capsys.readouterr().out.endswith(f"({written / 1e6:.2g} MB in {out})\n")


def test_a_corpus_with_one_side_is_reported_without_comparing_words(report, tmp_path):
    corpus = _one_sided_corpus(tmp_path)
    again = tmp_path / "report"
    shutil.copytree(report, again)
    assert main(["-q", "analyze", str(corpus), "--out", str(again)]) == 0
    text = (again / "report.md").read_text(encoding="utf-8")
    assert "no statement is attributed to the government side" in text
    assert "sdc: 2 statements" in text
    figures = sorted(p.name for p in (again / "figures").iterdir())
    assert "distinctive_terms.png" not in figures and "verb_profile.png" in figures


@pytest.mark.parametrize(
    "name", ["aleppo-sheikh-maqsoud.txt", "aleppo-sheikh-maqsoud.json", "new.csv"]
)
@pytest.mark.parametrize("command", [["annotate"], ["train", "hedging"]])
def test_no_command_writes_into_its_input_folder(tmp_path, command, name, capsys):
    corpus = tmp_path / "examples"
    shutil.copytree(EXAMPLE, corpus)
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    out = corpus / name
    argv = ["-q", *command, str(corpus), "--out", str(out), "--force"]
    assert main(argv) == 1
    assert "is inside the input folder" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def _gold_hedging_file(tmp_path):
    data = tmp_path / "labels.csv"
    load_example_gold()[["text", "hedged"]].to_csv(data, index=False)
    return data


def test_train_creates_the_folder_of_its_model(tmp_path):
    data = _gold_hedging_file(tmp_path)
    model = tmp_path / "models" / "new" / "hedge.skops"
    assert main(["-q", "train", "hedging", str(data), "--out", str(model)]) == 0
    assert model.stat().st_size > 0


@pytest.mark.parametrize("command", [["train", "hedging"], ["annotate"]])
def test_an_out_under_a_file_is_refused_before_any_work(tmp_path, command, capsys):
    data = _gold_hedging_file(tmp_path)
    out = data / "model.skops"
    assert main(["-q", *command, str(data), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: --out {out}: {data} is a file, not a folder\n"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_train_never_overwrites_its_own_training_data(tmp_path, force, capsys):
    data = _gold_hedging_file(tmp_path)
    before = data.read_bytes()
    argv = ["train", "hedging", str(data), "--out", str(data), *force]
    assert main(argv) == 1
    assert "is the input file" in capsys.readouterr().err
    assert data.read_bytes() == before


@pytest.mark.parametrize("link", ["same path", "symlink", "hard link"])
@pytest.mark.parametrize("force", [False, True])
def test_train_from_file_never_overwrites_its_training_data(tmp_path, link, force):
    data = _gold_hedging_file(tmp_path)
    before = data.read_bytes()
    out = data if link == "same path" else tmp_path / "m.skops"
    if link == "symlink":
        out.symlink_to(data.name)
    elif link == "hard link":
        out.hardlink_to(data)
    with pytest.raises(
        ValueError, match=re.escape(f"out {out} is the input file {data}")
    ):
        train_from_file("hedging", data, out, force=force)
    assert data.read_bytes() == before


def test_train_from_file_replaces_an_existing_model_only_with_force(tmp_path):
    data = _gold_hedging_file(tmp_path)
    model = tmp_path / "hedge.skops"
    model.write_bytes(b"precious")
    with pytest.raises(
        FileExistsError, match=re.escape(f"{model} exists; pass force=True")
    ):
        train_from_file("hedging", data, model)
    assert model.read_bytes() == b"precious"
    train_from_file("hedging", data, model, force=True)
    assert zipfile.is_zipfile(model)


def test_train_overwrites_an_existing_model_only_with_force(tmp_path, capsys):
    data = _gold_hedging_file(tmp_path)
    model = tmp_path / "hedge.skops"
    model.write_bytes(b"precious")
    argv = ["-q", "train", "hedging", str(data), "--out", str(model)]
    assert main(argv) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert model.read_bytes() == b"precious"
    assert main([*argv, "--force"]) == 0
    assert zipfile.is_zipfile(model)


def test_force_writes_through_a_link_and_keeps_the_permissions(tmp_path):
    data = _gold_hedging_file(tmp_path)
    version = tmp_path / "v3.skops"
    version.write_bytes(b"old model")
    version.chmod(0o600)
    current = tmp_path / "current.skops"
    current.symlink_to(version.name)
    argv = ["-q", "train", "hedging", str(data), "--out", str(current), "--force"]
    assert main(argv) == 0
    assert current.is_symlink() and os.readlink(current) == version.name
    assert zipfile.is_zipfile(version)
    assert version.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["analyze", "no/such/folder"], "no such file or folder"),
        (["annotate", EXAMPLE, "--out", "tasks.py"], "exists; pass --force"),
        (["analyze", EXAMPLE, "-q", "--hedge-model", "README.md"], "README.md"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_1(argv, message, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("task", "lines", "message"),
    [
        (
            "stance",
            ['{"text": "قال المصدر", "stance": "pro-goverment"}',
             '{"text": "أكد الوزير", "stance": "NEUTRAL"}',
             '{"text": "زعم المجلس", "stance": "pro_sdc"}'],
            "column 'stance' has label(s) outside pro_government, pro_sdc, neutral in "
            "row(s) 0 ('pro-goverment'), 1 ('NEUTRAL')",
        ),
        (
            "stance",
            ['{"text": "قال المصدر", "stance": 5}', '{"text": "أكد", "stance": ["x"]}'],
            "column 'stance' has label(s) outside pro_government, pro_sdc, neutral in "
            "row(s) 0 (5), 1 (['x'])",
        ),
        (
            "hedging",
            ['{"text": "قال المصدر", "hedged": 2}', '{"text": "أكد", "hedged": -1}',
             '{"text": "زعم", "hedged": "yes"}', '{"text": "ربما", "hedged": 0.5}'],
            "column 'hedged' has label(s) outside 0, 1 in row(s) 0 (2), 1 (-1), "
            "2 ('yes'), 3 (0.5)",
        ),
        (
            "hedging",
            ['{"text": "قال المصدر", "hedged": 1}', '{"text": "أكد", "hedged": null}'],
            "column 'hedged' is empty in row(s) 1",
        ),
        (
            "hedging",
            ['{"text": "قال المصدر", "hedged": 0}', '{"text": "أكد", "hedged": "0"}'],
            "column 'hedged' holds only the label 0; a model needs examples of at least",
        ),
    ],
)  # fmt: skip
def test_labels_outside_the_vocabulary_are_refused(
    tmp_path, task, lines, message, capsys
):
    data = tmp_path / "labels.jsonl"
    data.write_text("\n".join(lines), encoding="utf-8")
    model = tmp_path / "m.skops"
    assert main(["train", task, str(data), "--out", str(model)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {data}: {message}") and err.count("\n") == 1
    assert not model.exists()


def test_a_missing_label_column_lists_only_the_files_own_columns(tmp_path, capsys):
    data = tmp_path / "labels.csv"
    data.write_text("text,foo\nقال المصدر,1\n", encoding="utf-8")
    assert main(["train", "hedging", str(data), "--out", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err
    assert err.strip().endswith(
        "missing required column(s) hedged; columns present: text, foo"
    )


def test_a_corpus_without_arabic_is_one_clear_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Hello world. This is English.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="no Arabic letter"):
        assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path}: no article contains an Arabic letter")
    assert not (tmp_path / "out").exists()


def test_annotate_refuses_a_corpus_without_arabic_like_analyze(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hello world. This is English.", encoding="utf-8")
    out = tmp_path / "sheet.csv"
    with pytest.warns(CorpusWarning, match="no Arabic letter"):
        assert main(["annotate", str(corpus), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {corpus}: no article contains an Arabic letter")
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--sample", "-3"], "argument --sample: must be at least 1, got -3"),
        (["--sample", "0"], "argument --sample: must be at least 1, got 0"),
        (["--seed", "-1"], "argument --seed: must be at least 0, got -1"),
        (["--seed", "x"], "argument --seed: expected a whole number, got 'x'"),
    ],
)
def test_bad_numbers_name_their_argument(tmp_path, option, message, capsys):
    out = tmp_path / "sheet.csv"
    assert main(["annotate", EXAMPLE, "--out", str(out), *option]) == 2
    assert capsys.readouterr().err.strip().endswith(message)
    assert not out.exists()


def test_a_folder_given_as_a_model_is_named_as_a_folder(tmp_path, capsys):
    argv = ["-q", "analyze", EXAMPLE, "--out", str(tmp_path / "out")]
    assert main([*argv, "--stance-model", str(tmp_path)]) == 1
    assert (
        capsys.readouterr().err
        == f"error: {tmp_path}: is a folder; give a model file (.skops)\n"
    )


def test_warnings_are_one_line_each_also_when_quiet(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLE, corpus)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    argv = ["-q", "annotate", str(corpus), "--sample", "2", "--out", "s.csv"]
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", *argv],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr == f"warning: {corpus / 'empty.txt'}: no text; skipped\n"


@pytest.mark.parametrize("command", ["analyze", "train", "annotate"])
def test_every_command_has_help_with_an_example(command, capsys):
    assert main([command, "--help"]) == 0
    assert "example:" in capsys.readouterr().out


def test_bad_arguments_exit_2(capsys):
    assert main(["train", "nonsense"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.fixture
def tasks(monkeypatch):
    """tasks.py with its commands recorded instead of run."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.calls = []
    monkeypatch.setattr(module, "_ensure", lambda *args: "python")
    monkeypatch.setattr(module, "_run", lambda *args, **kw: module.calls.append(args))
    return module


def test_tasks_run_passes_force_on(tasks):
    assert tasks.main(["run", "--force"]) == 0
    assert tasks.calls[-1][-3:] == ("--out", "report", "--force")
    assert tasks.main(["run"]) == 0
    assert tasks.calls[-1][-2:] == ("--out", "report")


def test_tasks_find_the_shared_data_beside_a_clone_or_fail_under_ci(
    tasks, tmp_path, monkeypatch
):
    monkeypatch.delenv("TOOLKIT_DATA_HOME", raising=False)
    monkeypatch.setenv("CI", "true")
    data = tmp_path / "shared" / "datasets-raw"
    data.mkdir(parents=True)
    monkeypatch.setattr(tasks, "ROOT", tmp_path / "clones" / "toolkit")
    assert tasks._test_env()["TOOLKIT_DATA_HOME"] == str(data)
    data.rmdir()
    beside_origin = tmp_path / "work" / "shared" / "datasets-raw"
    beside_origin.mkdir(parents=True)
    monkeypatch.setattr(tasks, "_origin", lambda: tmp_path / "work" / "main")
    assert tasks._test_env()["TOOLKIT_DATA_HOME"] == str(beside_origin)
    beside_origin.rmdir()
    with pytest.raises(SystemExit, match="Set TOOLKIT_DATA_HOME"):
        tasks._test_env()
    monkeypatch.setenv("CI", "false")
    assert "TOOLKIT_DATA_HOME" not in tasks._test_env()  # tests skip, saying why


def test_tasks_explain_a_python_without_ensurepip(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)

    def without_pip(env, with_pip):
        env.mkdir()
        raise subprocess.CalledProcessError(1, ["python", "-m", "ensurepip"])

    monkeypatch.setattr(tasks.venv, "create", without_pip)
    with pytest.raises(SystemExit, match=r"install python3\.11-venv"):
        tasks._ensure(tmp_path / ".venv")
    assert not (tmp_path / ".venv").exists()  # the next run starts afresh


@pytest.mark.parametrize("argv", [[], ["test", "--force"], ["run", "--forse"]])
def test_tasks_refuse_other_arguments(tasks, argv, capsys):
    assert tasks.main(argv) == 2
    assert "run also takes --force" in capsys.readouterr().err
    assert tasks.calls == []


def test_a_partly_labelled_sheet_trains_on_its_labelled_rows_when_asked(
    tmp_path, capsys
):
    texts = ["زعم المتحدث أن", "أكد المتحدث أن", "ادعى المصدر أن", "أوضح المصدر أن"]
    labels = ["1", "0", "1", "0"] + [""] * 7
    data = tmp_path / "sheet.csv"
    pd.DataFrame({"text": (texts * 3)[: len(labels)], "hedged": labels}).to_csv(
        data, index=False
    )
    out = tmp_path / "m.skops"
    assert main(["train", "hedging", str(data), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert (
        "row(s) 4, 5, 6, 7, 8, ... (7 of 11 rows" in err and "--skip-unlabelled" in err
    )
    assert not out.exists()
    with pytest.warns(UserWarning, match="trained on the 4 labelled rows; 7 rows"):
        code = main(
            ["train", "hedging", str(data), "--out", str(out), "--skip-unlabelled"]
        )
    assert code == 0 and load(out).predict(["زعم الوزير أن"]).tolist() == [1]


def test_a_wrong_label_after_skipped_rows_is_named_by_its_row_in_the_file(tmp_path):
    data = tmp_path / "sheet.csv"
    data.write_text(
        "text,stance\nقال الوزير,neutral\nأكد الوزير,\nزعمت قسد,\nاتهم مسد,NEUTRAL\n"
        "أكدت الوزارة,pro_government\n",
        encoding="utf-8",
    )
    with (
        pytest.warns(CorpusWarning, match="2 rows with an empty 'stance'"),
        pytest.raises(ValueError, match=r"in row\(s\) 3 \('NEUTRAL'\)"),
    ):
        train_from_file("stance", data, tmp_path / "m.skops", skip_unlabelled=True)


def test_training_on_few_examples_of_a_label_warns(tmp_path):
    labelled = load_framing_statements("train")[["text", "hedged"]]
    few = pd.concat(
        [
            labelled[labelled["hedged"] == 0].head(60),
            labelled[labelled["hedged"] == 1].head(5),
        ]
    )
    data = tmp_path / "few.csv"
    few.to_csv(data, index=False)
    with pytest.warns(
        CorpusWarning, match=r"few examples of hedged=1 \(5\) among 65 rows"
    ):
        assert (
            main(["train", "hedging", str(data), "--out", str(tmp_path / "m.skops")])
            == 0
        )
    enough = pd.concat(
        [
            labelled[labelled["hedged"] == 0].head(60),
            labelled[labelled["hedged"] == 1].head(30),
        ]
    )
    enough.to_csv(data, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        assert (
            main(["train", "hedging", str(data), "--out", str(tmp_path / "n.skops")])
            == 0
        )


def test_a_corrected_annotate_sheet_measures_attribution(tmp_path):
    sheet = tmp_path / "sheet.csv"
    assert main(["annotate", EXAMPLE, "--sample", "9", "--out", str(sheet), "-q"]) == 0
    corrected = pd.read_csv(sheet)
    corrected.loc[corrected["sent_id"] == 0, "side"] = "government"  # a disagreement
    compared = compare_attribution(load_corpus(EXAMPLE), corrected)
    side = attribution_accuracy(compared, n_resamples=0).set_index("column").loc["side"]
    assert (side["correct"], side["n"]) == (8, 9)
