"""Commands: each parses its arguments, calls one query, hands the rows to jzcli/output.py.

Every command is declared with its parameters (jzcli/params.py), which both Typer and the fast path read;
the application shell (entry point, Typer app, errors → exit statuses) is jzcli/app.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from jzcli import output as out
from jzcli.errors import BadInput, Exit, ExitStatus, FactBaseError
from jzcli.output import Column
from jzcli.params import INT, Command, Param, argument, flag, option

COMMANDS: dict[str, Command] = {}


def command(*params: Param, name: str | None = None) -> Callable[[Callable], Callable]:
    """Register a command with its parameters; its function takes exactly those, by dest."""

    def register(func: Callable) -> Callable:
        cmd_name = name or func.__name__.lower().replace("_", "-")
        COMMANDS[cmd_name] = Command(cmd_name, func, params)
        return func

    return register


def __getattr__(name: str):
    # callers written before the shell moved to jzcli/app.py: `from jzcli.cli import main`, `cli.run(...)`
    if name in ("app", "main", "run", "build_app"):
        from jzcli import app

        return app.build_app() if name == "app" else getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _completer(pool: str) -> Callable[[str], list[str]]:
    """Shell completion of names from `queries.<pool>` (units or offices) of the fact base in use."""

    def complete(incomplete: str) -> list[str]:
        try:
            from jzcli import factbase, names, queries

            return names.complete(incomplete, getattr(queries, pool)(factbase.load()))
        except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
            return []

    return complete


_complete_units = _completer("units")
_complete_offices = _completer("offices")

# The options every command shares, declared once.
DB = option("db", "--db", metavar="PATH", help="Fact base to read instead of the shipped facts.json (env JZCLI_DB).")
JSON = flag("json_", "--json", help="One JSON document on stdout (same as --format json).")
FORMAT = option("fmt", "--format", "-f", metavar="FORMAT",
                help="table | json | jsonl | csv | tsv (default: table on a terminal, tsv when piped).")
READ = (DB, JSON, FORMAT)


def _load(db: str | None):
    from jzcli import factbase

    return factbase.load(db)


def _money(rec_get):
    def get(rec: dict):
        inv = rec.get("investment")
        return None if inv is None else rec_get(inv)

    return get


def _fmt_money(value):
    from jzcli.amounts import format_amount

    return None if value is None else format_amount(value, "元")


STATUS_LABEL = {"signed": "2018上半年签约", "landed": "已落地", "key_work": "重点工程"}
MATCH_LABEL = {"certain": "确定", "borderline": "边界", "undecidable": "无法判定"}

# ---------------------------------------------------------------- projects


@command(
    option("min_", "--min", metavar="AMOUNT", help="At least this investment (5亿, 5e8, 五亿 ...)."),
    option("max_", "--max", metavar="AMOUNT", help="At most this investment."),
    flag("maybe", "--maybe", help="Also list borderline and undecidable projects, marked."),
    option("sort", "--sort", metavar="invest|name", help="Sort by investment band (largest first) or by name (pinyin)."),
    option("status", "--status", metavar="STATUS", help="signed | landed | key_work"),
    *READ,
)
def projects(min_, max_, maybe, sort, status, db, json_, fmt) -> None:
    """Projects: signed (with bands), landed, key works.

    The 10 projects signed in 2018 H1 with their investment bands, the 4 that landed
    earlier (no amount given) and the key construction works named.

    \b
    Investments are known only as bands, so a filter sorts each project into
    certain (whole band inside the bound), borderline (band touches the bound)
    or undecidable (bound falls inside the band). Only certain ones are listed
    unless --maybe is given. Projects with no amount never match a filter.
    \b
    Examples:
      jzcli projects --min 5亿
      jzcli projects --max 1亿 --json
      jzcli projects --min 3亿 --maybe
    """
    from jzcli import queries
    from jzcli.amounts import parse_money_bound

    fmt_ = out.choose_format(json_, fmt)
    if sort not in (None, "invest", "name"):
        raise BadInput(f"--sort takes invest or name, got {sort!r}")
    lo = parse_money_bound(min_) if min_ is not None else None
    hi = parse_money_bound(max_) if max_ is not None else None
    result = queries.projects(_load(db), lo, hi, maybe=maybe, sort=sort, status=status)
    left_out = ""
    if result.left_out:
        parts = []
        if result.left_out.get("borderline"):
            parts.append(f"{result.left_out['borderline']} borderline (the band only touches the bound)")
        if result.left_out.get("undecidable"):
            parts.append(f"{result.left_out['undecidable']} undecidable (the bound falls inside the band)")
        left_out = f"left out {' and '.join(parts)}; add --maybe to list them"
        if result.rows or fmt_ != "table":  # an empty table says it in its one "no matching records" line
            out.note(f"note: {left_out}")
    filtered = lo is not None or hi is not None
    cols = [
        Column("name", "项目"),
        Column("status", "类别", lambda r: STATUS_LABEL.get(r.get("status"), r.get("status"))),
        Column("investment", "投资额（原文）", _money(lambda i: i.get("text"))),
        Column("min", "下限", _money(lambda i: i.get("min"))),
        Column("max", "上限", _money(lambda i: i.get("max"))),
    ]
    if fmt_ == "table":
        cols[3] = Column("min", "下限", lambda r: _fmt_money(_money(lambda i: i.get("min"))(r)))
        cols[4] = Column("max", "上限", lambda r: _fmt_money(_money(lambda i: i.get("max"))(r)))
    if filtered:
        cols.append(Column("match", "匹配", lambda r: MATCH_LABEL.get(r["match"], r["match"]) if fmt_ == "table" else r["match"]))
    cols.insert(0, Column("id", "编号"))
    out.emit(result.rows, cols, fmt_, title="项目",
             empty_note="no matching records" + (f": {left_out}" if left_out else ""))


# ---------------------------------------------------------------- units


def _history_text(history: list[dict]) -> str:
    return "；".join(f"{h.get('office')} {h.get('from') or '?'}–{h.get('to') or '今'}" for h in history)


@command(
    argument("name", metavar="NAME", help="Full or short name, part of it, pinyin or initials.", complete=_complete_units),
    *READ,
)
def community(name, db, json_, fmt) -> None:
    """One unit: its office history and every fact on it.

    A community or village (or a place that looks like one): its office before and
    after the 2017-11 redistricting, designations, and every fact that mentions it.

    \b
    Examples:
      jzcli community 凤凰城
      jzcli community fhc --json
      jzcli community 大寨店社区
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    prof = queries.community(_load(db), name)
    fields = [
        Column("name", "名称"), Column("kind", "类别"), Column("office", "现属"),
        Column("history", "隶属沿革", lambda r: _history_text(r["history"])),
        Column("designations", "定位"), Column("aliases", "别称"), Column("parent", "上级"),
        Column("flags", "标记"), Column("note", "说明"), Column("quote", "原文"),
    ]
    fact_cols = [Column("kind", "类型"), Column("text", "内容"), Column("quote", "原文")]
    out.emit_object(prof, fields, fmt_, title=prof["name"], sections=[("相关事实", prof["facts"], fact_cols)])


@command(
    option("office", "--office", metavar="NAME", help="Only units of this office (九州路, 泰山路 ...).",
           complete=_complete_offices),
    option("as_of", "--as-of", metavar="YYYY-MM", help="Office assignment at this month."),
    flag("tree", "--tree", help="Draw office → communities/villages, before and after each change."),
    flag("all_", "--all", help="Also places that are not units of the office (湘江社区, compounds ...)."),
    *READ,
)
def communities(office, as_of, tree, all_, db, json_, fmt) -> None:
    """All communities and villages, by office.

    --tree draws office → units before and after the 2017-11 redistricting.

    \b
    Examples:
      jzcli communities
      jzcli communities --office 泰山路
      jzcli communities --as-of 2017-10 --office 九州路
      jzcli communities --tree
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    fb = _load(db)
    if tree:
        if office is not None:
            raise BadInput("use either --tree or --office, not both")
        snapshots = queries.tree(fb, as_of)
        if fmt_ == "table":
            _draw_tree(snapshots)
        elif fmt_ == "json":
            out.write(out.dump_json(snapshots))
        else:
            rows = [{"as_of": s["as_of"], "office": o["office"], "name": u["name"], "kind": u["kind"]}
                    for s in snapshots for o in s["offices"] for u in o["units"]]
            out.emit(rows, [Column("as_of", "时间"), Column("office", "办事处"), Column("name", "名称"),
                            Column("kind", "类别")], fmt_)
        return
    rows = queries.communities(fb, office=office, as_of=as_of, include_all=all_)
    cols = [Column("id", "编号"), Column("name", "名称"), Column("kind", "类别"), Column("office", "所属办事处"),
            Column("designations", "定位")]
    out.emit(rows, cols, fmt_, title="社区和村" + (f"（{as_of}）" if as_of else ""))


def _draw_tree(snapshots: list[dict]) -> None:
    from rich.text import Text
    from rich.tree import Tree

    console = out.make_console()
    for snap in snapshots:
        root = Tree(Text(f"{snap['as_of']} 起"))
        for office in snap["offices"]:
            branch = root.add(Text(f"{office['office']}（{len(office['units'])}）"))
            for unit in office["units"]:
                branch.add(Text(f"{unit['name']}  {unit['kind']}"))
        console.print(root)


# ---------------------------------------------------------------- honours, figures, timeline, people, search


@command(
    argument("year", metavar="[YEAR]", help="Only honours won in this year.", required=False),
    option("level", "--level", metavar="国家|省|市", help="Only this level."),
    *READ,
)
def honors(year, level, db, json_, fmt) -> None:
    """Honours won by the office itself.

    Year (null when the article gives none) and level 国家 / 省 / 市.

    \b
    Examples:
      jzcli honors 2017
      jzcli honors --level 省 --json
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.honours(_load(db), year, level)
    cols = [Column("id", "编号"), Column("title", "荣誉"), Column("year", "年份"), Column("level", "级别"),
            Column("text", "原文措辞"), Column("quote", "原文")]
    out.emit(rows, cols, fmt_, title="荣誉")


@command(
    option("topic", "--topic", metavar="T", help="economy, construction ... or 经济, 建设进度 ..."),
    option("subject", "--subject", metavar="NAME", help="What the figure is about (大寨店, 张公堰 ...)."),
    option("unit", "--unit", metavar="U", help="Base unit: 元, 美元, 人, 栋, % ..."),
    *READ,
)
def figures(topic, subject, unit, db, json_, fmt) -> None:
    """Every number the article states, normalized to its base unit.

    \b
    Examples:
      jzcli figures --topic economy
      jzcli figures --subject 大寨店
      jzcli figures --unit 美元 --json
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.figures(_load(db), topic=topic, subject=subject, unit=unit)
    cols = [Column("id", "编号"), Column("subject_name", "对象"), Column("metric", "指标"), Column("value", "数值"),
            Column("unit", "单位"), Column("qualifier", "约数"), Column("period", "时间"), Column("topic", "主题"),
            Column("text", "原文措辞")]
    out.emit(rows, cols, fmt_, title="数字")


@command(
    argument("year", metavar="[YEAR]", help="Only events in this year.", required=False),
    option("from_", "--from", metavar="D", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    option("to", "--to", metavar="D", help="Up to this date."),
    *READ,
)
def timeline(year, from_, to, db, json_, fmt) -> None:
    """Dated events in order.

    A year inferred from 今年 / 目前 / 日前 is marked 推断 (JSON: inferred).

    \b
    Examples:
      jzcli timeline 2017
      jzcli timeline --from 2018-05 --to 2018-09
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.timeline(_load(db), year, from_, to)
    table = fmt_ == "table"
    cols = [Column("id", "编号"),
            Column("date", "日期", lambda r: (r["date"] + (f"…{r['end']}" if r.get("end") else "")) if table else r["date"]),
            Column("end", "结束"), Column("precision", "精度"),
            Column("inferred", "推断", lambda r: ("推断" if r["inferred"] else "") if table else r["inferred"]),
            Column("event", "事件"), Column("quote", "原文")]
    if table:
        cols.pop(2)
    out.emit(rows, cols, fmt_, title="时间线")


@command(
    *READ,
)
def people(db, json_, fmt) -> None:
    """People named, roles exactly as stated.

    \b
    Example:
      jzcli people
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.people(_load(db))
    cols = [Column("id", "编号"), Column("name", "姓名"), Column("role", "身份（原文）"), Column("quote", "原文")]
    out.emit(rows, cols, fmt_, title="人物")


@command(
    argument("text", metavar="TEXT", help="Text to look for in names, wording and quotes."),
    *READ,
)
def search(text, db, json_, fmt) -> None:
    """Records whose name, text or quote has TEXT.

    \b
    Examples:
      jzcli search 海绵
      jzcli search 刘全福 --json
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.search(_load(db), text)
    cols = [Column("id", "编号"), Column("kind", "类型"), Column("text", "内容"), Column("quote", "原文")]
    out.emit(rows, cols, fmt_, title=f"搜索：{text}", highlight=text.strip())


@command(
    *READ,
)
def overview(db, json_, fmt) -> None:
    """Key figures and progress bars on one screen.

    \b
    Example:
      jzcli overview
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    data = queries.overview(_load(db))
    if fmt_ == "json":
        out.write(out.dump_json(data))
        return
    if fmt_ != "table":
        rows = [{"id": p["id"], "label": p["label"], "value": p["value"], "total": p["total"], "unit": p["unit"],
                 "share": p["share"]} for p in data["progress"]]
        out.emit(rows, [Column("id", "编号"), Column("label", "进度"), Column("value", "完成"), Column("total", "总量"),
                        Column("unit", "单位"), Column("share", "比例")], fmt_)
        return
    _draw_overview(data)


def _draw_overview(data: dict) -> None:
    from rich.bar import Bar
    from rich.table import Table
    from rich.text import Text

    console = out.make_console()
    console.print(Text(f"{data['title']} — {data['place']}（截至约 {data['as_of']}）", style="bold"))
    counts = "  ".join(f"{k} {v}" for k, v in data["counts"].items())
    console.print(Text(counts))
    key = Table(title="关键数字", title_justify="left", box=None)
    key.add_column("指标", overflow="fold")
    key.add_column("原文", overflow="fold")
    for f in data["key_figures"]:
        key.add_row(Text(f"{f.get('subject_name', '')} {f['metric']}"), Text(f["text"]))
    console.print(key)
    bars = Table(title="进度", title_justify="left", box=None)
    bars.add_column("项目", no_wrap=True)
    bars.add_column("进度", width=20)
    bars.add_column("比例", no_wrap=True)
    for p in data["progress"]:
        bars.add_row(Text(p["label"]), Bar(size=p["total"], begin=0, end=p["value"], width=20),
                     Text(f"{p['share']}%  {p['text']}"))
    console.print(bars)


# ---------------------------------------------------------------- validate, export


@command(
    option("source", "--source", metavar="ARTICLE", help="Also check every quote is in this article."),
    DB,
)
def validate(source, db) -> None:
    """Check the fact base itself.

    Fields, types, unique ids, references, cross-checks and, with --source, quotes.

    Prints one problem per line (with the record id) and exits 3 if there are any.

    \b
    Example:
      jzcli validate --source ../shared/source/000_e90f716d7d44d38f.txt
    """
    from jzcli import validate as v

    fb = _load(db)
    problems = v.validate(fb, source)
    for p in problems:
        out.write(p + "\n")
    if problems:
        raise FactBaseError(f"{len(problems)} problem(s) in {fb.path}")
    counts = ", ".join(f"{len(rows)} {t}" for t, rows in fb.tables.items())
    out.note(f"ok: {fb.path} ({counts})" + (" ; every quote found in the article" if source else ""))


@command(
    option("fmt", "--format", "-f", required=True, metavar="sqlite|csv|jsonl",
           help="sqlite file, a folder of CSV files, or JSON lines."),
    option("out_path", "--out", required=True, metavar="PATH", help="Where to write (not overwritten without --force)."),
    flag("force", "--force", help="Replace an existing PATH."),
    DB,
)
def export(fmt, out_path, force, db) -> None:
    """Export the fact base: sqlite, CSV or JSON lines.

    \b
    Examples:
      jzcli export --format sqlite --out facts.db
      jzcli export --format csv --out facts-csv/
      jzcli export --format jsonl --out facts.jsonl
    """
    from jzcli import export as ex

    written = ex.export(_load(db), fmt, out_path, force=force)
    out.note(f"wrote {written}")


# ---------------------------------------------------------------- reporter's tools

VERDICT_LABEL = {"supported": "✔ 有据 supported", "contradicted": "✘ 不符 contradicted", "unknown": "? 不明 unknown"}


MAX_SENTENCE = 2000  # characters: a claim or a question is one sentence, not a document


def _one_sentence(text: str, what: str) -> None:
    if len(text) > MAX_SENTENCE:
        raise BadInput(f"the {what} is {len(text)} characters long: give one sentence (at most {MAX_SENTENCE}), "
                      "or a whole draft with check --file")



@command(
    argument("claim", metavar="CLAIM", help="One sentence with a figure.", required=False),
    option("file", "--file", metavar="DRAFT", help="Check every figure of a draft: .txt, .md or .docx ('-' for stdin)."),
    flag("strict", "--strict", help="With --file: exit 1 when any item is unknown too (a gate before publication)."),
    option("encoding", "--encoding", metavar="ENC",
           help="The draft's encoding (default: detected: UTF-8, UTF-16 with BOM, GB18030)."),
    option("max_size", "--max-size", metavar="SIZE", help="Refuse a draft larger than this (default 10MB)."),
    *READ,
)
def check(claim, file, strict, encoding, max_size, db, json_, fmt) -> None:
    """Check a figure: supported / contradicted / unknown.

    Exit code 0 only when supported (for --file: 1 if any item is contradicted, or unknown with --strict).

    On a terminal, --file shows the draft itself: line numbers, each item marked where it stands
    (✔ supported, ✘ contradicted, ? unknown) and numbered notes under each paragraph. --format lines prints
    DRAFT:LINE:COL: verdict: figure — reason [id], one item a line, for editors and CI.

    \b
    Examples:
      jzcli check "大寨店社区开工36栋楼"
      jzcli check "实际利用外资3700万元" --json
      jzcli check --file draft.txt
      jzcli check --file draft.docx --format lines
      cat draft.txt | jzcli check --file - --strict
    """
    from jzcli import check as ck

    if file is not None and fmt == "lines" and not json_:
        fmt_ = "lines"
    else:
        fmt_ = out.choose_format(json_, fmt)
    if (claim is None) == (file is None):
        raise BadInput("give either a CLAIM or --file DRAFT")
    if claim is not None:
        _one_sentence(claim, "claim")
    table = fmt_ == "table"
    if file is not None:
        from jzcli import draftview, drafts

        limit = drafts.parse_size(max_size) if max_size is not None else drafts.DEFAULT_MAX_SIZE
        lines = drafts.read_draft(file, encoding=encoding, max_size=limit)  # fails before anything is written
        checked = draftview.check_lines(ck.Reader(_load(db)), lines)
        tally = draftview.Tally()
        if table:
            draftview.write_view(checked, tally)
        else:
            draftview.write_rows(file, checked, fmt_, tally)
            out.note(tally.summary())
        counts = tally.counts
        raise Exit(ExitStatus.NOT_SUPPORTED if counts["contradicted"] or (strict and counts["unknown"])
                   else ExitStatus.SUCCESS)
    reader = ck.Reader(_load(db))
    results = ck.check_claim(reader, claim)
    verdict = ck.combined(results)
    if len(results) == 1:
        doc = results[0].as_json()
    else:
        first = results[0].as_json()
        doc = {**first, "verdict": verdict, "reason": "; ".join(f"{r.figure.text}: {r.verdict}" for r in results),
               "evidence": [e for r in results for e in r.evidence], "figures": [r.as_json() for r in results]}
    if fmt_ == "json":
        out.write(out.dump_json(doc))
    elif fmt_ == "jsonl":
        out.emit([doc], [], "jsonl")
    else:
        rows = [{**r.as_json(), "ev": e} for r in results for e in (r.evidence or [{}])]
        cols = [Column("figure", "数字"),
                Column("verdict", "结论", lambda r: VERDICT_LABEL[r["verdict"]] if table else r["verdict"]),
                Column("reason", "理由"),
                Column("fact", "依据", lambda r: r["ev"].get("id")),
                Column("article", "原文数值", lambda r: r["ev"].get("text")),
                Column("quote", "原文", lambda r: r["ev"].get("quote"))]
        out.emit(rows, cols, fmt_, title=f"{VERDICT_LABEL[verdict]}：{claim.strip()}")
    raise Exit(ExitStatus.SUCCESS if verdict == "supported" else ExitStatus.NOT_SUPPORTED)


@command(
    argument("question", metavar="QUESTION", help="A question about a figure."),
    option("limit", "--limit", kind=INT, default=5, help="At most this many answers.", low=1, high=100),
    *READ,
)
def ask(question, limit, db, json_, fmt) -> None:
    """Ask for a figure; best matches first.

    Exit code 1 when nothing in the article answers the question.

    \b
    Examples:
      jzcli ask "大寨店社区开工了多少栋楼"
      jzcli ask "实际利用外资多少" --json
    """
    from jzcli import check as ck

    fmt_ = out.choose_format(json_, fmt)
    _one_sentence(question, "question")
    rows = ck.ask(ck.Reader(_load(db)), question, limit)
    cols = [Column("id", "编号"), Column("subject", "对象"), Column("metric", "指标"), Column("text", "原文数值"),
            Column("value", "数值"), Column("unit", "单位"), Column("score", "得分"), Column("quote", "原文")]
    out.emit(rows, cols, fmt_, title=f"问：{question.strip()}")


@command(
    *READ,
)
def audit(db, json_, fmt) -> None:
    """The article's own arithmetic, and its oddities.

    \b
    Example:
      jzcli audit
    """
    from jzcli import crosschecks

    fmt_ = out.choose_format(json_, fmt)
    rows = crosschecks.audit(_load(db))
    table = fmt_ == "table"

    def holds(r):
        if r["holds"] is None:
            return "" if table else None
        return ("✔ 成立" if r["holds"] else "✘ 不成立") if table else r["holds"]

    cols = [Column("id", "编号"), Column("kind", "类型"), Column("description", "内容"), Column("arithmetic", "算式"),
            Column("holds", "结果", holds),
            Column("quotes", "原文", lambda r: "\n".join(r["quotes"]) if table else r["quotes"])]
    out.emit(rows, cols, fmt_, title="核算与疑点")


@command(
    argument("record_id", metavar="ID", help="A record id (fig:dzd-started) or a unique start of one."),
    option("source", "--source", metavar="ARTICLE", help="Also print the article's sentence around the quote."),
    *READ,
)
def show(record_id, source, db, json_, fmt) -> None:
    """One record in full, with its checks and oddities.

    \b
    Examples:
      jzcli show fig:dzd-started
      jzcli show fig:fdi --source ../shared/source/000_e90f716d7d44d38f.txt
    """
    from jzcli import queries
    from jzcli.validate import read_article

    fmt_ = out.choose_format(json_, fmt)
    article = read_article(source) if source else None
    rec = queries.show(_load(db), record_id, article)
    fields = [Column(k, k) for k in rec if k not in ("oddity_records",)]
    odd_cols = [Column("id", "编号"), Column("description", "说明"), Column("quote", "原文")]
    out.emit_object(rec, fields, fmt_, title=rec["id"], sections=[("疑点", rec["oddity_records"], odd_cols)])
