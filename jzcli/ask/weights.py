"""Scores and thresholds of the answerers, named, each with the reason for its value."""

from __future__ import annotations

# ---------------------------------------------------------------- scores (named, with the reason)

# Figures: one point per character of a curated keyword found in the question; the wanted unit adds this
# much (a unit that alone says what is measured, 岁 / 平方公里, counts double when a subject is named).
UNIT_MATCH = 1.0
UNIT_MISMATCH = 3.0  # the question asks 几天 / 多少钱: a figure in another unit is hardly the answer
DERIVED_UNITS = ("倍", "%", "time")  # units of a result of arithmetic: the inputs are in other units
SUBJECT_MATCH = 3.0  # the figure is about a thing the question names
THRESHOLD_UNIT = 3.0  # 多少吨以下: the unit asked is a class bound's own (10吨以下), as telling as a figure's subject
BAND_FIGURE_PENALTY = 2.0  # a count of projects in one band: the question must name the band
PERIOD_MISMATCH = 3.0  # the figure is for another period than the question's
GRAM_WEIGHT = 0.1  # each shared bigram of the quote: a tie-breaker, not a reason
PARTIAL_KEYWORD = 0.5
MIN_KEYWORD = 2.0  # fewer keyword characters than this: the figure is not what is asked

# Derived values.
DERIVED_BONUS = 2.0  # "还有几栋没交付", "占…的多少": the question asks for arithmetic, not a printed figure
PAIR_MIN = 1.0  # the second figure of an operation the question names (离19亿元目标还差): a weaker match will do
OP_BONUS = 4.0  # 倍 / 比…多 / 还差 / 占: the question names an operation on two figures

# Records matched by their words (events, people, entities, lists): each shared bigram of the question
# and the record's text counts WORD_WEIGHT, each record the question names and the record links to LINK.
WORD_WEIGHT = 1.0
LINK = 3.0
BROAD_LINK = 1.0  # a link to the office itself (九州路办事处): nearly every record has one
ROLE_WEIGHT = 2.0  # the question names a title the person holds (主任): more than a shared word, less than a link
EVENT_CONFIDENT = 5.0  # an event this good answers "when"; a figure's period is asked only below it
UNLINKED_PENALTY = 3.0  # the question names things, the event none of them: another subject's event
COVERAGE = 3.0  # times the share of an event's own words the question holds: 九州路办事处成立 is all of one event
MIN_WORDS = 2  # fewer shared bigrams than this (and no link): not an answer
POSITION = 5.0  # the question places the words where a person's statement stands (文章结尾): alone, an answer
TIE_GAP = 0.1  # a person's further statements rank just below the best-fitting one: no tie, the same level

# Structured answers (an attribute of a named thing, a list filtered by office / month / band / year)
# are exact once their words are in the question: they start from this score.
ATTRIBUTE_BASE = 12.0
LIST_BASE = 6.0
FILTER_BONUS = 1.5  # each filter the question sets (office, month, kind, band, year, level)
SINGULAR_LIST_PENALTY = 4.0  # 哪个 asks for one thing, not a list
PLURAL_HOLDER_PENALTY = 4.0  # 哪些 asks for a list, not one thing

# Yes / no: a derived value settles a figure the checker cannot (用了7天吗) only when it matched this well;
# an event's date settles a date when the event covers this share of its own words or scores this much.
DERIVED_VERDICT_MIN = 6.0
EVENT_VERDICT_COVER = 0.6
EVENT_VERDICT_MIN = 6.0
UNKNOWN_SCORE = 3.0  # "the article does not say" with the nearest facts: shown, but below any real answer
