"""How `ask` answers look on a terminal: the answer first, large, then its quote and where it stands. (Piped
and JSON output: the ANSWERS view in cli.py, the same columns for every kind of answer.)"""

from __future__ import annotations

from jzcli import output as out

KIND_LABEL = {"figure": "数字", "derived": "推算", "event": "时间", "person": "人物", "list": "名单",
              "attribute": "属性", "verdict": "判断"}
# What an attribute answer is, said of its subject (the named thing, or for `holder` the thing found).
ATTRIBUTE_LABEL = {"designation": "类型之于", "theme": "主题之于", "office": "所属办事处之于", "parent": "所在之于",
                   "role": "职务之于", "sector": "行业之于", "investment": "投资额之于", "level": "级别之于",
                   "holder": "所指"}
VERDICT_LABEL = {"supported": "是（有据）", "contradicted": "否（与原文不符）", "unknown": "文章没有说"}


def _formula(r: dict):
    d = r.get("derivation")
    return d.get("formula") if d else None


def render(rows: list[dict], question: str) -> None:
    """The best answer (every tied one) large, with its evidence; the others in a short table."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = out.make_console()
    console.print(Text(f"问：{question}", style="bold"), overflow="fold")
    top = [r for r in rows if r["tie"]] or rows[:1]
    if len(top) > 1:
        console.print(Text(f"并列：{len(top)} 个答案得分相同 (tie: {len(top)} answers score the same)", style="yellow"))
    for r in top:
        head = r["answer"] if r["kind"] != "verdict" else f"{VERDICT_LABEL.get(r['verdict'], r['answer'])} {r['verdict']}"
        console.print(Panel(Text(head, style="bold"), title=KIND_LABEL.get(r["kind"], r["kind"]), title_align="left",
                            expand=False, padding=(1, 4)))
        lines = []
        if r.get("subject") and r.get("metric") and r["kind"] in ("figure", "derived"):
            lines.append(("对象", f"{r['subject']} · {r['metric']}"))
        elif r.get("subject") and r.get("metric") in ATTRIBUTE_LABEL:
            lines.append((ATTRIBUTE_LABEL[r["metric"]], f"{r['subject']}"))
        if r.get("date") and r["kind"] != "event":
            lines.append(("日期", r["date"] + ("（年份为推断）" if r.get("inferred") else "")))
        elif r.get("inferred"):
            lines.append(("推断", "年份据文章时间推断 (year inferred)"))
        if _formula(r):
            lines.append(("算式", _formula(r)))
        if r.get("members") and r["kind"] != "list":
            lines.append(("成员", "、".join(r["members"])))
        if r.get("note"):
            lines.append(("说明", r["note"]))
        for e in r["evidence"]:
            lines.append(("原文", f"“{e['quote']}”  — {e['id']}"))
        for label, text in lines:
            console.print(Text.assemble((f"{label}：", "bold"), Text(str(text))), overflow="fold")
        console.print()
    rest = [r for r in rows if r not in top]
    if rest:
        table = Table(title="其他答案", title_justify="left", header_style="bold", box=None)
        for header in ("类型", "答案", "得分", "编号"):
            table.add_column(header, overflow="fold")
        for r in rest:
            table.add_row(Text(KIND_LABEL.get(r["kind"], r["kind"])), Text(r["answer"] or ""), Text(str(r["score"])),
                          Text(r["id"] or "", style="dim"))
        console.print(table)
    out.note("see a record in full: jzcli show ID --source ARTICLE")
