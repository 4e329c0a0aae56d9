"""The console script's entry point, kept tiny: SIGINT, SIGTERM and SIGHUP are handled from the first
milliseconds (one line, exit 128 + signal, never a traceback), before jzcli.app and what it imports load;
app.main then installs safeio's handlers, which also remove an export's temporary files."""

import os
import signal


def _early(signum, _frame):
    os.write(2, b"jzcli: error: interrupted\n")
    os._exit(128 + signum)


def main() -> None:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _early)
    from jzcli.app import main as app_main

    app_main()
