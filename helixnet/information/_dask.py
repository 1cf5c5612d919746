"""A dask.distributed client for the counting engines (private; shared by engines and openalex)."""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager

from helixnet.exceptions import HelixnetValueError


@contextmanager
def client(scheduler=None):
    """A ``distributed.Client``: `scheduler` itself when it is one, a client of the
    scheduler at that address, or of a local in-process cluster (``None``). Clients
    and clusters made here are closed on exit.

    Raises
    ------
    helixnet.HelixnetValueError
        dask[distributed] is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise HelixnetValueError(
            "engine 'dask' needs dask[distributed] (pip install 'dask[distributed]', or helixnet[big])"
        ) from exc
    if isinstance(scheduler, Client):
        yield scheduler
        return
    own = None
    if scheduler is None:
        # no dashboard (no "port in use" warnings), worker logs silenced: one line on errors
        own = LocalCluster(n_workers=1, processes=False, threads_per_worker=os.cpu_count() or 1,
                           dashboard_address=None, silence_logs=logging.CRITICAL,
                           scheduler_kwargs={"dashboard": False}, worker_dashboard_address=None)  # fmt: skip
        made = Client(own)
    else:
        try:
            made = Client(scheduler, timeout="10s")
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address at all
            lines = str(exc).strip().splitlines()
            raise HelixnetValueError(
                f"cannot reach the Dask scheduler {scheduler!r} (give an address such as "
                f"tcp://10.0.0.5:8786): {lines[0] if lines else type(exc).__name__}"
            ) from exc
    try:
        yield made
    finally:
        made.close()
        if own is not None:
            own.close()
