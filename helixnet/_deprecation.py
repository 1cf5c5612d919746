"""Renamed parameters and functions: the old names keep working for one release.

helixnet 0.2 gave one name to each concept (issue 15, "one vocabulary"). A
call that uses an old name still works until :data:`REMOVED_IN`, with a
:class:`DeprecationWarning` that names the new spelling; a call that gives
both the old and the new name of one parameter is refused with a
:class:`~helixnet.exceptions.HelixnetTypeError` naming both (Python's own
rule for an argument given twice).
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import Any, TypeVar, cast

from helixnet.exceptions import HelixnetTypeError

_F = TypeVar("_F", bound=Callable[..., Any])

#: The release that drops the deprecated spellings.
REMOVED_IN = "0.3"


def renamed_parameters(**old_to_new: str) -> Callable[[_F], _F]:
    """Decorator: accept each old keyword of `old_to_new` as its new name, with a DeprecationWarning.

    The wrapped function's signature (``inspect.signature``) is the new one,
    so argument validation that binds the signature sees only new names.

    Examples
    --------
    >>> import warnings
    >>> @renamed_parameters(n_boot="n_resamples")
    ... def f(x, n_resamples=10):
    ...     return x, n_resamples
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     f(1, n_boot=5), str(w[0].message)
    ((1, 5), 'f(): n_boot= is deprecated and will be removed in helixnet 0.3; use n_resamples=')
    >>> f(1, 5, n_boot=5)
    Traceback (most recent call last):
    ...
    helixnet.exceptions.HelixnetTypeError: f() got both n_boot= (deprecated) and n_resamples=; pass n_resamples= only
    """

    def decorate(func: _F) -> _F:
        params = inspect.signature(func).parameters
        for old, new in old_to_new.items():
            if new not in params or old in params:
                raise TypeError(f"renamed_parameters: {func.__name__} has no {new!r} or still has {old!r}")
        positional = [n for n, p in params.items() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in old_to_new.items():
                if old not in kwargs:
                    continue
                if new in kwargs or (new in positional and positional.index(new) < len(args)):
                    raise HelixnetTypeError(
                        f"{func.__name__}() got both {old}= (deprecated) and {new}=; pass {new}= only")
                warnings.warn(f"{func.__name__}(): {old}= is deprecated and will be removed in helixnet "
                              f"{REMOVED_IN}; use {new}=", DeprecationWarning, stacklevel=2)
                kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        wrapper.__dict__["renamed_parameters"] = dict(old_to_new)
        return cast("_F", wrapper)

    return decorate


def renamed_function(func: _F, old_name: str, where: str) -> _F:
    """A deprecated alias `old_name` of `func` that warns, naming the new ``where.<name>``.

    Examples
    --------
    >>> import warnings
    >>> def read_data(x):
    ...     return x
    >>> read_records = renamed_function(read_data, "read_records", "helixnet.information")
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     read_records(3), str(w[0].message)
    (3, 'helixnet.information.read_records is deprecated and will be removed in helixnet 0.3; use helixnet.information.read_data')
    """
    new = f"{where}.{func.__name__}"

    @functools.wraps(func)
    def alias(*args: Any, **kwargs: Any) -> Any:
        warnings.warn(f"{where}.{old_name} is deprecated and will be removed in helixnet {REMOVED_IN}; use {new}",
                      DeprecationWarning, stacklevel=2)
        return func(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old_name
    alias.__doc__ = f"Deprecated alias of :func:`{new}` (removed in helixnet {REMOVED_IN})."
    return cast("_F", alias)


def warn_moved(old: str, new: str) -> None:
    """The DeprecationWarning of a name that moved in the 0.2 restructure (``old`` -> ``new``),
    pointed at the caller's line; used by the package's and ``helixnet.plot``'s forwarders."""
    from helixnet._warntally import user_stacklevel

    warnings.warn(f"{old} moved to {new} (helixnet 0.2); the old path is removed in helixnet {REMOVED_IN}",
                  DeprecationWarning, stacklevel=user_stacklevel())
