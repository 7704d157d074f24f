"""Checks for the exercises of ``notebooks/05_exercises``.

Each ``check_*`` function takes a student's answer and prints a verdict: ``✓`` with a
short comment, ``✗`` with a hint, or a reminder that the exercise is still open (the
answer is ``None``). With ``strict=True`` a wrong or missing answer raises
``AssertionError`` instead, which is how the worked solutions are tested.

Expected values are computed with the toolkit at check time, never typed in, so the
checks stay right when the data or the lexicons grow.

Examples
--------
>>> check_normalized_names(None)
Exercise 1: not answered yet (your answer is None).
False
>>> check_normalized_names(1)
Exercise 1 ✓ one spelling after normalisation: "محمد علي" and "محمد على" are the same name.
True
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from toolkit.corpus import load_example_gold, normalize
from toolkit.corpus import schema as S
from toolkit.framing import distinctive_terms, verb_profile
from toolkit.framing.stats import cluster_bootstrap_share
from toolkit.lexicons import cue_counts

#: Sentences for the "قد" exercise, with whether each hedges (by the guidelines).
QAD_SENTENCES: tuple[tuple[str, int], ...] = (
    ("قد تتجدد الاشتباكات في ريف الرقة خلال الأيام المقبلة", 1),
    ("وكانت القوات قد انسحبت من القرية قبل أسبوع", 0),
    ("قال المتحدث إن الهجوم قد يتكرر إذا لم تتوقف الخروقات", 1),
    ("قد أعلنت الوزارة فتح الطريق أمام المدنيين", 0),
    ("وقد يؤدي إغلاق المعبر إلى نقص في المحروقات", 1),
    ("لقد خرقت المجموعات المسلحة الاتفاق مرارا", 0),
)


def _verdict(
    number: int, ok: bool, good: str, hint: str, strict: bool, answer: object
) -> bool:
    if answer is None:
        message = f"Exercise {number}: not answered yet (your answer is None)."
        if strict:
            raise AssertionError(message)
        print(message)
        return False
    if not ok and strict:
        raise AssertionError(f"Exercise {number} ✗ {hint}")
    print(f"Exercise {number} {'✓ ' + good if ok else '✗ ' + hint}")
    return bool(ok)


def _bounds_hint(answer: object, reference: tuple[float, float]) -> str:
    """Which bound of an interval is off, without giving the reference away."""
    if not (isinstance(answer, tuple) and len(answer) == 2):
        return "answer with a tuple (low, high)"
    off = [
        f"your {name} bound is too {'low' if given < wanted else 'high'}"
        for name, given, wanted in zip(("low", "high"), answer, reference, strict=True)
        if abs(given - wanted) > 0.02
    ]
    return " and ".join(off)


def check_normalized_names(answer: int | None, strict: bool = False) -> bool:
    """Exercise 1: how many distinct spellings of the SDC official's name remain
    after normalisation (the article writes "محمد علي" and "محمد على")?

    Examples
    --------
    >>> check_normalized_names(2)
    Exercise 1 ✗ normalise both spellings with toolkit.corpus.normalize and count the set.
    False
    >>> check_normalized_names(2, strict=True)
    Traceback (most recent call last):
    AssertionError: Exercise 1 ✗ normalise both spellings ...
    """
    expected = len({normalize("محمد علي"), normalize("محمد على")})
    return _verdict(
        1,
        answer == expected,
        'one spelling after normalisation: "محمد علي" and "محمد على" are the same name.',
        "normalise both spellings with toolkit.corpus.normalize and count the set.",
        strict,
        answer,
    )


def check_assertive_share(
    answer: dict[str, float] | None, strict: bool = False
) -> bool:
    """Exercise 2: the share of assertive verb frames among each side's statements
    in the gold annotation, as ``{"government": ..., "sdc": ...}``.

    Examples
    --------
    >>> check_assertive_share({"government": 3 / 4, "sdc": 0.0})
    Exercise 2 ✓ the government's statements are introduced assertively far more often.
    True
    """
    profile = verb_profile(load_example_gold())
    frames = profile[
        (profile["feature"] == S.VERB_FRAME) & (profile["value"] == S.ASSERTIVE)
    ]
    expected = dict(zip(frames[S.SIDE], frames["share"], strict=True))
    ok = isinstance(answer, dict) and all(
        np.isclose(answer.get(side, np.nan), expected[side])
        for side in (S.GOVERNMENT, S.SDC)
    )
    return _verdict(
        2,
        ok,
        "the government's statements are introduced assertively far more often.",
        "divide the number of 'assertive' rows of a side by that side's statements.",
        strict,
        answer,
    )


def check_qad_rule(rule: Callable[[str], int] | None, strict: bool = False) -> bool:
    """Exercise 3: a function ``sentence -> 0/1`` that applies the "قد" rule.

    Examples
    --------
    >>> check_qad_rule(qad_reference)
    Exercise 3 ✓ قد + imperfect hedges, قد + perfect (and كانت قد، لقد) asserts.
    True
    >>> check_qad_rule(lambda sentence: int("قد" in sentence))
    Exercise 3 ✗ 3 sentence(s) wrong, e.g. «...»
    False
    """
    if rule is None:
        return _verdict(3, False, "", "", strict, None)
    wrong = [s for s, label in QAD_SENTENCES if int(rule(s)) != label]
    return _verdict(
        3,
        not wrong,
        "قد + imperfect hedges, قد + perfect (and كانت قد، لقد) asserts.",
        f"{len(wrong)} sentence(s) wrong, e.g. «{wrong[0] if wrong else ''}»",
        strict,
        rule,
    )


def qad_reference(sentence: str) -> int:
    """The toolkit's own answer to exercise 3, for comparison.

    Examples
    --------
    >>> qad_reference("قد يتكرر الهجوم"), qad_reference("قد خرقت القوات الهدنة")
    (1, 0)
    """
    return int(cue_counts(sentence)["qad_imperfect"] > 0)


def check_top_term(answer: str | None, strict: bool = False) -> bool:
    """Exercise 4: the single word most typical of the SDC's statements in the gold
    annotation, by the log-odds z-score (normalised spelling).

    Examples
    --------
    >>> check_top_term("مسد")
    Exercise 4 ✓ «مسد» is (one of) the SDC's most distinctive words in this article.
    True
    """
    terms = distinctive_terms(load_example_gold(), by=S.SIDE)
    lowest = terms["z"].min()
    expected = set(terms.loc[terms["z"] == lowest, "term"])  # ties share the rank
    return _verdict(
        4,
        answer in expected,
        f"«{answer}» is (one of) the SDC's most distinctive words in this article.",
        "use distinctive_terms(gold, by='side') and look at the most negative z.",
        strict,
        answer,
    )


def check_bootstrap(
    answer: tuple[float, float] | None, statements: pd.DataFrame, strict: bool = False
) -> bool:
    """Exercise 5: a 95% interval ``(low, high)`` for the hedged share of the SDC's
    statements, resampling whole documents. Accepted within 0.02 of the toolkit's
    percentile bootstrap of documents
    (:func:`toolkit.framing.stats.cluster_bootstrap_share`) on each bound.

    The exercise is the plain bootstrap; :func:`toolkit.framing.hedging_by_side`
    widens it where it is too narrow (few documents, no variation between them).

    Examples
    --------
    >>> from toolkit.datasets import load_framing_statements
    >>> corpus = load_framing_statements()
    >>> check_bootstrap((0.19, 0.28), corpus)
    Exercise 5 ✓ resampling documents keeps the statements of one article together.
    True
    >>> check_bootstrap((0.1, 0.3), corpus)
    Exercise 5 ✗ your low bound is too low: resample doc_ids with replacement, ...
    False
    """
    sdc = statements[statements[S.SIDE] == S.SDC]
    hedged = sdc[S.HEDGED].astype(int)
    per_doc = hedged.groupby(sdc[S.DOC_ID].astype(str)).agg(["sum", "count"])
    low, high = cluster_bootstrap_share(
        per_doc["sum"], per_doc["count"], seed=[0, S.SIDES.index(S.SDC)]
    )
    ok = (
        isinstance(answer, tuple)
        and len(answer) == 2
        and abs(answer[0] - low) <= 0.02
        and abs(answer[1] - high) <= 0.02
    )
    return _verdict(
        5,
        ok,
        "resampling documents keeps the statements of one article together.",
        f"{_bounds_hint(answer, (low, high))}: resample doc_ids with replacement, "
        "then pool their statements.",
        strict,
        answer,
    )
