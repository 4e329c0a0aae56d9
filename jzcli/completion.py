"""Shell completion: the values Typer offers for an argument or option as it is typed.

Typer calls a completer with the command line parsed so far (`ctx.params`: a --db given there is honoured) and
what was typed. A completer never prints a traceback into the shell, and offers only names a shell cannot
run (safeio.completion_candidates: no control characters, no $ ` \\ quotes or other shell syntax).
"""

from __future__ import annotations

from collections.abc import Callable


def _completion(values: Callable[[object, str], list[str]]) -> Callable:
    """A completer from `values(fact base, incomplete)`."""

    def complete(ctx, incomplete: str) -> list[str]:
        try:
            from jzcli import factbase
            from jzcli.safeio import completion_candidates

            fb = factbase.load((getattr(ctx, "params", None) or {}).get("db"))
            return completion_candidates(values(fb, incomplete))
        except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
            return []

    return complete


def _names_of(pool: str) -> Callable:
    """Unit or office names: Chinese input completes to names, pinyin input to pinyin (jzcli/names.py)."""

    def values(fb, incomplete: str) -> list[str]:
        from jzcli import names, queries

        return names.complete(incomplete, getattr(queries, pool)(fb))

    return _completion(values)


def _starting(values: Callable[[object], list[str]]) -> Callable:
    return _completion(lambda fb, incomplete: [v for v in values(fb) if v.startswith(incomplete)])


def _record_ids(fb) -> list[str]:
    return [r["id"] for rows in fb.tables.values() for r in rows if isinstance(r.get("id"), str)]


def _topics(fb) -> list[str]:
    from jzcli import queries

    return list(dict.fromkeys(w for slug, label in queries.topics(fb).items() for w in (slug, label)))


def _figure_units(fb) -> list[str]:
    return sorted({f["unit"] for f in fb.records("figures") if f.get("unit")})


def _subject_names(fb) -> list[str]:
    from jzcli import queries

    return [r["name"] for r in queries.subjects(fb)]


def fixed(*values: str) -> Callable:
    """A fixed set of values (formats, levels)."""
    return lambda ctx, incomplete: [v for v in values if v.startswith(incomplete)]


def fields(ctx, incomplete: str) -> list[str]:
    """--fields a,b: the command's field names (from the views it declares), after the ones already typed."""
    from jzcli.cli import COMMANDS

    cmd = COMMANDS.get(getattr(ctx, "info_name", None) or "")
    if cmd is None:
        return []
    done, _, last = incomplete.rpartition(",")
    chosen = set(done.split(","))
    prefix = f"{done}," if done else ""
    return [prefix + f for f in cmd.fields if f.startswith(last) and f not in chosen]


units = _names_of("units")
offices = _names_of("offices")
record_ids = _starting(_record_ids)
topics = _starting(_topics)
subjects = _starting(_subject_names)
figure_units = _starting(_figure_units)
