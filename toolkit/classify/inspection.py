"""Why does the model decide? The most weighted features per class, readable.

Examples
--------
>>> from toolkit.classify import HedgeClassifier
>>> texts = ["زعم المصدر أن الطريق مفتوح", "أكد المصدر أن الطريق مفتوح"] * 3
>>> clf = HedgeClassifier().fit(texts, ["hedged", "asserted"] * 3)
>>> top = top_features(clf, 3)
>>> top.loc[top["class"] == "hedged", "kind"].tolist()[0]
'cue'
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from toolkit.classify.features import TARGET_SEPARATOR

#: How the prefixes of feature names read in :func:`top_features`.
KINDS: dict[str, str] = {
    "word": "word n-gram",
    "char": "char n-gram",
    "cue": "cue",
    "added": "only in headline",
    "dropped": "only in claim",
    "swap": "claim word > headline word",
    "pair": "pair statistic",
}
#: Shown for the word boundary inside a character n-gram.
BOUNDARY = "_"


def describe_feature(name: str) -> dict[str, str]:
    """Split a feature name into target, kind and a readable n-gram.

    Parameters
    ----------
    name : str
        As returned by ``clf.feature_names_out()``, e.g. ``"char__ زعم"`` or
        ``"Covid | word__لقاح"``.

    Returns
    -------
    dict
        ``target`` (empty when shared), ``kind`` (a key of :data:`KINDS`),
        ``feature`` (the n-gram; word boundaries of character n-grams shown as
        ``_``, so that leading and trailing spaces stay visible in right-to-left
        text).

    Examples
    --------
    >>> describe_feature("char__ زعم")
    {'target': '', 'kind': 'char', 'feature': '_زعم'}
    >>> describe_feature("Covid | word__لقاح")["target"]
    'Covid'
    """
    target, _, rest = name.rpartition(TARGET_SEPARATOR)
    kind, _, feature = rest.partition("__")
    if kind == "char":
        feature = feature.replace(" ", BOUNDARY)
    return {"target": target, "kind": kind, "feature": feature}


def top_features(clf: Any, n: int = 20) -> pd.DataFrame:
    """The ``n`` features that push hardest toward each class.

    Parameters
    ----------
    clf : fitted StanceClassifier or HedgeClassifier
        Any fitted estimator of this package.
    n : int, default 20
        Features per class.

    Returns
    -------
    pandas.DataFrame
        Columns ``class``, ``rank`` (1 = strongest), ``feature``, ``kind``,
        ``target`` and ``weight`` (the linear model's coefficient; for two
        classes the second class gets the positive weights and the first the
        negative ones, shown with their sign flipped).

    Raises
    ------
    ValueError
        When ``n`` is not a positive integer.

    Examples
    --------
    >>> from toolkit.classify import StanceClassifier
    >>> clf = StanceClassifier(char_ngrams=None).fit(["نعم للقرار", "لا للقرار"] * 2, ["favor", "against"] * 2)
    >>> top_features(clf, 1)[["class", "feature", "kind"]].values.tolist()
    [['against', 'لا', 'word'], ['favor', 'نعم', 'word']]
    """
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n={n!r}: expected a positive integer")
    names = clf.feature_names_out()
    coef = np.asarray(clf.linear_model_.coef_)
    classes = list(clf.classes_)
    if coef.shape[0] == 1:
        coef = np.vstack([-coef[0], coef[0]])
    rows = []
    for label, weights in zip(classes, coef, strict=True):
        for rank, column in enumerate(np.argsort(-weights, kind="stable")[:n], start=1):
            described = describe_feature(str(names[column]))
            rows.append(
                {
                    "class": label,
                    "rank": rank,
                    **described,
                    "weight": float(weights[column]),
                }
            )
    columns = ["class", "rank", "feature", "kind", "target", "weight"]
    return pd.DataFrame(rows, columns=columns)
