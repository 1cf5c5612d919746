"""Exceptions raised by helixnet.

Every helixnet error derives from :class:`HelixnetError`, and also from the
built-in exception a Python user would expect (``ValueError`` for bad values,
``TypeError`` for inputs of the wrong kind, ``KeyError`` never), so both
``except hx.HelixnetError`` and ``except ValueError`` catch them.
Messages name the column, row, key or value at fault.
"""

__all__ = [
    "HelixnetError",
    "HelixnetValueError",
    "HelixnetTypeError",
    "InvalidTableError",
    "InvalidRecordsError",
    "InvalidGraphError",
    "UnknownDatasetError",
    "InputFileError",
    "HelixnetWarning",
    "ConvergenceWarning",
]


class HelixnetError(Exception):
    """Base class of every error helixnet raises on purpose."""


class HelixnetValueError(HelixnetError, ValueError):
    """An argument has the right type but an unusable value.

    Raised, for example, for an unknown unit name or a negative number of
    bootstrap replicates.
    """


class HelixnetTypeError(HelixnetError, TypeError):
    """An argument is of a kind helixnet cannot use (e.g. a string for a table)."""


class InvalidTableError(HelixnetValueError):
    """A contingency table (counts or probabilities) cannot be used.

    Raised for negative, NaN or infinite cells, non-integer counts where
    counts are required, empty or all-zero tables, fewer than two dimensions,
    and unknown Venn keys.
    """


class InvalidRecordsError(HelixnetValueError):
    """A table of records (one row per case) cannot be used.

    Raised for missing columns (the message lists the available ones), NaN in
    a dimension column, and negative or non-numeric weights (the message names
    the first offending row).
    """


class InvalidGraphError(HelixnetValueError):
    """A graph lacks what a measure needs.

    Raised for a node without a valid ``sector``, an edge with a negative or
    non-numeric ``weight``, or an edge to an undeclared node.
    """


class UnknownDatasetError(HelixnetValueError):
    """:func:`helixnet.datasets.load` was given a name it does not know.

    The message lists the valid names.
    """


class InputFileError(HelixnetValueError):
    """An input file is missing, empty, ragged or in an unreadable format."""


class HelixnetWarning(UserWarning):
    """A result is valid but easy to misread (e.g. T = 0 by construction, sparse table, tiny players)."""


class ConvergenceWarning(HelixnetWarning, RuntimeWarning):
    """An iterative fit stopped before its tolerance was met; the result is approximate.

    A :class:`HelixnetWarning` (the command line prints it as one line) and a
    ``RuntimeWarning`` (as numerical libraries report non-convergence).
    """
