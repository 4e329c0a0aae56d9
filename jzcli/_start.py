"""The console script's entry point, kept tiny: SIGINT, SIGTERM and SIGHUP are handled from the first
milliseconds (one line, exit 128 + signal, never a traceback), before jzcli.app and what it imports load;
app.main then installs safeio's handlers, which also remove an export's temporary files.

The handlers are installed when this module is imported, through the built-in `_signal` (the `signal`
module builds its enums on import, a window of several milliseconds in which a Ctrl-C would print a
traceback)."""

import _signal
import os


def _early(signum, _frame):
    os.write(2, b"jzcli: error: interrupted\n")
    os._exit(128 + signum)


for _name in ("SIGINT", "SIGTERM", "SIGHUP"):
    if hasattr(_signal, _name):
        _signal.signal(getattr(_signal, _name), _early)


def main() -> None:
    import gc

    # One short process that allocates ~10^5 objects and frees nearly all by reference counting: the collector
    # run every 700 allocations (Python's default) costs ~2 ms of a query's ~45; every 20,000 keeps what cycles
    # there are (a draft's) just as bounded.
    gc.set_threshold(20_000, 10, 10)
    from jzcli.app import main as app_main

    app_main()
