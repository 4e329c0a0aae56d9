"""Commands: each parses its arguments, calls one query, hands the rows to jzcli/output.py.

Every command is declared with its parameters (jzcli/params.py), which both Typer and the fast path read;
the application shell (entry point, Typer app, errors → exit statuses) is jzcli/app.py.
"""

from __future__ import annotations

from collections.abc import Callable

from jzcli import completion, i18n
from jzcli import output as out
from jzcli.errors import BadInput, Exit, ExitStatus, FactBaseError
from jzcli.i18n import N_, _, gettext
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


# ---------------------------------------------------------------- the options every read command shares

DB = option("db", "--db", metavar="PATH", help=N_("Fact base to read instead of the shipped facts.json (env JZCLI_DB)."))
JSON = flag("json_", "--json", help=N_("One JSON document on stdout (same as --format json)."))
FORMAT = option("fmt", "--format", "-f", metavar="FORMAT", complete=completion.fixed(*out.FORMATS),
                help=N_("table | json | jsonl | csv | tsv (default: table on a terminal, tsv when piped)."))
FIELDS = option("fields", "--fields", metavar="A,B", complete=completion.fields,
                help=N_("Only these fields, in this order, in every format (an unknown name lists the fields)."))
READ = (DB, JSON, FORMAT, FIELDS)


def _load(db: str | None):
    from jzcli import factbase

    return factbase.load(db)


def _investment(key: str) -> Callable[[dict], object]:
    return lambda rec: (rec.get("investment") or {}).get(key)


def _yuan(value) -> str:
    from jzcli.amounts import format_amount

    return format_amount(value, "元")


# labels of values for people (a table), in the user's language; scripts get the values themselves
STATUS_LABEL = {"signed": N_("signed 2018 H1"), "landed": N_("landed"), "key_work": N_("key work")}
MATCH_LABEL = {"certain": N_("certain"), "borderline": N_("borderline"), "undecidable": N_("undecidable")}
PRECISION_LABEL = {"year": N_("year"), "month": N_("month"), "day": N_("day"), "range": N_("range")}
TABLE_LABEL = {"sources": N_("sources"), "units": N_("units"), "projects": N_("projects"), "figures": N_("figures"),
               "honours": N_("honours"), "people": N_("people"), "events": N_("events"), "places": N_("places"),
               "checks": N_("checks"), "oddities": N_("oddities"), "vocabulary": N_("vocabulary")}


_TOPIC_LABEL: dict[str, str] = {}


def _label(labels: dict):
    """A `show` function: a value's label in the user's language (the value itself when it has none)."""
    return lambda value: gettext(labels[value]) if value in labels else out.cell(value)


ID = Column("id", N_("ID"), wrap=False)
QUOTE = Column("quote", N_("Quote"))

# ---------------------------------------------------------------- projects


PROJECTS = View(
    ID,
    Column("name", N_("Project")),
    Column("status", N_("Category"), show=_label(STATUS_LABEL), wrap=False),
    Column("investment_text", N_("Investment (as written)"), _investment("text")),
    Column("min", N_("From"), _investment("min"), show=_yuan, wrap=False),
    Column("max", N_("To"), _investment("max"), show=_yuan, wrap=False),
    Column("match", N_("Match"), show=_label(MATCH_LABEL), wrap=False, default=False),
    Column("band", N_("Band"), wrap=False, default=False),
    Column("period", N_("Period"), wrap=False, default=False),
    Column("quote", N_("Quote"), default=False),
)


@command(
    option("min_", "--min", metavar="AMOUNT", help=N_("At least this investment (5亿, 5e8, 五亿 ...).")),
    option("max_", "--max", metavar="AMOUNT", help=N_("At most this investment.")),
    flag("maybe", "--maybe", help=N_("Also list borderline and undecidable projects, marked.")),
    option("sort", "--sort", metavar="invest|name", help=N_("Sort by investment band (largest first) or by name (pinyin).")),
    option("status", "--status", metavar="STATUS", help=N_("signed | landed | key_work")),
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

    fmt_ = out.choose_format(json_, fmt)
    if sort not in (None, "invest", "name"):
        raise BadInput(_("--sort takes invest or name, got {value!r}").format(value=sort))
    lo = hi = None
    if min_ is not None or max_ is not None:  # amounts (and decimal) only when a bound is given
        from jzcli.amounts import parse_money_bound

        lo = parse_money_bound(min_) if min_ is not None else None
        hi = parse_money_bound(max_) if max_ is not None else None
    view = PROJECTS.plus("match") if lo is not None or hi is not None else PROJECTS
    view.pick(fields)  # an unknown field is a usage error before any note
    result = queries.projects(_load(db), lo, hi, maybe=maybe, sort=sort, status=status)
    left_out = ""
    if result.left_out:
        parts = []
        if result.left_out.get("borderline"):
            parts.append(_("{n} borderline (the band only touches the bound)").format(n=result.left_out["borderline"]))
        if result.left_out.get("undecidable"):
            parts.append(_("{n} undecidable (the bound falls inside the band)").format(
                n=result.left_out["undecidable"]))
        left_out = _("left out {parts}; add --maybe to list them").format(parts=_(" and ").join(parts))
        if result.rows or fmt_ != "table":  # an empty table says it in its one "no matching records" line
            out.note(_("note: {message}").format(message=left_out))
    out.emit(result.rows, view, fmt_, fields=fields, title=N_("Projects"),
             empty_note=lambda: _("no matching records") + (_(": {reason}").format(reason=left_out) if left_out else ""))


# ---------------------------------------------------------------- units


def _history_text(history: list[dict]) -> str:
    return "；".join(f"{h.get('office')} {h.get('from') or '?'}–{h.get('to') or _('now')}" for h in history)


COMMUNITY = View(
    ID, Column("name", N_("Name")), Column("short", N_("Short name"), default=False), Column("kind", N_("Kind")),
    Column("member", N_("Member of the office"), default=False), Column("office", N_("Office now")),
    Column("history", N_("Office history"), show=_history_text),
    Column("designations", N_("Designations")), Column("aliases", N_("Also called")), Column("parent", N_("Part of")),
    Column("flags", N_("Flags")), Column("note", N_("Note")), QUOTE,
    Column("oddities", N_("Oddities"), default=False), Column("facts", N_("Facts about it"), default=False),
)
FACTS_OF = View(Column("kind", N_("Type")), Column("text", N_("Text")), QUOTE)


@command(
    argument("name", metavar="NAME", help=N_("Full or short name, part of it, pinyin or initials."), complete=completion.units),
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
                    sections=[(N_("Facts about it"), prof["facts"], FACTS_OF)])


UNITS = View(ID, Column("name", N_("Name")), Column("short", N_("Short name"), default=False),
                 Column("kind", N_("Kind")),
             Column("office", N_("Office")), Column("member", N_("Member of the office"), default=False),
             Column("designations", N_("Designations")),
             Column("quote", N_("Quote"), default=False))
TREE = View(Column("as_of", N_("As of"), wrap=False), Column("office", N_("Office")),
            Column("name", N_("Name")), Column("kind", N_("Kind")))


@command(
    option("office", "--office", metavar="NAME", help=N_("Only units of this office (九州路, 泰山路 ...)."),
           complete=completion.offices),
    option("as_of", "--as-of", metavar="YYYY-MM", help=N_("Office assignment at this month.")),
    flag("tree", "--tree", help=N_("Draw office → communities/villages, before and after each change.")),
    flag("all_", "--all", help=N_("Also places that are not units of the office (湘江社区, compounds ...).")),
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
        raise BadInput(_("use either --tree or --office, not both"))
    fb = _load(db)
    if tree:
        snapshots = queries.tree(fb, as_of)
        rows = [{"as_of": s["as_of"], "office": o["office"], "name": u["name"], "kind": u["kind"]}
                for s in snapshots for o in s["offices"] for u in o["units"]]
        out.emit(rows, TREE, fmt_, fields=fields, document=snapshots, draw=lambda: _draw_tree(snapshots))
        return
    rows = queries.communities(fb, office=office, as_of=as_of, include_all=all_)
    out.emit(rows, UNITS, fmt_, fields=fields, title=lambda: _("Communities and villages") + (
        _(" (as of {month})").format(month=as_of) if as_of else ""))


def _draw_tree(snapshots: list[dict]) -> None:
    from rich.text import Text
    from rich.tree import Tree

    console = out.make_console()
    for snap in snapshots:
        root = Tree(Text(_("from {month}").format(month=snap["as_of"])))
        for office in snap["offices"]:
            branch = root.add(Text(f"{office['office']}（{len(office['units'])}）"))
            for unit in office["units"]:
                branch.add(Text(f"{unit['name']}  {unit['kind']}"))
        console.print(root)


# ---------------------------------------------------------------- honours, figures, timeline, people, search


HONOURS = View(ID, Column("title", N_("Honour")), Column("year", N_("Year"), wrap=False),
                   Column("level", N_("Level"), wrap=False),
               Column("text", N_("Wording")), QUOTE, Column("holder", N_("Holder"), default=False),
               Column("consecutive_years", N_("Years running"), wrap=False, default=False),
               Column("note", N_("Note"), default=False))


@command(
    argument("year", metavar="[YEAR]", help=N_("Only honours won in this year."), required=False),
    option("level", "--level", metavar="国家|省|市", help=N_("Only this level."), complete=completion.fixed("国家", "省", "市")),
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
    out.emit(rows, HONOURS, fmt_, fields=fields, title=N_("Honours"))


FIGURES = View(
    ID, Column("subject_name", N_("Subject")), Column("metric", N_("Metric")), Column("value", N_("Value"), wrap=False),
    Column("unit", N_("Unit"), wrap=False), Column("qualifier", N_("Qualifier"), wrap=False),
    Column("period", N_("Period"), wrap=False),
    Column("topic", N_("Topic"), show=lambda v: _TOPIC_LABEL.get(v, v) if i18n.chinese() else v, wrap=False),
    Column("text", N_("Wording"), wrap=False),
    Column("subject", N_("Subject ID"), wrap=False, default=False),
    Column("period_text", N_("Period (as written)"), default=False),
    Column("period_inferred", N_("Period inferred"), default=False), Column("status", N_("Status"), default=False),
    Column("per", N_("Per"), default=False), Column("part_of", N_("Part of"), default=False),
    Column("key", N_("Key figure"), default=False),
    Column("band", N_("Band"), default=False), Column("keywords", N_("Keywords"), default=False),
    Column("note", N_("Note"), default=False),
    Column("quote", N_("Quote"), default=False),
)


@command(
    option("topic", "--topic", metavar="T", help=N_("economy, construction ... or 经济, 建设进度 ..."),
           complete=completion.topics),
    option("subject", "--subject", metavar="NAME", help=N_("What the figure is about (大寨店, 张公堰 ...)."),
           complete=completion.subjects),
    option("unit", "--unit", metavar="U", help=N_("Base unit: 元, 美元, 人, 栋, % ..."), complete=completion.figure_units),
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
    fb = _load(db)
    rows = queries.figures(fb, topic=topic, subject=subject, unit=unit)
    _TOPIC_LABEL.clear()  # the fact base's own labels: a Chinese table shows 行政区划 for administration
    _TOPIC_LABEL.update(queries.topics(fb))
    out.emit(rows, FIGURES, fmt_, fields=fields, title=N_("Figures"))


TIMELINE = View(ID, Column("date", N_("Date"), wrap=False), Column("end", N_("End"), wrap=False),
                Column("precision", N_("Precision"), show=_label(PRECISION_LABEL), wrap=False),
                Column("inferred", N_("Inferred"), show=lambda v: _("inferred") if v else "", wrap=False),
                Column("event", N_("Event")), QUOTE, Column("date_text", N_("Date (as written)"), default=False),
                Column("status", N_("Status"), default=False), Column("note", N_("Note"), default=False))


@command(
    argument("year", metavar="[YEAR]", help=N_("Only events in this year."), required=False),
    option("from_", "--from", metavar="D", help=N_("From this date (YYYY, YYYY-MM or YYYY-MM-DD).")),
    option("to", "--to", metavar="D", help=N_("Up to this date.")),
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
    out.emit(rows, TIMELINE, fmt_, fields=fields, title=N_("Timeline"))


PEOPLE = View(ID, Column("name", N_("Person")), Column("role", N_("Role (as stated)")), QUOTE,
              Column("unit", N_("Unit"), default=False), Column("age", N_("Age"), wrap=False, default=False))


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
    out.emit(rows, PEOPLE, fmt_, fields=fields, title=N_("People"))


SEARCH = View(ID, Column("kind", N_("Type"), wrap=False), Column("text", N_("Text")), QUOTE,
              Column("field", N_("Matched field"), show=out.key_label, default=False))


@command(
    argument("text", metavar="TEXT", help=N_("Text to look for in names, wording and quotes.")),
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
    out.emit(rows, SEARCH, fmt_, fields=fields, title=lambda: _("Search: {text}").format(text=text), highlight=text.strip())


PROGRESS = View(ID, Column("label", N_("Progress")), Column("value", N_("Done"), wrap=False),
                    Column("total", N_("Total"), wrap=False),
                Column("unit", N_("Unit"), wrap=False), Column("share", N_("Share"), wrap=False),
                Column("text", N_("Wording"), default=False))


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
    console.print(Text(_("{title} — {place} (as of about {date})").format(
        title=data["title"], place=data["place"], date=data["as_of"]), style="bold"))
    counts = "  ".join(f"{_label(TABLE_LABEL)(k)} {v}" for k, v in data["counts"].items())
    console.print(Text(counts))
    key = Table(title=_("Key figures"), title_justify="left", box=None)
    key.add_column(_("Metric"), overflow="fold")
    key.add_column(_("Article says"), overflow="fold")
    for f in data["key_figures"]:
        key.add_row(Text(f"{f.get('subject_name', '')} {f['metric']}"), Text(f["text"]))
    console.print(key)
    bars = Table(title=_("Progress"), title_justify="left", box=None)
    bars.add_column(_("Figure"), no_wrap=True)
    bars.add_column(_("Progress"), width=20)
    bars.add_column(_("Share"), no_wrap=True)
    for p in data["progress"]:
        bars.add_row(Text(p["label"]), Bar(size=p["total"], begin=0, end=p["value"], width=20),
                     Text(f"{p['share']}%  {p['text']}"))
    console.print(bars)


# ---------------------------------------------------------------- validate, export


@command(
    option("source", "--source", metavar="ARTICLE", help=N_("Also check every quote is in this article.")),
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
        raise FactBaseError(_("{n} problem(s) in {path}").format(n=len(problems), path=fb.path))
    counts = ", ".join(f"{len(rows)} {gettext(TABLE_LABEL.get(t, t))}" for t, rows in fb.tables.items())
    out.note(_("ok: {path} ({counts})").format(path=fb.path, counts=counts)
             + (_(" ; every quote found in the article") if source else ""))


@command(
    option("fmt", "--format", "-f", required=True, metavar="sqlite|csv|jsonl",
           complete=completion.fixed("sqlite", "csv", "jsonl"),
           help=N_("sqlite file, a folder of CSV files, or JSON lines.")),
    option("out_path", "--out", required=True, metavar="PATH",
           help=N_("Where to write ('-': stdout); not overwritten without --force.")),
    flag("force", "--force", help=N_("Replace an existing PATH that an earlier export wrote.")),
    flag("excel", "--excel", help=N_("csv for spreadsheets: UTF-8 with BOM, formulas neutralised.")),
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
        out.note(_("wrote {path}").format(path=written))


# ---------------------------------------------------------------- reporter's tools

def _verdict_label(verdict: str) -> str:
    from jzcli.draftview import SYMBOL, verdict_word

    return f"{SYMBOL.get(verdict, '?')} {verdict_word(verdict)}"


MAX_SENTENCE = 2000  # characters: a claim or a question is one sentence, not a document


def _one_sentence(text: str, what: str) -> None:
    if len(text) > MAX_SENTENCE:
        raise BadInput(_("the {what} is {n} characters long: give one sentence (at most {limit}), "
                         "or a whole draft with check --file").format(what=_(what), n=len(text), limit=MAX_SENTENCE))


def _reason(reason: str) -> str:
    """A reason of the checker or a note of `ask` (English: the JSON value) as a person reads it."""
    from jzcli.reasons import translate

    return translate(reason)


# what a checked item is (a figure, a date ...): the `kind` of the checker's results
ITEM_KIND = {"figure": N_("figure"), "date": N_("date"), "title": N_("title"), "state": N_("state"),
             "designation": N_("designation"), "relation": N_("relation"), "office": N_("office"),
             "role": N_("role"), "derived": N_("derived"), "statement": N_("statement")}

# the items of a draft (jzcli/draftview.py makes the rows; the draft view itself is drawn there)
DRAFT_ITEMS = View(
    Column("line", N_("Line"), wrap=False), Column("column", N_("Column"), wrap=False),
    Column("kind", N_("Kind of item"), show=_label(ITEM_KIND), wrap=False), Column("figure", N_("Figure"), wrap=False),
    Column("verdict", N_("Verdict"), show=_verdict_label, wrap=False), Column("reason", N_("Reason"), show=_reason),
    Column("id", N_("Fact"), wrap=False), Column("article", N_("Article says"), wrap=False), QUOTE,
    Column("sentence", N_("Sentence")), Column("end_column", N_("End column"), wrap=False, default=False),
    Column("value", N_("Value"), wrap=False, default=False), Column("unit", N_("Unit"), wrap=False, default=False),
    Column("qualifier", N_("Qualifier"), wrap=False, default=False),
)
CLAIM_EVIDENCE = View(
    Column("figure", N_("Figure"), wrap=False), Column("verdict", N_("Verdict"), show=_verdict_label, wrap=False),
    Column("reason", N_("Reason"), show=_reason), Column("fact", N_("Fact"), lambda r: r["ev"].get("id"), wrap=False),
    Column("article", N_("Article says"), lambda r: r["ev"].get("text"), wrap=False),
    Column("quote", N_("Quote"), lambda r: r["ev"].get("quote")),
    Column("claim", N_("Sentence"), default=False), Column("value", N_("Value"), wrap=False, default=False),
    Column("unit", N_("Unit"), wrap=False, default=False),
    Column("kind", N_("Kind of item"), show=_label(ITEM_KIND), wrap=False, default=False),
    Column("formula", N_("Arithmetic"), lambda r: (r.get("derivation") or {}).get("formula"), default=False),
)


@command(
    argument("claim", metavar="CLAIM", help=N_("One sentence with a figure."), required=False),
    option("file", "--file", metavar="DRAFT",
           help=N_("Check every figure of a draft: .txt, .md or .docx ('-' for stdin).")),
    flag("strict", "--strict", help=N_("With --file: exit 1 when any item is unknown too (a gate before publication).")),
    option("encoding", "--encoding", metavar="ENC",
           help=N_("The draft's encoding (default: detected: UTF-8, UTF-16 with BOM, GB18030).")),
    option("max_size", "--max-size", metavar="SIZE", help=N_("Refuse a draft larger than this (default 10MB).")),
    *READ,
    views=(DRAFT_ITEMS, CLAIM_EVIDENCE,),
)
def check(claim, file, strict, encoding, max_size, db, json_, fmt, fields) -> None:
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
        raise BadInput(_("give either a CLAIM or --file DRAFT"))
    if claim is not None:
        _one_sentence(claim, N_("claim"))
    if file is not None:
        from jzcli import drafts, draftview

        columns = DRAFT_ITEMS.pick(fields)  # an unknown field is a usage error before the draft is read
        limit = drafts.parse_size(max_size) if max_size is not None else drafts.DEFAULT_MAX_SIZE
        lines = drafts.read_draft(file, encoding=encoding, max_size=limit)  # fails before anything is written
        checked = draftview.check_lines(ck.Reader(_load(db)), lines)
        tally = draftview.Tally()
        if fmt_ == "table" and fields is None:
            draftview.write_view(checked, tally)
        elif fmt_ == "table":  # the fields asked for, as a table (a table is not streamed: its widths need every row)
            items = [item for _line, found in checked for item in tally.add(found)]
            out.emit(items, DRAFT_ITEMS, fmt_, fields=fields, title=file if file != "-" else None)
            out.note(tally.summary())
        else:
            draftview.write_rows(file, checked, fmt_, tally, columns if fields is not None or fmt_ in ("tsv", "csv")
                                 else None)
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
        lead = next((r for r in results if r.kind == "figure"), results[0])
        doc = {**lead.as_json(), "verdict": verdict,
               "reason": "; ".join(f"{r.figure.text if r.figure else r.kind}: {r.verdict}" for r in results),
               "evidence": [*lead.evidence, *(e for r in results if r is not lead for e in r.evidence)],
               "figures": [r.as_json() for r in results]}
    rows = [{**r.as_json(), "ev": e} for r in results for e in (r.evidence or [{}])]
    out.emit(rows, CLAIM_EVIDENCE, fmt_, fields=fields, document=doc,
             title=lambda: _("{verdict}: {claim}").format(verdict=_verdict_label(verdict), claim=claim.strip()))
    raise Exit(ExitStatus.SUCCESS if verdict == "supported" else ExitStatus.NOT_SUPPORTED)


# The same columns for every kind of answer (figure, derived, event, person, list, attribute, verdict).
def _answer_label(table: str):
    """A `show` function: an answer's kind or attribute in the user's language (ask/view.py's labels)."""
    def show(value) -> str:
        from jzcli.ask import view

        return gettext(getattr(view, table).get(value, value))

    return show


ANSWERS = View(Column("kind", N_("Type"), show=_answer_label("KIND_LABEL"), wrap=False), Column("answer", N_("Answer")),
               Column("value", N_("Value"), wrap=False),
               Column("unit", N_("Unit"), wrap=False), Column("date", N_("Date"), wrap=False),
               Column("precision", N_("Precision"), wrap=False), Column("inferred", N_("Inferred"), wrap=False),
               Column("members", N_("Members")), Column("verdict", N_("Verdict"), wrap=False),
               Column("formula", N_("Arithmetic"), lambda r: (r.get("derivation") or {}).get("formula")),
               Column("score", N_("Score"), wrap=False), Column("tie", N_("Tied"), wrap=False), ID, QUOTE,
               Column("subject", N_("Subject"), default=False),
               Column("metric", N_("Metric"), show=_answer_label("ATTRIBUTE_LABEL"), default=False),
               Column("text", N_("Article says"), show=_reason, default=False),
               Column("note", N_("Note"), show=_reason, default=False),
               Column("end", N_("End date"), default=False), Column("qualifier", N_("Qualifier"), default=False),
               Column("period", N_("Period"), default=False))


@command(
    argument("question", metavar="QUESTION", help=N_("A question about the article, as a reporter asks it.")),
    option("limit", "--limit", kind=INT, default=5, metavar="N", help=N_("At most this many answers (ties are all shown)."),
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
    from jzcli.check import Reader

    fmt_ = out.choose_format(json_, fmt)
    _one_sentence(question, N_("question"))
    rows = answer(Reader(_load(db)), question, limit)
    out.emit(rows, ANSWERS, fmt_, fields=fields, draw=lambda: _ask_view(rows, question.strip()))


def _ask_view(rows: list[dict], question: str):
    from jzcli.ask import view  # only to draw on a terminal

    return view.render(rows, question)


def _arithmetic(text: str) -> str:
    from jzcli import crosschecks

    return crosschecks.shown(text)


AUDIT = View(ID, Column("kind", N_("Type"), wrap=False), Column("description", N_("Description")),
                 Column("arithmetic", N_("Arithmetic"), show=_arithmetic),
             Column("holds", N_("Holds"), show=lambda v: _("✔ holds") if v else _("✘ does not hold"), wrap=False),
             Column("quotes", N_("Quotes"), show="\n".join),
             Column("recorded_holds", N_("Recorded result"), default=False),
             Column("refs", N_("Refers to"), default=False), Column("quote", N_("Main quote"), default=False))


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
    out.emit(rows, AUDIT, fmt_, fields=fields, title=N_("Checks and oddities"))


ODDITIES = View(ID, Column("description", N_("Description")), QUOTE)


def _field_label(table: str, key: str) -> str:
    """A field of `show`: its schema label in Chinese, else its name (a msgid: jzcli/catalog.py data_messages)."""
    if i18n.chinese():
        from jzcli import schema

        return schema.field_label(key, table) or key
    return key


@command(
    argument("record_id", metavar="ID", help=N_("A record id (fig:dzd-started) or a unique start of one."),
             complete=completion.record_ids),
    option("source", "--source", metavar="ARTICLE", help=N_("Also print the article's sentence around the quote.")),
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

    fmt_ = out.choose_format(json_, fmt)
    article = None
    if source:  # the validator's article reader only with --source
        from jzcli.validate import read_article

        article = read_article(source)
    rec = queries.show(_load(db), record_id, article)
    view = View(*(Column(k, _field_label(rec["table"], k)) for k in rec if k != "oddity_records"))  # every field
    out.emit_object(rec, view, fmt_, fields=fields, title=rec["id"], sections=[(N_("Oddities"), rec["oddity_records"],
                                                                                ODDITIES)])


