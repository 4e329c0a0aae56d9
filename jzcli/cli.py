"""Commands: each parses its arguments, calls one query, hands the rows to jzcli/output.py.

Every command is declared with its parameters (jzcli/params.py), which both Typer and the fast path read;
the application shell (entry point, Typer app, errors → exit statuses) is jzcli/app.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from jzcli import completion
from jzcli import output as out
from jzcli.errors import BadInput, Exit, ExitStatus, FactBaseError
from jzcli.output import Column, View
from jzcli.params import INT, Command, Param, argument, flag, option

COMMANDS: dict[str, Command] = {}


def command(*params: Param, name: str | None = None, views: tuple[View, ...] = ()) -> Callable[[Callable], Callable]:
    """Register a command with its parameters (its function takes exactly those, by dest) and the views it
    prints (their field names are what --fields completes)."""

    def register(func: Callable) -> Callable:
        cmd_name = name or func.__name__.lower().replace("_", "-")
        fields = dict.fromkeys(key for view in views for key in view.keys)
        COMMANDS[cmd_name] = Command(cmd_name, func, params, fields)
        return func

    return register


def __getattr__(name: str):
    # callers written before the shell moved to jzcli/app.py: `from jzcli.cli import main`, `cli.run(...)`
    if name in ("app", "main", "run", "build_app"):
        from jzcli import app

        return app.build_app() if name == "app" else getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------- the options every read command shares

DB = option("db", "--db", metavar="PATH", help="Fact base to read instead of the shipped facts.json (env JZCLI_DB).")
JSON = flag("json_", "--json", help="One JSON document on stdout (same as --format json).")
FORMAT = option("fmt", "--format", "-f", metavar="FORMAT", complete=completion.fixed(*out.FORMATS),
                help="table | json | jsonl | csv | tsv (default: table on a terminal, tsv when piped).")
FIELDS = option("fields", "--fields", metavar="A,B", complete=completion.fields,
                help="Only these fields, in this order, in every format (an unknown name lists the fields).")
READ = (DB, JSON, FORMAT, FIELDS)


def _load(db: str | None):
    from jzcli import factbase

    return factbase.load(db)


def _investment(key: str) -> Callable[[dict], object]:
    return lambda rec: (rec.get("investment") or {}).get(key)


def _yuan(value) -> str:
    from jzcli.amounts import format_amount

    return format_amount(value, "元")


STATUS_LABEL = {"signed": "2018上半年签约", "landed": "已落地", "key_work": "重点工程"}
MATCH_LABEL = {"certain": "确定", "borderline": "边界", "undecidable": "无法判定"}
ID = Column("id", "编号", wrap=False)
QUOTE = Column("quote", "原文")

# ---------------------------------------------------------------- projects


PROJECTS = View(
    ID,
    Column("name", "项目"),
    Column("status", "类别", show=lambda v: STATUS_LABEL.get(v, v), wrap=False),
    Column("investment_text", "投资额（原文）", _investment("text")),
    Column("min", "下限", _investment("min"), show=_yuan, wrap=False),
    Column("max", "上限", _investment("max"), show=_yuan, wrap=False),
    Column("match", "匹配", show=lambda v: MATCH_LABEL.get(v, v), wrap=False, default=False),
    Column("band", "档次", wrap=False, default=False),
    Column("period", "时间", wrap=False, default=False),
    Column("quote", "原文", default=False),
)


@command(
    option("min_", "--min", metavar="AMOUNT", help="At least this investment (5亿, 5e8, 五亿 ...)."),
    option("max_", "--max", metavar="AMOUNT", help="At most this investment."),
    flag("maybe", "--maybe", help="Also list borderline and undecidable projects, marked."),
    option("sort", "--sort", metavar="invest|name", help="Sort by investment band (largest first) or by name (pinyin)."),
    option("status", "--status", metavar="STATUS", help="signed | landed | key_work"),
    *READ,
    views=(PROJECTS,),
)
def projects(min_, max_, maybe, sort, status, db, json_, fmt, fields) -> None:
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
    view = PROJECTS.plus("match") if lo is not None or hi is not None else PROJECTS
    view.pick(fields)  # an unknown field is a usage error before any note
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
    out.emit(result.rows, view, fmt_, fields=fields, title="项目",
             empty_note="no matching records" + (f": {left_out}" if left_out else ""))


# ---------------------------------------------------------------- units


def _history_text(history: list[dict]) -> str:
    return "；".join(f"{h.get('office')} {h.get('from') or '?'}–{h.get('to') or '今'}" for h in history)


COMMUNITY = View(
    ID, Column("name", "名称"), Column("short", "简称", default=False), Column("kind", "类别"),
    Column("member", "属办事处", default=False), Column("office", "现属"),
    Column("history", "隶属沿革", show=_history_text),
    Column("designations", "定位"), Column("aliases", "别称"), Column("parent", "上级"),
    Column("flags", "标记"), Column("note", "说明"), QUOTE,
    Column("oddities", "疑点", default=False), Column("facts", "相关事实", default=False),
)
FACTS_OF = View(Column("kind", "类型"), Column("text", "内容"), QUOTE)


@command(
    argument("name", metavar="NAME", help="Full or short name, part of it, pinyin or initials.", complete=completion.units),
    *READ,
    views=(COMMUNITY,),
)
def community(name, db, json_, fmt, fields) -> None:
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
    out.emit_object(prof, COMMUNITY, fmt_, fields=fields, title=prof["name"],
                    sections=[("相关事实", prof["facts"], FACTS_OF)])


UNITS = View(ID, Column("name", "名称"), Column("short", "简称", default=False), Column("kind", "类别"),
             Column("office", "所属办事处"), Column("member", "属办事处", default=False), Column("designations", "定位"),
             Column("quote", "原文", default=False))
TREE = View(Column("as_of", "时间", wrap=False), Column("office", "办事处"), Column("name", "名称"), Column("kind", "类别"))


@command(
    option("office", "--office", metavar="NAME", help="Only units of this office (九州路, 泰山路 ...).",
           complete=completion.offices),
    option("as_of", "--as-of", metavar="YYYY-MM", help="Office assignment at this month."),
    flag("tree", "--tree", help="Draw office → communities/villages, before and after each change."),
    flag("all_", "--all", help="Also places that are not units of the office (湘江社区, compounds ...)."),
    *READ,
    views=(UNITS, TREE),
)
def communities(office, as_of, tree, all_, db, json_, fmt, fields) -> None:
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
    if tree and office is not None:
        raise BadInput("use either --tree or --office, not both")
    fb = _load(db)
    if tree:
        snapshots = queries.tree(fb, as_of)
        rows = [{"as_of": s["as_of"], "office": o["office"], "name": u["name"], "kind": u["kind"]}
                for s in snapshots for o in s["offices"] for u in o["units"]]
        out.emit(rows, TREE, fmt_, fields=fields, document=snapshots, draw=lambda: _draw_tree(snapshots))
        return
    rows = queries.communities(fb, office=office, as_of=as_of, include_all=all_)
    out.emit(rows, UNITS, fmt_, fields=fields, title="社区和村" + (f"（{as_of}）" if as_of else ""))


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


HONOURS = View(ID, Column("title", "荣誉"), Column("year", "年份", wrap=False), Column("level", "级别", wrap=False),
               Column("text", "原文措辞"), QUOTE, Column("holder", "获得者", default=False),
               Column("consecutive_years", "连续年数", wrap=False, default=False), Column("note", "说明", default=False))


@command(
    argument("year", metavar="[YEAR]", help="Only honours won in this year.", required=False),
    option("level", "--level", metavar="国家|省|市", help="Only this level.", complete=completion.fixed("国家", "省", "市")),
    *READ,
    views=(HONOURS,),
)
def honors(year, level, db, json_, fmt, fields) -> None:
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
    out.emit(rows, HONOURS, fmt_, fields=fields, title="荣誉")


FIGURES = View(
    ID, Column("subject_name", "对象"), Column("metric", "指标"), Column("value", "数值", wrap=False),
    Column("unit", "单位", wrap=False), Column("qualifier", "约数", wrap=False), Column("period", "时间", wrap=False),
    Column("topic", "主题", wrap=False), Column("text", "原文措辞", wrap=False),
    Column("subject", "对象编号", wrap=False, default=False), Column("period_text", "时间（原文）", default=False),
    Column("period_inferred", "时间为推断", default=False), Column("status", "状态", default=False),
    Column("per", "每", default=False), Column("part_of", "属于", default=False), Column("key", "关键", default=False),
    Column("band", "档次", default=False), Column("keywords", "关键词", default=False), Column("note", "说明", default=False),
    Column("quote", "原文", default=False),
)


@command(
    option("topic", "--topic", metavar="T", help="economy, construction ... or 经济, 建设进度 ...",
           complete=completion.topics),
    option("subject", "--subject", metavar="NAME", help="What the figure is about (大寨店, 张公堰 ...).",
           complete=completion.subjects),
    option("unit", "--unit", metavar="U", help="Base unit: 元, 美元, 人, 栋, % ...", complete=completion.figure_units),
    *READ,
    views=(FIGURES,),
)
def figures(topic, subject, unit, db, json_, fmt, fields) -> None:
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
    out.emit(rows, FIGURES, fmt_, fields=fields, title="数字")


TIMELINE = View(ID, Column("date", "日期", wrap=False), Column("end", "结束", wrap=False),
                Column("precision", "精度", wrap=False),
                Column("inferred", "推断", show=lambda v: "推断" if v else "", wrap=False),
                Column("event", "事件"), QUOTE, Column("date_text", "日期（原文）", default=False),
                Column("status", "状态", default=False), Column("note", "说明", default=False))


@command(
    argument("year", metavar="[YEAR]", help="Only events in this year.", required=False),
    option("from_", "--from", metavar="D", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    option("to", "--to", metavar="D", help="Up to this date."),
    *READ,
    views=(TIMELINE,),
)
def timeline(year, from_, to, db, json_, fmt, fields) -> None:
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
    out.emit(rows, TIMELINE, fmt_, fields=fields, title="时间线")


PEOPLE = View(ID, Column("name", "姓名"), Column("role", "身份（原文）"), QUOTE,
              Column("unit", "单位", default=False), Column("age", "年龄", wrap=False, default=False))


@command(
    *READ,
    views=(PEOPLE,),
)
def people(db, json_, fmt, fields) -> None:
    """People named, roles exactly as stated.

    \b
    Example:
      jzcli people
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.people(_load(db))
    out.emit(rows, PEOPLE, fmt_, fields=fields, title="人物")


SEARCH = View(ID, Column("kind", "类型", wrap=False), Column("text", "内容"), QUOTE,
              Column("field", "匹配字段", default=False))


@command(
    argument("text", metavar="TEXT", help="Text to look for in names, wording and quotes."),
    *READ,
    views=(SEARCH,),
)
def search(text, db, json_, fmt, fields) -> None:
    """Records whose name, text or quote has TEXT.

    \b
    Examples:
      jzcli search 海绵
      jzcli search 刘全福 --json
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    rows = queries.search(_load(db), text)
    out.emit(rows, SEARCH, fmt_, fields=fields, title=f"搜索：{text}", highlight=text.strip())


PROGRESS = View(ID, Column("label", "进度"), Column("value", "完成", wrap=False), Column("total", "总量", wrap=False),
                Column("unit", "单位", wrap=False), Column("share", "比例", wrap=False),
                Column("text", "原文措辞", default=False))


@command(
    *READ,
    views=(PROGRESS,),
)
def overview(db, json_, fmt, fields) -> None:
    """Key figures and progress bars on one screen.

    \b
    Example:
      jzcli overview
    """
    from jzcli import queries

    fmt_ = out.choose_format(json_, fmt)
    data = queries.overview(_load(db))
    out.emit(data["progress"], PROGRESS, fmt_, fields=fields, document=data, draw=lambda: _draw_overview(data))


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
        out.write(out.display(p, limit=None) + "\n")  # a problem quotes data: control characters escaped
    if problems:
        raise FactBaseError(f"{len(problems)} problem(s) in {fb.path}")
    counts = ", ".join(f"{len(rows)} {t}" for t, rows in fb.tables.items())
    out.note(f"ok: {fb.path} ({counts})" + (" ; every quote found in the article" if source else ""))


@command(
    option("fmt", "--format", "-f", required=True, metavar="sqlite|csv|jsonl",
           complete=completion.fixed("sqlite", "csv", "jsonl"),
           help="sqlite file, a folder of CSV files, or JSON lines."),
    option("out_path", "--out", required=True, metavar="PATH",
           help="Where to write ('-': stdout); not overwritten without --force."),
    flag("force", "--force", help="Replace an existing PATH that an earlier export wrote."),
    flag("excel", "--excel", help="csv for spreadsheets: UTF-8 with BOM, formulas neutralised."),
    DB,
)
def export(fmt, out_path, force, excel, db) -> None:
    """Export the fact base: sqlite, CSV or JSON lines.

    Written beside PATH and renamed into place: never a partial file. --force
    replaces only a file, or a folder that an earlier export wrote; never the
    working directory, the fact base, the package, devices or links.

    \b
    Examples:
      jzcli export --format sqlite --out facts.db
      jzcli export --format csv --out facts-csv/
      jzcli export --format csv --excel --out facts-xls/
      jzcli export --format jsonl --out - | jq .table
    """
    from jzcli import export as ex

    written = ex.export(_load(db), fmt, out_path, force=force, excel=excel)
    if written != "-":
        out.note(f"wrote {written}")


# ---------------------------------------------------------------- reporter's tools

VERDICT_LABEL = {"supported": "✔ 有据 supported", "contradicted": "✘ 不符 contradicted", "unknown": "? 不明 unknown"}


def _read_draft(path: str) -> str:
    from jzcli import files

    if path == "-":
        from jzcli import safeio

        if safeio.stdin_closed():
            raise BadInput("stdin is closed: nothing to check (give --file DRAFT or pipe the draft in)")
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        return files.decode(data, "(standard input)", "draft")
    from jzcli.safeio import fs_path

    return files.read_text(fs_path(path), "draft")


MAX_SENTENCE = 2000  # characters: a claim or a question is one sentence, not a document


def _one_sentence(text: str, what: str) -> None:
    if len(text) > MAX_SENTENCE:
        raise BadInput(f"the {what} is {len(text)} characters long: give one sentence (at most {MAX_SENTENCE}), "
                      "or a whole draft with check --file")


def _shorten(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


DRAFT_FIGURES = View(
    Column("sentence", "句子", show=_shorten), Column("figure", "数字", wrap=False),
    Column("kind", "类型", wrap=False), Column("verdict", "结论", show=VERDICT_LABEL.get, wrap=False),
    Column("article", "原文数值", lambda r: r["evidence"][0]["text"] if r["evidence"] else None, wrap=False),
    Column("quote", "原文", lambda r: r["evidence"][0]["quote"] if r["evidence"] else None),
    Column("reason", "理由", default=False), Column("value", "数值", wrap=False, default=False),
    Column("unit", "单位", wrap=False, default=False),
    Column("fact", "依据", lambda r: r["evidence"][0]["id"] if r["evidence"] else None, wrap=False, default=False),
    Column("line", "行", wrap=False, default=False), Column("column", "列", wrap=False, default=False),
    Column("start", "起", wrap=False, default=False), Column("end", "止", wrap=False, default=False),
)
CLAIM_EVIDENCE = View(
    Column("figure", "数字", wrap=False), Column("kind", "类型", wrap=False),
    Column("verdict", "结论", show=VERDICT_LABEL.get, wrap=False),
    Column("reason", "理由"), Column("fact", "依据", lambda r: r["ev"].get("id"), wrap=False),
    Column("article", "原文数值", lambda r: r["ev"].get("text"), wrap=False),
    Column("quote", "原文", lambda r: r["ev"].get("quote")),
    Column("claim", "句子", default=False), Column("value", "数值", wrap=False, default=False),
    Column("unit", "单位", wrap=False, default=False),
)


@command(
    argument("claim", metavar="CLAIM", help="One sentence with a figure.", required=False),
    option("file", "--file", metavar="DRAFT", help="Check every figure of a draft ('-' for stdin)."),
    *READ,
    views=(DRAFT_FIGURES, CLAIM_EVIDENCE,),
)
def check(claim, file, db, json_, fmt, fields) -> None:
    """Check a figure: supported / contradicted / unknown.

    Exit code 0 only when supported (for --file: 1 if any figure is contradicted).

    \b
    Examples:
      jzcli check "大寨店社区开工36栋楼"
      jzcli check "实际利用外资3700万元" --json
      jzcli check --file draft.txt
      cat draft.txt | jzcli check --file -
    """
    from jzcli import check as ck

    fmt_ = out.choose_format(json_, fmt)
    if (claim is None) == (file is None):
        raise BadInput("give either a CLAIM or --file DRAFT")
    if claim is not None:
        _one_sentence(claim, "claim")
    reader = ck.Reader(_load(db))
    if file is not None:
        results = ck.check_draft(reader, _read_draft(file))
        rows = [{**r.as_json(), "sentence": r.claim} for r in results]
        out.emit(rows, DRAFT_FIGURES, fmt_, fields=fields, title="核对稿件", empty_note="no figures found in the draft")
        counts = {v: sum(r.verdict == v for r in results) for v in ("supported", "contradicted", "unknown")}
        out.note(f"checked {len(results)} item(s): {counts['supported']} supported, "
                 f"{counts['contradicted']} contradicted, {counts['unknown']} unknown")
        raise Exit(ExitStatus.NOT_SUPPORTED if counts["contradicted"] else ExitStatus.SUCCESS)
    results = ck.check_claim(reader, claim)
    verdict = ck.combined(results)
    if len(results) == 1:
        doc = results[0].as_json()
    else:
        lead = next((r for r in results if r.kind == "figure"), results[0])
        doc = {**lead.as_json(), "verdict": verdict,
               "reason": "; ".join(f"{r.figure.text if r.figure else r.kind}: {r.verdict}" for r in results),
               "evidence": [*lead.evidence, *(e for r in results if r is not lead for e in r.evidence)],
               "figures": [r.as_json() for r in results]}
    rows = [{**r.as_json(), "ev": e} for r in results for e in (r.evidence or [{}])]
    out.emit(rows, CLAIM_EVIDENCE, fmt_, fields=fields, document=doc,
             title=f"{VERDICT_LABEL[verdict]}：{claim.strip()}")
    raise Exit(ExitStatus.SUCCESS if verdict == "supported" else ExitStatus.NOT_SUPPORTED)


# The same columns for every kind of answer (figure, derived, event, person, list, attribute, verdict).
ANSWERS = View(Column("kind", "类型", wrap=False), Column("answer", "答案"), Column("value", "数值", wrap=False),
               Column("unit", "单位", wrap=False), Column("date", "日期", wrap=False),
               Column("precision", "精度", wrap=False), Column("inferred", "推断", wrap=False),
               Column("members", "成员"), Column("verdict", "判断", wrap=False),
               Column("formula", "算式", lambda r: (r.get("derivation") or {}).get("formula")),
               Column("score", "得分", wrap=False), Column("tie", "并列", wrap=False), ID, QUOTE,
               Column("subject", "对象", default=False), Column("metric", "指标", default=False),
               Column("text", "原文数值", default=False), Column("note", "说明", default=False),
               Column("end", "结束日期", default=False), Column("qualifier", "约数", default=False),
               Column("period", "时间", default=False))


@command(
    argument("question", metavar="QUESTION", help="A question about the article, as a reporter asks it."),
    option("limit", "--limit", kind=INT, default=5, help="At most this many answers (ties are all shown).",
           low=1, high=100),
    *READ,
    views=(ANSWERS,),
)
def ask(question, limit, db, json_, fmt, fields) -> None:
    """Ask a question: how many, when, who, which, what kind, yes or no.

    The answers, best first, each with its quotes: a figure, a value derived
    from figures (with the arithmetic), a date, a person, a list, an attribute
    or, for a yes/no question, the checker's verdict. Two answers that tie
    are both shown and marked.

    Exit code 1 when nothing in the article answers the question.

    \b
    Examples:
      jzcli ask "九州路办事处什么时候成立"
      jzcli ask "投资额10亿元以上的项目有哪些"
      jzcli ask "大寨店社区已完工的楼占开工总数的多少" --json
      jzcli ask "九州路办事处获得过国家级荣誉吗"
    """
    from jzcli.ask import ask as answer
    from jzcli.ask import view
    from jzcli.check import Reader

    fmt_ = out.choose_format(json_, fmt)
    _one_sentence(question, "question")
    rows = answer(Reader(_load(db)), question, limit)
    out.emit(rows, ANSWERS, fmt_, fields=fields, draw=lambda: view.render(rows, question.strip()))


AUDIT = View(ID, Column("kind", "类型", wrap=False), Column("description", "内容"), Column("arithmetic", "算式"),
             Column("holds", "结果", show=lambda v: "✔ 成立" if v else "✘ 不成立", wrap=False),
             Column("quotes", "原文", show="\n".join), Column("recorded_holds", "记录的结果", default=False),
             Column("refs", "涉及", default=False), Column("quote", "主引文", default=False))


@command(
    *READ,
    views=(AUDIT,),
)
def audit(db, json_, fmt, fields) -> None:
    """The article's own arithmetic, and its oddities.

    \b
    Example:
      jzcli audit
    """
    from jzcli import crosschecks

    fmt_ = out.choose_format(json_, fmt)
    rows = crosschecks.audit(_load(db))
    out.emit(rows, AUDIT, fmt_, fields=fields, title="核算与疑点")


ODDITIES = View(ID, Column("description", "说明"), QUOTE)


@command(
    argument("record_id", metavar="ID", help="A record id (fig:dzd-started) or a unique start of one.",
             complete=completion.record_ids),
    option("source", "--source", metavar="ARTICLE", help="Also print the article's sentence around the quote."),
    *READ,
)
def show(record_id, source, db, json_, fmt, fields) -> None:
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
    view = View(*(Column(k, k) for k in rec if k != "oddity_records"))  # every field the record has
    out.emit_object(rec, view, fmt_, fields=fields, title=rec["id"], sections=[("疑点", rec["oddity_records"], ODDITIES)])


