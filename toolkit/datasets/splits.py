"""Validation of the ``split`` argument shared by every loader.

Examples
--------
>>> check_split("test", ("train", "test"), "load_mawqif")
('test',)
"""

from __future__ import annotations

from collections.abc import Sequence


def check_split(
    split: str | None, legal: Sequence[str], caller: str, argument: str = "split"
) -> tuple[str, ...]:
    """Return the splits to load: all of ``legal`` for ``None``, else ``(split,)``.

    Parameters
    ----------
    split : str or None
        The user's argument.
    legal : sequence of str
        The dataset's official splits, in order.
    caller : str
        Function name used in the error message.
    argument : str, default "split"
        Name of the user's argument, for the error message.

    Returns
    -------
    tuple of str

    Raises
    ------
    ValueError
        When ``split`` is not one of ``legal``; the message names the argument
        and the legal values.

    Examples
    --------
    >>> check_split(None, ("train", "dev", "test"), "load_ans")
    ('train', 'dev', 'test')
    >>> check_split("dev", ("train", "test"), "load_mawqif")
    Traceback (most recent call last):
    ...
    ValueError: load_mawqif: argument split='dev' is not legal; expected one of 'train', 'test' or None
    """
    if split is None:
        return tuple(legal)
    if split not in legal:
        choices = ", ".join(repr(name) for name in legal)
        raise ValueError(
            f"{caller}: argument {argument}={split!r} is not legal; "
            f"expected one of {choices} or None"
        )
    return (split,)
