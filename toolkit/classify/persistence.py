"""Save and load fitted classifiers safely, with skops (no pickle, no code on load).

A model file is a skops archive of a small dict: the estimator, the versions
of the toolkit and scikit-learn that made it and a format tag. :func:`load`
first lists every type the file would create and refuses the file if one is
not in :data:`TRUSTED_TYPES` (skops' own defaults cover numpy, scipy and
scikit-learn); then it warns with :class:`ModelVersionWarning` when the file
was made by another toolkit or scikit-learn version.

Examples
--------
>>> import tempfile, pathlib
>>> from toolkit.classify import HedgeClassifier
>>> clf = HedgeClassifier().fit(["زعم المصدر ذلك", "أكد المصدر ذلك"], [1, 0])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "hedge.skops"
>>> save(clf, path)
>>> load(path).predict(["زعمت الوزارة ذلك"]).tolist()
[1]
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

import sklearn
import skops.io as sio
from sklearn.base import BaseEstimator, is_classifier
from sklearn.exceptions import NotFittedError
from sklearn.utils.validation import check_is_fitted

import toolkit
from toolkit.outputs import atomic_path

#: Format tag written into every model file.
FORMAT = "toolkit.classify.model/1"
#: Types a model file may create beyond skops' defaults (numpy, scipy,
#: scikit-learn estimators): the toolkit's estimators and transformers and the
#: private helpers of scikit-learn's probability calibration.
TRUSTED_TYPES: tuple[str, ...] = (
    "toolkit.classify.estimators.HedgeClassifier",
    "toolkit.classify.estimators.StanceClassifier",
    "toolkit.classify.charngrams.WordCharTfidf",
    "toolkit.classify.cues.CueFeatures",
    "toolkit.classify.nblr.NBLogisticRegression",
    "toolkit.classify.features.TargetInteraction",
    "toolkit.classify.pairs.PairFeatures",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
)


class ModelFileError(ValueError):
    """The file is not a readable toolkit model file (corrupt, tampered, foreign)."""


class UntrustedModelError(ModelFileError):
    """The file would create objects of types that are not trusted."""


class ModelVersionWarning(UserWarning):
    """The model file was written by another toolkit or scikit-learn version."""


def save(clf: BaseEstimator, path: str | Path) -> None:
    """Write a fitted classifier to ``path`` (conventionally ``*.skops``).

    Parameters
    ----------
    clf : estimator
        Usually a fitted :class:`StanceClassifier` or :class:`HedgeClassifier`.
    path : str or Path
        Destination; an existing file is replaced only once the new one is
        completely written.

    Raises
    ------
    TypeError
        When ``clf`` is not a scikit-learn estimator.
    ValueError
        When ``clf`` was never fitted; nothing is written.
    OSError
        When the file cannot be written (the message names ``path``, which is
        left as it was).

    Examples
    --------
    >>> save("not a model", "model.skops")
    Traceback (most recent call last):
    ...
    TypeError: ...

    A round trip is shown under :func:`load`.
    """
    if not isinstance(clf, BaseEstimator):
        raise TypeError(
            f"clf: expected a scikit-learn estimator, got {type(clf).__name__}"
        )
    try:
        check_is_fitted(clf)
    except NotFittedError:
        raise ValueError(
            f"clf: this {type(clf).__name__} was never trained; call fit() before "
            f"saving it to {path} (load() would refuse the file)"
        ) from None
    payload = {
        "format": FORMAT,
        "toolkit_version": toolkit.__version__,
        "sklearn_version": sklearn.__version__,
        "model": clf,
    }
    with atomic_path(path) as partial:
        # Compressed: the TF-IDF vocabularies shrink about 50-fold (116 MB -> 2.4 MB
        # for the default hedging model).
        sio.dump(payload, partial, compression=zipfile.ZIP_DEFLATED)


def load(path: str | Path) -> Any:
    """Read a classifier written by :func:`save`, refusing untrusted content.

    Parameters
    ----------
    path : str or Path
        A file written by :func:`save`.

    Returns
    -------
    estimator
        The fitted classifier.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    IsADirectoryError
        When ``path`` is a folder.
    UntrustedModelError
        When the file would create a type outside skops' defaults and
        :data:`TRUSTED_TYPES` (a tampered or foreign file); nothing is created.
    ModelFileError
        When the file is corrupt, not a toolkit model file, or holds something
        other than a fitted classifier.

    Warns
    -----
    ModelVersionWarning
        When the toolkit or scikit-learn version differs from the file's.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from toolkit.classify import HedgeClassifier
    >>> clf = HedgeClassifier().fit(["زعم المصدر ذلك", "أكد المصدر ذلك", "ربما يتأخر", "أعلن القرار"], [1, 0, 1, 0])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     save(clf, pathlib.Path(tmp) / "hedge.skops")
    ...     print(load(pathlib.Path(tmp) / "hedge.skops").predict(["زعمت الوزارة ذلك"]).tolist())
    [1]
    """
    source = Path(path)
    if source.is_dir():
        raise IsADirectoryError(f"{source}: is a folder; give a model file (.skops)")
    if not source.is_file():
        raise FileNotFoundError(f"model file not found: {source}")
    try:
        untrusted = sio.get_untrusted_types(file=source)
    except Exception as error:  # zipfile, zlib and skops raise many types on damage
        raise ModelFileError(
            f"{source}: not a readable skops model file ({error})"
        ) from error
    refused = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if refused:
        raise UntrustedModelError(
            f"{source}: refusing to load; the file would create untrusted type(s) "
            f"{', '.join(refused)}. Only load model files from people you trust; "
            "this file may have been tampered with."
        )
    try:
        payload = sio.load(source, trusted=list(untrusted))
    except Exception as error:  # skops raises many types on a damaged archive
        raise ModelFileError(
            f"{source}: could not be read as a model file ({error})"
        ) from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelFileError(
            f"{source}: not a toolkit model file (written with toolkit.classify.save?)"
        )
    model = payload["model"]
    if not (isinstance(model, BaseEstimator) and is_classifier(model)):
        raise ModelFileError(
            f"{source}: holds a {type(model).__name__}, not a classifier; "
            "give a model saved by 'train' or toolkit.classify.save"
        )
    try:
        check_is_fitted(model)
    except NotFittedError:
        raise ModelFileError(
            f"{source}: holds a {type(model).__name__} that was never trained"
        ) from None
    _warn_versions(source, payload)
    return model


def _warn_versions(source: Path, payload: dict) -> None:
    made = {
        "toolkit": payload.get("toolkit_version"),
        "scikit-learn": payload.get("sklearn_version"),
    }
    running = {"toolkit": toolkit.__version__, "scikit-learn": sklearn.__version__}
    differ = [
        f"{name} {made[name]} (running {running[name]})"
        for name in made
        if made[name] != running[name]
    ]
    if differ:
        warnings.warn(
            f"{source} was written by {', '.join(differ)}; predictions may differ. "
            "Refit the model with the running versions if you can.",
            ModelVersionWarning,
            stacklevel=3,
        )
