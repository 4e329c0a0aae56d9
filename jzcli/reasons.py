"""The checker's reasons and `ask`'s notes in the user's language.

The checker and `ask` explain themselves in English: that text is a JSON value, the same in every locale
(scripts match on it). A person reads it translated: `translate(text)` finds the msgid template a reason was
formatted from ("the article says {text}, not {claim}") and formats its Chinese form with the parts, each part
translated in turn (a reason inside a reason, a curator's note from facts.json, a verdict word). Data such as
names and figures is no template and stays as it is.

tests/test_i18n.py fails when a reason the checker can build has no template here, and
tests/test_i18n_prose.py when anything a person reads under a Chinese locale is still English.
"""

from __future__ import annotations

from jzcli.check.relations import WHY
from jzcli.i18n import N_


def translate(text: str) -> str:
    """A reason or note of the checker or of `ask`, in the user's language (English: as it is)."""
    from jzcli.i18n import language, translate_like

    if not text or language() == "en":
        return text
    # a derived value: "the article implies …" reads as "says", the "(derived: formula)" after it says how
    return translate_like(text.replace("the article implies", "the article says"), TEMPLATES)


# The checker's reasons, as the msgids they are formatted from (tests/test_i18n.py checks that every reason
# the checker gives over the test claims matches one, so a new reason cannot go untranslated).
REASONS = (
    # statements (jzcli/check/statements.py): dates, titles, designations, offices, roles
    N_("the article dates it {shown} (the year is inferred: 今年 = the article's year): it gives no {part}"),
    N_("the article dates it {shown} (the year is inferred: 今年 = the article's year): not the claim's {part}"),
    N_("the article dates it {shown} (the year is inferred: 今年 = the article's year)"),
    N_("the article dates it {shown}: it gives no {part}"),
    N_("the article dates it {shown}: not the claim's {part}"),
    N_("the article dates it {shown}"),
    N_("end day"), N_("lists"), N_("does not list"),
    N_("the article gives {shown} as expected, not done"),
    N_("the article does not say which office {unit} belonged to then"),
    N_("the article gives no year for {title} ({text})"),
    N_("the article gives {title} as a {level}-level honour"),
    N_("the article gives {title} for {year}年度"),
    N_("the article gives {name} no role"),
    N_("the article gives {title} to {holder}"),
    N_("the article makes {unit} a {kind}"),
    N_("the article puts {unit} under {office} ({when})"),
    N_("the article says {parent} guided {child}"),
    N_("the article says {child} is in {parent}, which guided it"),
    N_("the article says {unit} was made a {kind}"),
    N_("the article calls {name} {role}"),
    N_("the article {verb} {unit} among the units moved to {office}"),
    N_("the article does not name this honour; it lists {names}"),
    N_("the claim fits several events of the article"),
    N_("{title} is a title of the city (鹤壁市); the office contributed to it"),
    N_("{title} is named in the article as a title of the city"),
    N_("the claim makes no statement the checker can settle; the nearest facts are listed"),
    N_("the article gives {text} as {state}, not {states}: a different state"),
    N_("the article says {text} ({year}年度)"),
    # figures (jzcli/check/verdict.py)
    N_("{reason} (derived: {formula})"),
    N_("{said}: every such value is {claim}"),
    N_("{said}: none is {claim}"),
    N_("{said}: some values are {claim}, some are not"),
    N_("the article allows {interval}"),
    N_("the article says {text}, which is {claim}"),
    N_("the article says {text}, not {claim}"),
    N_("the article gives {text} ({unit}), not {claim_unit}"),
    N_("the article gives {text}; the claim gives no unit"),
    N_("the article gives {text} {per}, not {rate}"),
    N_("the article gives {text} {per} only"),
    N_("the article gives {text}, not a rate {rate}"),
    N_("the claim gives a range; the article gives one figure"),
    N_("the article says exactly {text}; the claim makes it approximate"),
    N_("the article says {text} (approximate); the claim is worded differently"),
    N_("the article only says {text}"),
    N_("the article says {text}: above the claim's lower bound, but not what the claim says"),
    N_("the article says {text}: below the claim's upper bound, but not what the claim says"),
    N_("the article says {text}; the claim only gives it roughly"),
    N_("the article gives no investment for {name}"),
    N_("the article gives {text} in 元, not 美元"),
    N_("the article gives the band for {period}, not for {span}"),
    N_("the article gives the band {text}"),
    N_("the article only gives the band {text}"),
    N_("the claim's band overlaps the article's band {text}"),
    N_("outside the article's band {text}"),
    N_("the article says nothing that matches this figure"),
    N_("the article gives this for {period}, not for the claim's period ({span})"),
    N_("the article gives {text} as a past state ({when}, {period}); the claim says nothing of when"),
    N_("the claim speaks of a plan; the article gives {text} as done"),
    N_("the claim fits several figures of the article (one of them matches)"),
    N_("the claim fits several figures of the article"),
    N_("the claim counts {noun} ({text} in the article), the matching figure counts {other}"),
    N_("the article says {text}"),
    N_("no stated period"),
    # operators, polarity, parts and sums (jzcli/check/operators.py, verdict.guard, statements._polarity)
    N_("the article puts {a} at {a_band} and {b} at {b_band}: every value of the first is more"),
    N_("the article puts {a} at {a_band} and {b} at {b_band}: no value of the first is more"),
    N_("the article puts {a} at {a_band} and {b} at {b_band}: the bands do not settle which is more"),
    N_("the claim gives a sum ({word}); the article gives {text} for one thing, no such sum"),
    N_("the claim gives a difference or a remainder ({word}); the article gives {text}, not that difference"),
    N_("the claim gives an average ({word}); the article gives {text}, not that average"),
    N_("the article says {quote}: all of them, not {claim} with some not"),
    N_("the claim negates it ({word}); the article gives {text}"),
    N_("the claim speaks of part of it ({word}); the article gives {text}"),
    N_("the claim gives {claim} as {states}; the article gives {text} as {fact_states}"),
    N_("the article gives {text} as of its own time; the claim counts from one event to another"),
    N_("the article gives {text} for a whole ({subject}); the claim names a part"),
    N_("the claim says {word}, which the article measures as {other}; {text} is {metric}"),
    N_("the article says {text} {state}"),
    N_("the article says {text} of {total} {state}, not all"),
    N_("the article gives {text} for {subject}; {other} is {owner}'s"),
    N_("the claim counts {noun}; the article's derived {text} counts {other}"),
    N_("the claim's words fit several figures of the article ({texts})"),
    N_("the claim names {n} projects ({names})"),
    N_("the claim names several projects and one amount; the article gives each project's band only"),
    N_("{formula}: every total the bands allow is {claim}"),
    N_("{formula}: no total the bands allow is {claim}"),
    N_("{formula}: some totals the bands allow are {claim}"),
    N_("the article calls {name} {role} and gives no {word}"),
    N_("the article puts {child} in {parent}"),
    N_("the claim denies it ({word}); {reason}"),
    N_("the claim negates it ({word}); {reason}"),
    N_("the claim speaks of some of a list, not each; {reason}"),
    N_("the claim counts part of a group ({group}) the article does not give as such; {reason}"),
    N_("{reason}; the date's clause speaks of something else"),
    # composite reasons (a reason with a qualification appended)
    N_("{reason}; the claim may speak of another event"),
    N_("the article does not name this honour; it lists {names} and ends in 等多项荣誉 (there are more)"),
    N_("the article gives {unit} no designation (its list ends in 等)"),
    N_("the article gives {unit} no designation; it makes {holder} the {kind} (its list ends in 等)"),
    N_("the article lists {unit} among the units moved to {office}"),
    N_("the article does not list {unit} among the units moved to {office}"),
    # relations between facts (jzcli/check/relations.py): multiples, differences, sums, orders, events — its own
    # table of reasons, one source
    *WHY.values(),
    # dates and places a claim adds (jzcli/check/statements.py)
    N_("the article dates the start ({date}), not the end the claim speaks of"),
    N_("the claim places all of them ({where}); the article does not"),
    # intervals (verdict.show_interval): "> 1700名 and < 1800名"
    N_("{low} and {high}"),
    N_("any value"),
)

# `ask`'s notes (jzcli/ask/*.py): a JSON value in English, shown translated under the answer.
NOTES = (
    N_("the article's list ends in 等 ({quote}): there may be more"),
    N_("the year is inferred: the article writes '{text}' (article of {year})"),
    N_("planned, not done (预计)"),
    N_("period: {text} (None)"),
    N_("period: {text} ({period})"),
    N_("the period of {text}: {period}"),
    N_("{text} as of {year} (the article's year, inferred): about {estimate}"),
    N_("as of now"),
    N_("as of {month}"),
    N_("moved {month}"),
    N_("left out {left} (the band only touches or straddles the bound)"),
    N_("{n} borderline"),
    N_("{n} undecidable"),
    N_("{title}: {text} (years not given)"),
    N_("band: min {min}, max {max} (元)"),
    N_("the fact base keeps who spoke and where, not the words spoken: see the quotes"),
    N_("the article states no title: {note}"),
    N_("{figure}: {verdict} ({reason})"),
    N_("the article says {subject}: {answer}, not {other}"),
    N_("the article says {subject}: {answer}"),
    N_("the article lists {answer}; {names} is not on it"),
    N_("the article lists {answer}"),
    N_("the article says it of {name}"),
    N_("the article does not say; nearest: {answer}"),
    N_("{figure}: the article's figures give {formula}"),
    # who said it, and where (ask/who.py: "冯科峰 表示: the article's closing words (section)")
    N_("{speaker}: the article's closing words ({section})"),
    N_("{speaker}: the article's opening words ({section})"),
    N_("{speaker}: in the article ({section})"),
    N_("{speaker}: the article's closing words"),
    N_("{speaker}: the article's opening words"),
    N_("{speaker}: in the article"),
    # a brand's namesake, not yet, all of a whole, the event a statement describes, no title (ask/who, yesno, which)
    N_("named after {name}; the article names them only in {brand}"),
    N_("not yet: the article expects it {when} ({quote})"),
    N_("the article ({as_of}) gives it as expected by {when}, not as done: {quote}"),
    N_("the article gives {share} of the target {target}: {quote}"),
    N_("not yet: the article says it awaits {state} ({quote})"),
    N_("the article says {part} of the {whole}: {quote}"),
    N_("{part} of the {whole} are {state} or past it: {quote}"),
    N_("the article says: {quote}"),
    N_("the article names {names}, not {other}: {quote}"),
    N_("the article gives {name} no title"),
    N_("the article gives {name} no title: {note}"),
)

# Parts joined by the checker and `ask` ("reason; reason", "2 borderline, 1 undecidable"): each part translated.
JOINS = (N_("{first}; {rest}"), N_("{first}, {rest}"))

TEMPLATES = REASONS + NOTES + JOINS
