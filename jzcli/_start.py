"""The console script's entry: the signal handlers go in before anything slow is imported, so Ctrl-C in the
first milliseconds is `jzcli: error: interrupted` (exit 130), never a traceback."""


def main() -> None:
    from jzcli import safeio

    safeio.install_signal_handlers()
    from jzcli.cli import main as cli_main

    cli_main()
