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
#: More sentences the check runs a rule on, not shown in the notebook, so that a rule
#: fitted to the six above (by memorising their words, say) does not pass.
QAD_CHECK_SENTENCES: tuple[tuple[str, int], ...] = (
    ("قد تم الاتفاق على وقف إطلاق النار", 0),
    ("قد تراجعت القوات إلى مواقعها السابقة", 0),
    ("وقد تسلمت اللجنة أسماء المعتقلين", 0),
    ("وقد تمكنت الفرق من إخماد الحريق", 0),
    ("كان قد أعلن وقف القتال قبل يومين", 0),
    ("قد لا يعود النازحون قبل الربيع", 1),
    ("فقد تشهد المنطقة موجة نزوح جديدة", 1),
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
    off = [
        f"your {name} bound is too {'low' if given < wanted else 'high'}"
        for name, given, wanted in zip(("low", "high"), answer, reference, strict=True)
        if abs(given - wanted) > 0.015
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
    Exercise 2 ✓ 75% of the government's statements against 0% of the SDC's ...
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
        f"{expected[S.GOVERNMENT]:.0%} of the government's statements against "
        f"{expected[S.SDC]:.0%} of the SDC's are introduced assertively in this one "
        "article: a pattern to test on many articles (notebook 04), not yet a finding.",
        "divide the number of 'assertive' rows of a side by that side's statements.",
        strict,
        answer,
    )


def check_qad_rule(rule: Callable[[str], int] | None, strict: bool = False) -> bool:
    """Exercise 3: a function ``sentence -> 0/1`` that applies the "قد" rule.

    The rule runs on :data:`QAD_SENTENCES` (shown in the notebook) and on
    :data:`QAD_CHECK_SENTENCES` (not shown), so fitting the six shown is not enough.

    Examples
    --------
    >>> check_qad_rule(qad_reference)
    Exercise 3 ✓ right on all 13 sentences (the six above and 7 more): ...
    True
    >>> check_qad_rule(lambda sentence: int("قد" in sentence))
    Exercise 3 ✗ 8 of 13 sentences wrong (the six above and 7 more), e.g. «...»
    False
    >>> check_qad_rule(lambda sentence: None)
    Exercise 3 ✗ your rule returned None for «...»: return 1 (hedges) or 0 (does not).
    False
    """
    if rule is None:
        return _verdict(3, False, "", "", strict, None)
    sentences = QAD_SENTENCES + QAD_CHECK_SENTENCES
    given = {sentence: rule(sentence) for sentence, _ in sentences}
    unusable = [s for s, value in given.items() if value not in (0, 1)]
    if unusable:
        hint = (
            f"your rule returned {given[unusable[0]]!r} for «{unusable[0]}»: "
            "return 1 (hedges) or 0 (does not)."
        )
        return _verdict(3, False, "", hint, strict, rule)
    wrong = [s for s, label in sentences if given[s] != label]
    return _verdict(
        3,
        not wrong,
        f"right on all {len(sentences)} sentences (the six above and "
        f"{len(QAD_CHECK_SENTENCES)} more): قد + imperfect hedges, قد + perfect "
        "(and كانت قد، لقد) asserts.",
        f"{len(wrong)} of {len(sentences)} sentences wrong (the six above and "
        f"{len(QAD_CHECK_SENTENCES)} more), e.g. «{wrong[0] if wrong else ''}»",
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
    annotation, by the log-odds z-score. Either spelling counts: the normalised
    ``term`` or the ``spelling`` as written; of words tied for the rank, any.

    Examples
    --------
    >>> check_top_term("والأشرفية")
    Exercise 4 ✓ «والأشرفية» leans furthest towards the SDC (z = -1.20); even this ...
    True
    >>> check_top_term("قسد")
    Exercise 4 ✗ use distinctive_terms(gold, by='side') and look at the most negative z.
    False
    """
    terms = distinctive_terms(load_example_gold(), by=S.SIDE)
    lowest = terms["z"].min()
    expected = set(terms.loc[terms["z"] == lowest, "term"])  # ties share the rank
    ok = isinstance(answer, str) and normalize(answer.strip()) in expected
    verdict = (
        "even this is not distinctive (|z| < 1.96)"
        if abs(lowest) < 1.96
        else "|z| >= 1.96"
    )
    return _verdict(
        4,
        ok,
        f"«{answer}» leans furthest towards the SDC (z = {lowest:.2f}); {verdict}: "
        "one article is too short to single words out.",
        "use distinctive_terms(gold, by='side') and look at the most negative z.",
        strict,
        answer,
    )


def simulated_outlet() -> pd.DataFrame:
    """A simulated outlet whose hedging of the SDC runs in articles (exercise 5).

    Thirty articles of eight SDC statements each. Each article gets its own
    propensity to hedge, drawn from a beta distribution with mean 0.3 and an
    intra-article correlation of 0.35, then its statements are hedged at that
    rate. The numbers are simulated (fixed seed), not annotated: the composed
    framing corpus spreads hedging evenly over its documents (design effect 1.0),
    which makes it a poor example of clustering.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``side`` (always ``"sdc"``) and ``hedged`` (0/1),
        one row per statement.

    Examples
    --------
    >>> outlet = simulated_outlet()
    >>> len(outlet), outlet["doc_id"].nunique(), round(float(outlet["hedged"].mean()), 3)
    (240, 30, 0.296)
    """
    rng = np.random.default_rng(0)
    mean, rho, n_articles, per_article = 0.3, 0.35, 30, 8
    propensity = rng.beta(
        mean * (1 - rho) / rho, (1 - mean) * (1 - rho) / rho, n_articles
    )
    hits = rng.binomial(per_article, propensity)
    return pd.DataFrame(
        {
            S.DOC_ID: np.repeat(
                [f"article-{i:02d}" for i in range(n_articles)], per_article
            ),
            S.SIDE: S.SDC,
            S.HEDGED: [int(j < k) for k in hits for j in range(per_article)],
        }
    )


def check_bootstrap(
    answer: tuple[float, float] | None, statements: pd.DataFrame, strict: bool = False
) -> bool:
    """Exercise 5: a 95% interval ``(low, high)`` for the hedged share of the SDC's
    statements, resampling whole documents.

    Accepted when each bound is within 0.015 of the toolkit's percentile bootstrap
    of documents (:func:`toolkit.framing.stats.cluster_bootstrap_share`, 20,000
    resamples, so its own noise is small) and the answer is closer to it than to
    the two usual slips: resampling single statements, and a 90% interval. The
    hint names the slip it looks like.

    The exercise is the plain bootstrap; :func:`toolkit.framing.hedging_by_side`
    widens it where it is too narrow (few documents, no variation between them).

    Examples
    --------
    >>> outlet = simulated_outlet()
    >>> check_bootstrap((0.19, 0.41), outlet)
    Exercise 5 ✓ resampling documents keeps the statements of one article together: ...
    True
    >>> check_bootstrap((0.24, 0.355), outlet)
    Exercise 5 ✗ that is about what resampling single statements gives, ...
    False
    """
    sdc = statements[statements[S.SIDE] == S.SDC]
    hedged = sdc[S.HEDGED].astype(int)
    per_doc = hedged.groupby(sdc[S.DOC_ID].astype(str)).agg(["sum", "count"])
    options = {"n_resamples": 20_000, "seed": [0, S.SIDES.index(S.SDC)]}
    reference = cluster_bootstrap_share(per_doc["sum"], per_doc["count"], **options)
    statement_level = cluster_bootstrap_share(
        hedged, np.ones(len(hedged), dtype=int), **options
    )
    slips = {
        "that is about what resampling single statements gives, which ignores that "
        "hedging runs in articles": statement_level,
        "that looks like a 90% interval: take the 2.5th and 97.5th percentiles": (
            cluster_bootstrap_share(
                per_doc["sum"], per_doc["count"], confidence=0.9, **options
            )
        ),
    }
    if not (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(bound, int | float | np.number) for bound in answer)
    ):
        hint = "answer with a tuple of two numbers (low, high)"
        return _verdict(5, False, "", hint, strict, answer)

    def distance(interval: tuple[float, float]) -> float:
        return abs(answer[0] - interval[0]) + abs(answer[1] - interval[1])

    # A slip is only named when the data can tell it from the right interval: with
    # little clustering the statement-level interval is the same one.
    telling = {
        name: interval
        for name, interval in slips.items()
        if abs(interval[0] - reference[0]) + abs(interval[1] - reference[1]) > 0.03
    }
    candidates = {"": reference, **telling}  # a tie goes to the right answer
    nearest = min(candidates, key=lambda name: distance(candidates[name]))
    off = _bounds_hint(answer, reference)
    ok = nearest == "" and not off
    hint = nearest or f"{off}: resample doc_ids with replacement, then pool them"
    return _verdict(
        5,
        ok,
        "resampling documents keeps the statements of one article together: the "
        f"interval is {reference[1] - reference[0]:.2f} wide, against "
        f"{statement_level[1] - statement_level[0]:.2f} when statements are "
        "resampled one by one.",
        hint + ".",
        strict,
        answer,
    )
