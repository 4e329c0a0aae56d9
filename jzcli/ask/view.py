"""How `ask` answers look on a terminal: the answer first, large, then its quote and where it stands. (Piped
and JSON output: the ANSWERS view in cli.py, the same columns for every kind of answer.)"""

from __future__ import annotations

from jzcli import output as out
from jzcli.i18n import N_, _, gettext

KIND_LABEL = {"figure": N_("figure"), "derived": N_("derived"), "event": N_("when"), "person": N_("person"),
              "list": N_("list"), "attribute": N_("attribute"), "verdict": N_("yes or no")}
# What an attribute answer is, said of its subject (the named thing, or for `holder` the thing found).
ATTRIBUTE_LABEL = {"designation": N_("designation of"), "theme": N_("theme of"), "office": N_("office of"),
                   "parent": N_("where it is"), "role": N_("role of"), "sector": N_("sector of"),
                   "investment": N_("investment of"), "level": N_("level of"), "holder": N_("refers to"),
                   "said": N_("said by"), "threshold": N_("bound of")}
VERDICT_LABEL = {"supported": N_("yes (supported)"), "contradicted": N_("no (the article says otherwise)"),
                 "unknown": N_("the article does not say")}


def _formula(r: dict):
    d = r.get("derivation")
    return d.get("formula") if d else None


def render(rows: list[dict], question: str) -> None:
    """The best answer (every tied one) large, with its evidence; the others in a short table."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from jzcli.reasons import translate

    console = out.make_console()
    console.print(Text(_("Q: {question}").format(question=question), style="bold"), overflow="fold")
    top = [r for r in rows if r["tie"]] or rows[:1]
    if len(top) > 1:
        console.print(Text(_("tie: {n} answers score the same").format(n=len(top)), style="yellow"))
    for r in top:
        head = r["answer"] if r["kind"] != "verdict" else gettext(VERDICT_LABEL.get(r["verdict"], r["answer"]))
        console.print(Panel(Text(head, style="bold"), title=gettext(KIND_LABEL.get(r["kind"], r["kind"])),
                            title_align="left",
                            expand=False, padding=(1, 4)))
        lines = []
        if r.get("subject") and r.get("metric") and r["kind"] in ("figure", "derived"):
            lines.append((_("Subject"), f"{r['subject']} · {r['metric']}"))
        elif r.get("subject") and r.get("metric") in ATTRIBUTE_LABEL:
            lines.append((gettext(ATTRIBUTE_LABEL[r["metric"]]), f"{r['subject']}"))
        if r.get("date") and r["kind"] != "event":
            lines.append((_("Date"), r["date"] + (_(" (the year is inferred)") if r.get("inferred") else "")))
        elif r.get("inferred"):
            lines.append((_("Inferred"), _("the year is inferred from the article's date")))
        if _formula(r):
            lines.append((_("Arithmetic"), _formula(r)))
        if r.get("members") and r["kind"] != "list":
            lines.append((_("Members"), "、".join(r["members"])))
        if r.get("note"):
            lines.append((_("Note"), translate(r["note"])))
        for e in r["evidence"]:
            lines.append((_("Quote"), f"“{e['quote']}”  — {e['id']}"))
        for label, text in lines:
            console.print(Text.assemble((label + _(": "), "bold"), Text(out.display(str(text), None))), overflow="fold")
        console.print()
    rest = [r for r in rows if r not in top]
    if rest:
        table = Table(title=_("Other answers"), title_justify="left", header_style="bold", box=None)
        for header in (_("Type"), _("Answer"), _("Score"), _("ID")):
            table.add_column(header, overflow="fold")
        for r in rest:
            table.add_row(Text(gettext(KIND_LABEL.get(r["kind"], r["kind"]))), Text(r["answer"] or ""), Text(str(r["score"])),
                          Text(r["id"] or "", style="dim"))
        console.print(table)
    out.note(_("see a record in full: jzcli show ID --source ARTICLE"))
