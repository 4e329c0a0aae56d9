"""Weights and thresholds of matching a claim's figure to a fact, named, each with why.

A keyword scores its length times the weight of where it stands (`Scope.weight`); a fact is a candidate
only when its score reaches MIN_SCORE and some words other than the counted noun say what is measured.
"""

from __future__ import annotations

# Where a keyword of a fact stands in the claim (Scope.weight).
IN_CLAUSE = 1.0  # in the figure's own clause (its side of it): the word is about this figure
EARLIER_IN_SENTENCE = 0.5  # in an earlier clause: it sets the topic, but may be another figure's

# A keyword from an earlier clause counts at most this many characters: a long name set at the head of a
# sentence (泰山路办事处筹建办) must not outweigh the words of the figure's own clause (仍属).
EARLIER_WORD_MAX = 4

# A keyword of two characters in the figure's clause is the least that says what is measured: one character
# (楼, 人) matches almost anything.
MIN_SCORE = 2.0
# Without a keyword in the figure's own clause, words from earlier clauses must weigh twice as much.
MIN_SCORE_FROM_ELSEWHERE = 4.0

# "6个社区": the claim counts the noun the article counts.
COUNTED_NOUN_BONUS = 2.0
# "投资额1亿至5亿元的项目": the claim's band is the fact's band, which says what is counted.
SAME_BAND_BONUS = 4.0
# A count of projects in one band: a claim that names no band is probably about something else.
UNNAMED_BAND_PENALTY = 2.0

# A unit that by itself says what is measured: "73岁" is an age whatever the words around it.
SELF_DESCRIBING_UNITS = {"岁": 2.0, "平方公里": 2.0}

# The subject: a fact about a subject named on the figure's side of its clause, or elsewhere in the claim.
NEAR_SUBJECT_BONUS = 3.0
SUBJECT_BONUS = 1.5
# Shared bigrams of the claim's clause and the article's quote: a tie-breaker, never a match by itself.
BIGRAM_WEIGHT = 0.1

# Candidates within this much of the best score are equally good: if they disagree, the claim is ambiguous.
TIE_MARGIN = 0.5

# How far back a figure reads its sentence: its own clause and this many clauses before it (subjects, periods
# and topic words of a sentence stand near the figures they govern; a bound keeps a sentence of thousands of
# figures linear).
CONTEXT_CLAUSES = 8
# In a clause of many figures ("36栋、29栋、7栋…"), a figure is read with this many figures on either side and,
# before them, at most CONTEXT_CHARS characters: enough for any clause a reporter writes.
CLAUSE_NEIGHBOURS = 8
CONTEXT_CHARS = 120

# assign(): how many candidates per figure are shared out, and up to how many figures an exhaustive search is
# affordable (3 ** 6 ≈ 700 combinations); above that, greedy in order.
ASSIGN_DEPTH = 3
ASSIGN_EXHAUSTIVE_MAX = 6

# statements.check_dates: an event is what a dated claim is about when the claim shares this many two-character
# words with what happened (成立 is one word and enough; 第一批 村民 回迁 needs three of its words): one shared
# word such as 开工 would tie a date to any event of that kind.
EVENT_MIN_SHARED_BIGRAMS = 3

# statements: a role word, a designation, an office or a guiding community is read with the name nearest to it,
# at most this many characters away ("刘全福是九州路办事处党工委副书记": 10).
PAIR_DISTANCE = 40
