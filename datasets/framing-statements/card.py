"""Recompute the statistics section of this corpus's card (README.md) from the data.

Run from the repository root after any change to ``statements.tsv`` or
``second_pass.tsv``:

    .venv/bin/python datasets/framing-statements/card.py

It rewrites the part of ``README.md`` between the ``<!-- stats -->`` markers: counts per
label x side x split, Cohen's kappa between the first annotation and the independent
second pass, and how the disagreements were resolved (``adjudication.tsv``). The corpus
holds the resolved labels; the kappa is computed on the first annotation as it was before
adjudication. A test checks that the committed card equals what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from toolkit.corpus import schema as S
from toolkit.datasets import load_framing_statements
from toolkit.report import markdown_table

HERE = Path(__file__).resolve().parent
CARD = HERE / "README.md"
SECOND_PASS = HERE / "second_pass.tsv"
ADJUDICATION = HERE / "adjudication.tsv"
BEGIN, END = "<!-- stats -->", "<!-- /stats -->"
#: Labels compared between the two annotation passes.
AGREEMENT_LABELS = (S.STANCE, S.HEDGED, S.SIDE, S.VERB_FRAME)
KEY = [S.DOC_ID, S.SENT_ID]


def _table(frame: pd.DataFrame) -> str:
    return markdown_table(frame.reset_index())


def counts_section(statements: pd.DataFrame) -> str:
    """Markdown tables of counts: per split, stance x side x split, hedged x side x split.

    Parameters
    ----------
    statements : pandas.DataFrame
        The corpus as :func:`toolkit.datasets.load_framing_statements` returns it.

    Returns
    -------
    str
        Markdown.

    Examples
    --------
    >>> frame = pd.DataFrame({"split": ["train"], "side": ["sdc"], "stance": ["pro_sdc"],
    ...     "hedged": [1], "genre": ["wire"], "topic": ["t"]})
    >>> "| train | 1 | 1 |" in counts_section(frame)
    True
    """
    splits = [s for s in S.SPLITS if s in set(statements[S.SPLIT])]
    parts = ["**Rows and events (topics) per split**", ""]
    per_split = statements.groupby(S.SPLIT).agg(
        rows=(S.SPLIT, "size"), events=(S.TOPIC, "nunique")
    )
    parts += [_table(per_split.reindex(splits)), ""]
    for label in (S.STANCE, S.HEDGED, "genre"):
        table = pd.crosstab(
            [statements[label], statements[S.SIDE]], statements[S.SPLIT]
        ).reindex(columns=splits, fill_value=0)
        table["all"] = table.sum(axis=1)
        parts += [f"**{label} x side x split**", "", _table(table), ""]
    return "\n".join(parts)


def agreement_section(statements: pd.DataFrame, second: pd.DataFrame) -> str:
    """Cohen's kappa per label between the first labels and the second pass.

    Parameters
    ----------
    statements : pandas.DataFrame
        The corpus (first annotation).
    second : pandas.DataFrame
        ``doc_id``, ``sent_id`` and the labels of :data:`AGREEMENT_LABELS`, made without
        seeing the first labels.

    Returns
    -------
    str
        Markdown with n, observed agreement and kappa per label.
    """
    merged = statements.merge(second, on=KEY, suffixes=("", "_2"), validate="1:1")
    rows = []
    for label in AGREEMENT_LABELS:
        first = merged[label].astype(str)
        other = merged[f"{label}_2"].astype(str)
        rows.append(
            {
                "label": label,
                "n": len(merged),
                "observed agreement": f"{(first == other).mean():.3f}",
                "Cohen's kappa": f"{cohen_kappa_score(first, other):.3f}",
            }
        )
    return "\n".join(
        [
            f"**Agreement on the {len(merged)}-statement second pass**",
            "",
            _table(pd.DataFrame(rows).set_index("label")),
            "",
        ]
    )


def first_pass(statements: pd.DataFrame, adjudication: pd.DataFrame) -> pd.DataFrame:
    """The corpus with every adjudicated label set back to the first annotator's."""
    first = statements.copy()
    rows = first.set_index(KEY).index
    for record in adjudication.itertuples(index=False):
        where = rows == (record.doc_id, record.sent_id)
        value = int(record.first) if record.label == S.HEDGED else record.first
        first.loc[where, record.label] = value
    return first


def adjudication_section(adjudication: pd.DataFrame) -> str:
    """Markdown counts of how the disagreements were resolved, per label."""
    kept = adjudication["resolved"] == adjudication["first"]
    table = (
        adjudication.assign(
            outcome=kept.map({True: "first label kept", False: "second label taken"})
        )
        .pivot_table(index="label", columns="outcome", values="doc_id", aggfunc="size")
        .fillna(0)
        .astype(int)
    )
    table["disagreements"] = table.sum(axis=1)
    return "\n".join(
        [
            "**Disagreements and their resolution** (`adjudication.tsv`, one row each "
            "with the deciding guideline clause)",
            "",
            _table(table),
            "",
        ]
    )


def render(
    statements: pd.DataFrame,
    second: pd.DataFrame | None,
    adjudication: pd.DataFrame | None = None,
) -> str:
    """The full statistics section, markers included."""
    body = counts_section(statements)
    if second is not None:
        first = statements
        if adjudication is not None:
            first = first_pass(statements, adjudication)
        body += "\n" + agreement_section(first, second)
    if adjudication is not None:
        body += "\n" + adjudication_section(adjudication)
    return f"{BEGIN}\n{body}{END}"


def read_adjudication(path: Path = ADJUDICATION) -> pd.DataFrame | None:
    """Read the adjudication of disagreements, or ``None`` when it does not exist."""
    if not path.exists():
        return None
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)


def read_second_pass(path: Path = SECOND_PASS) -> pd.DataFrame | None:
    """Read the second annotation pass, or ``None`` when it does not exist."""
    if not path.exists():
        return None
    second = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    second[S.HEDGED] = second[S.HEDGED].astype(int)
    return second


def updated_card(card: str, section: str) -> str:
    """Replace the statistics section of ``card`` with ``section``."""
    head, rest = card.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + section + tail


def main() -> int:
    statements = load_framing_statements()
    statements[S.SENT_ID] = statements[S.SENT_ID].astype(str)
    section = render(statements, read_second_pass(), read_adjudication())
    CARD.write_text(updated_card(CARD.read_text(encoding="utf-8"), section), "utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
