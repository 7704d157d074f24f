"""Distinctive words of two groups: log-odds ratio with an informative prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words", Political Analysis 16(4),
section 3.5: with counts ``y`` of word ``w`` in groups ``a`` and ``b`` (totals
``n_a``, ``n_b``) and a Dirichlet prior ``alpha`` (total ``alpha0``),

    delta_w = log((y_a + alpha_w) / (n_a + alpha0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha0 - y_b - alpha_w))
    var_w  ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)

and ``z_w = delta_w / sqrt(var_w)``. Positive ``z`` means typical of ``a``.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"side": ["government", "sdc"],
...                       "text": ["الجيش يحمي المدنيين", "القصف يستهدف المدنيين"]})
>>> terms = distinctive_terms(table)
>>> terms.loc[terms["term"] == "المدنيين", "z"].item()
0.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from toolkit.arguments import choice_argument, count_argument, is_collection
from toolkit.corpus.schema import GOVERNMENT, SDC, SIDE, SIDES
from toolkit.corpus.tokens import tokenize
from toolkit.framing._input import check_statements, texts
from toolkit.framing.columns import FAVOURS, LOG_ODDS, SPELLING, TERM, Z
from toolkit.lexicons import load_lexicon

#: Prior pseudo-count of a term that a user-supplied prior does not list.
MISSING_PRIOR = 0.01
#: |z| from which a term is conventionally called distinctive (Monroe et al. 2008). With
#: the pooled counts as prior it is far stricter than a 5 % test: with the sides
#: shuffled at random, hardly any term reaches it.
Z_DISTINCTIVE = 1.96


def distinctive_terms(
    statements: pd.DataFrame,
    by: str = SIDE,
    groups: Sequence[str] | None = None,
    *,
    prior: Mapping[str, float] | pd.Series | None = None,
    stopwords: bool | Iterable[str] = True,
    min_count: int = 1,
) -> pd.DataFrame:
    """Score each word by how typical it is of one group versus the other.

    Parameters
    ----------
    statements : pandas.DataFrame
        Statements with ``text`` (or ``text_norm``) and the ``by`` column.
    by : str
        Column that defines the groups (``side``, ``stance``, ``outlet`` ...).
    groups : pair of str, optional
        The two values of ``by`` to compare (two known sides when ``by`` is
        ``side``). Default: ``("government", "sdc")`` when ``by`` is ``side``,
        else the two values present (an error if there are more). Rows of other
        groups are ignored. Values are compared as strings.
    prior : mapping or pandas.Series, optional
        Background counts per (normalised) term, e.g. from a larger corpus; terms
        it lacks get :data:`MISSING_PRIOR`. Default: the pooled counts of the two
        groups (the informative prior of Monroe et al.).
    stopwords : bool or collection of str
        ``True`` drops the words of ``load_lexicon("stopwords")``; a list or set
        of words gives your own (normalised like the text; a single word is
        ``["word"]``, not a bare string); ``False`` keeps all.
    min_count : int
        Keep terms seen at least this often in the two groups together (0 or 1
        keep all).

    Returns
    -------
    pandas.DataFrame
        Columns ``term`` (normalised: the unit counted), ``spelling`` (its most
        frequent written form, without diacritics, to show readers: «يسعى» for
        the term «يسعي»), ``count_<a>``, ``count_<b>``, ``log_odds``, ``z`` and
        ``favours`` (the group with the higher rate; ``""`` when ``z`` is 0),
        sorted by descending ``z``. Tokens are those of
        :func:`toolkit.corpus.tokenize`, without one-letter words and numbers.
        ``attrs["groups"]`` is ``(a, b)``.

    Raises
    ------
    TypeError
        When ``groups`` is not a pair, ``prior`` is not a mapping or Series,
        ``stopwords`` is a bare string or not a collection, or ``min_count`` is
        not a whole number.
    ValueError
        When a column is missing or duplicated, ``groups`` is not two different
        values (or names an unknown side), a prior count is not positive,
        ``min_count`` is negative, a group has no words, or fewer than two terms
        remain.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"side": ["government"] * 2 + ["sdc"] * 2,
    ...     "text": ["أكدت الوزارة", "أكدت الوزارة", "اتهم المجلس", "القصف"]})
    >>> distinctive_terms(table)[["term", "favours"]].head(2)
          term     favours
    0    اكدت  government
    1  الوزارة  government
    """
    check_statements(statements, [by])
    group_a, group_b = _groups(statements, by, groups)
    drop = _stopwords(stopwords)
    min_count = count_argument(min_count, "min_count", minimum=0)
    keys = statements[by].astype(str).where(statements[by].notna())
    counts: dict[str, Counter[str]] = {}
    spellings: Counter[tuple[str, str]] = Counter()
    for group in (group_a, group_b):
        counts[group] = _term_counts(texts(statements)[keys == group], drop, spellings)
    for group, counter in counts.items():
        if not counter:
            raise ValueError(
                f"distinctive_terms: group {by}={group!r} has no words to count"
            )
    vocabulary = sorted(
        term
        for term in counts[group_a].keys() | counts[group_b].keys()
        if counts[group_a][term] + counts[group_b][term] >= min_count
    )
    if len(vocabulary) < 2:
        raise ValueError(
            f"distinctive_terms: {len(vocabulary)} term(s) left after filtering; "
            "log-odds need at least two (lower min_count or keep stop words)"
        )
    y_a = np.array([counts[group_a][t] for t in vocabulary], dtype=float)
    y_b = np.array([counts[group_b][t] for t in vocabulary], dtype=float)
    alpha = y_a + y_b if prior is None else _prior_counts(prior, vocabulary)
    delta, z = _log_odds(y_a, y_b, alpha)
    favours = np.where(z > 0, group_a, np.where(z < 0, group_b, ""))
    table = pd.DataFrame(
        {
            TERM: vocabulary,
            SPELLING: _usual_spellings(spellings, vocabulary),
            f"count_{group_a}": y_a.astype(int),
            f"count_{group_b}": y_b.astype(int),
            LOG_ODDS: delta,
            Z: z,
            FAVOURS: favours,
        }
    )
    table = table.sort_values([Z, TERM], ascending=[False, True], kind="stable")
    table = table.reset_index(drop=True)
    table.attrs["groups"] = (group_a, group_b)
    return table


def _log_odds(
    y_a: np.ndarray, y_b: np.ndarray, alpha: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    alpha0 = alpha.sum()
    n_a, n_b = y_a.sum(), y_b.sum()
    delta = np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - np.log(
        (y_b + alpha) / (n_b + alpha0 - y_b - alpha)
    )
    variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    return delta, delta / np.sqrt(variance)


def _groups(
    statements: pd.DataFrame, by: str, groups: Sequence[str] | None
) -> tuple[str, str]:
    if groups is None:
        if by == SIDE:
            return GOVERNMENT, SDC
        values = sorted(statements[by].dropna().astype(str).unique())
        if len(values) != 2:
            raise ValueError(
                f"column {by!r} has {len(values)} values ({', '.join(values)}); "
                "pass groups=(a, b) to choose two"
            )
        return values[0], values[1]
    allowed = SIDES if by == SIDE else None
    pair = choice_argument(groups, "groups", allowed=allowed, count=2)
    return str(pair[0]), str(pair[1])


def _stopwords(stopwords: bool | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return frozenset(load_lexicon("stopwords")["word_norm"])
    if stopwords is False:
        return frozenset()
    if not is_collection(stopwords):
        raise TypeError(
            "argument 'stopwords' must be True, False or a list or set of words; "
            f"got {type(stopwords).__name__} {stopwords!r} (for one word write "
            "[word], not the bare string)"
        )
    return frozenset(stopwords)


def _prior_counts(
    prior: Mapping[str, float] | pd.Series, vocabulary: list[str]
) -> np.ndarray:
    """The prior count of each term, or an error naming ``prior``."""
    if not isinstance(prior, Mapping | pd.Series):
        raise TypeError(
            "argument 'prior' must be a mapping or pandas Series of counts per "
            f"term, got {type(prior).__name__}"
        )
    if isinstance(prior, pd.Series) and not prior.index.is_unique:
        repeated = prior.index[prior.index.duplicated()].unique()
        raise ValueError(
            f"argument 'prior': term(s) {', '.join(map(repr, repeated[:5]))} "
            "listed more than once"
        )
    alpha = np.empty(len(vocabulary))
    for i, term in enumerate(vocabulary):
        count = prior.get(term, MISSING_PRIOR)
        try:
            alpha[i] = float(count)
        except (TypeError, ValueError):
            alpha[i] = np.nan
        if not alpha[i] > 0:
            raise ValueError(
                f"argument 'prior': the count of {term!r} is {count!r}; every prior "
                "count must be a positive number"
            )
    return alpha


def _term_counts(
    texts: pd.Series, drop: frozenset[str], spellings: Counter[tuple[str, str]]
) -> Counter[str]:
    """Count the kept tokens; tally in ``spellings`` how each was written."""
    counter: Counter[str] = Counter()
    for text in texts:
        tokens = tokenize(text)
        written = tokenize(text, alef=False, yeh=False)  # as shown to readers
        for token, spelling in zip(tokens, written, strict=True):
            if len(token) > 1 and not token.isdigit() and token not in drop:
                counter[token] += 1
                spellings[token, spelling] += 1
    return counter


def _usual_spellings(
    spellings: Counter[tuple[str, str]], vocabulary: list[str]
) -> list[str]:
    """The most frequent written form of each term (ties: the first in order)."""
    best: dict[str, tuple[int, str]] = {}
    for (term, spelling), n in spellings.items():
        if term not in best or (-n, spelling) < (-best[term][0], best[term][1]):
            best[term] = (n, spelling)
    return [best[term][1] if term in best else term for term in vocabulary]
