"""Benchmark: `jzcli check --file DRAFT --json` on a 10,000-sentence draft, as a ratio to references run alongside.

The draft is made from the figures' quotes in facts.json (about a third with the number altered, so
some rows are contradicted), sentences with a period the article does not give (unknown) and filler
sentences without numbers. The installed `jzcli` and two references run --runs times, interleaved round-robin
after one untimed warm-up round, so that machine load hits all three alike:
  - `python -c pass` with jzcli's own interpreter (start-up of Python itself);
  - a plain-Python pass over the same draft with that interpreter: read it, split it into sentences, find every
    number, write one JSON row per number (the least any checker in Python does with this draft).
The result is the ratio of medians, jzcli / plain pass, in which load that hits all runs alike cancels out.

--baseline PATH runs another jzcli (an older checkout, say) on the same draft in the same interleaved rounds
and reports the ratio of medians jzcli / baseline: before/after without trusting two runs' conditions (issue 8:
the cost per sentence at most twice that of the checker the issue was filed against).

    python bench/check_draft.py [--sentences 10000] [--runs 5] [--max-ratio 40] [--keep DRAFT]
                                [--baseline OTHER_JZCLI] [--max-baseline-ratio 2] [--cpu]

--cpu times each run by the CPU time it used (user + system) instead of the wall clock: on a busy machine a
run's wall time includes its wait for a core, its CPU time hardly does.

Exit code 1 when jzcli takes more than --max-ratio times the plain pass (default 40: about twice the ratio
measured in 2026-11 (17-25x), so a change that doubles the cost of checking fails), or with --baseline more
than --max-baseline-ratio times the baseline (default 2).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"

FILLER = [
    "九州路办事处全面落实新时代党的建设总要求",
    "社区党支部发挥了战斗堡垒作用",
    "居民纷纷为小区的新变化点赞",
    "办事处持续优化营商环境",
    "背街小巷成为城市精细化管理的新亮点",
    "党员干部深入一线为群众排忧解难",
    "新型社区建设稳步推进",
    "辖区环境越来越好",
    "扶贫攻坚取得了初步成效",
    "办事处将继续提升居民的获得感和幸福感",
]
LEADS = ["据了解，", "记者获悉，", "", "", "此外，", "同时，"]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/common.py, also when a test loads this
from common import default_jzcli, interpreter_of, timed_run  # noqa: E402

# The reference: the plain-Python pass over the draft (same output shape as jzcli's: a JSON list of rows).
PLAIN_PASS = r"""
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
rows = [{"sentence": s, "figure": m.group(), "verdict": "unknown"}
        for s in re.split(r"(?<=[。！？])", text) for m in re.finditer(r"\d+(?:\.\d+)?", s)]
sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
"""


def installed_command() -> list[str]:
    found = default_jzcli()
    return [found] if found else [sys.executable, "-m", "jzcli"]


def _figures() -> list[dict]:
    db = json.loads(FACTS.read_text(encoding="utf-8"))
    return [r for r in db["figures"].values() if r.get("quote") and r.get("text")]


def _altered(quote: str, text: str, rng: random.Random) -> str:
    """The quote with the figure's number changed (text "36栋楼" → "41栋楼")."""
    m = _NUMBER.search(text)
    if not m or text not in quote:
        return quote
    old = m.group()
    new = str(int(float(old)) + rng.randint(1, 9)) if "." not in old else f"{float(old) + rng.randint(1, 9) / 10:g}"
    return quote.replace(text, text.replace(old, new, 1), 1)


def make_draft(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    figs = _figures()
    lines = []
    for i in range(n):
        kind = i % 10
        lead = rng.choice(LEADS)
        if kind < 4:  # quote as written: supported
            f = rng.choice(figs)
            lines.append(lead + f["quote"] + "。")
        elif kind < 7:  # number altered: contradicted
            f = rng.choice(figs)
            lines.append(lead + _altered(f["quote"], f["text"], rng) + "。")
        elif kind == 7:  # another year: unknown
            f = rng.choice(figs)
            lines.append(f"{rng.choice([2013, 2014, 2015])}年，" + f["quote"] + "。")
        else:  # no number
            lines.append(lead + rng.choice(FILLER) + "。")
    # a few sentences per line, like running text
    out, line = [], []
    for s in lines:
        line.append(s)
        if len(line) >= rng.randint(1, 4):
            out.append("".join(line))
            line = []
    if line:
        out.append("".join(line))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--max-ratio", type=float, default=40.0, help="fail above this ratio to the plain pass")
    ap.add_argument("--keep", metavar="DRAFT", help="also write the draft here")
    ap.add_argument("--baseline", metavar="PATH", help="another jzcli to run alongside (before/after)")
    ap.add_argument("--max-baseline-ratio", type=float, default=2.0, help="with --baseline: fail above this ratio")
    ap.add_argument("--cpu", action="store_true", help="time each run by the CPU time it used (user + system) "
                    "instead of the wall clock: steadier on a busy machine")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.baseline and not Path(args.baseline).exists():
        ap.error(f"--baseline: no such file: {args.baseline}")

    draft = make_draft(args.sentences)
    if args.keep:
        Path(args.keep).write_text(draft, encoding="utf-8")
    cmd = installed_command()
    python = interpreter_of(cmd[0]) if len(cmd) == 1 else cmd[0]
    rows = None
    # as bench/startup: PYTHONDONTWRITEBYTECODE would make every run compile jzcli again (an installed package
    # has its .pyc files); JZCLI_DB and the like would check another fact base
    env = {k: v for k, v in os.environ.items()
           if k not in ("JZCLI_DB", "NO_COLOR", "JZCLI_DEBUG", "PYTHONDONTWRITEBYTECODE")}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(draft, encoding="utf-8")
        cases = {"jzcli": cmd + ["check", "--file", str(path), "--json"],
                 "plain": [python, "-c", PLAIN_PASS, str(path)],
                 "python": [python, "-c", "pass"]}
        if args.baseline:
            cases["baseline"] = [args.baseline, "check", "--file", str(path), "--json"]
        times: dict[str, list[float]] = {name: [] for name in cases}
        for rnd in range(args.runs + 1):  # round 0 warms caches and is not counted
            for name, argv_ in cases.items():
                elapsed, proc = timed_run(argv_, args.cpu, capture_output=True, cwd=tmp, env=env)
                if proc.returncode not in (0, 1):
                    sys.stderr.write(f"{name}: exit {proc.returncode}\n" + proc.stderr.decode("utf-8", "replace"))
                    return 2
                if rnd:
                    times[name].append(elapsed)
                if name == "jzcli":
                    rows = json.loads(proc.stdout)
    med = {name: statistics.median(ts) for name, ts in times.items()}
    ratio = med["jzcli"] / med["plain"]
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ("supported", "contradicted", "unknown")}
    print(f"command: {' '.join(cmd)} check --file DRAFT --json")
    print(f"draft: {args.sentences} sentences, {len(draft)} characters, {len(rows)} figures checked "
          f"({counts['supported']} supported, {counts['contradicted']} contradicted, {counts['unknown']} unknown)")
    print(f"median of {args.runs} interleaved runs{' (CPU time)' if args.cpu else ''}: jzcli {med['jzcli']:.2f} s, "
          f"plain pass {med['plain']:.3f} s, "
          f"python -c pass {med['python']:.3f} s")
    print(f"ratio: {ratio:.1f}x the plain pass, {med['jzcli'] / med['python']:.0f}x python -c pass "
          f"(target: <= {args.max_ratio:g}x the plain pass)")
    slow = ratio > args.max_ratio
    if slow:
        print(f"SLOW: above {args.max_ratio:g}x the plain pass")
    if args.baseline:
        to_base = med["jzcli"] / med["baseline"]
        print(f"baseline: {args.baseline} {med['baseline']:.2f} s, {med['baseline'] / med['plain']:.1f}x the plain "
              f"pass; jzcli / baseline: {to_base:.2f}x (target: <= {args.max_baseline_ratio:g}x)")
        if to_base > args.max_baseline_ratio:
            print(f"SLOW: above {args.max_baseline_ratio:g}x the baseline")
            slow = True
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
