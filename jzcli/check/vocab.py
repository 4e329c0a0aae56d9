"""The checker's vocabulary: words that say when (past, present, plan).

A prototype: these words move to facts.json (curated, with quotes) once curation has one schema module.
"""

from __future__ import annotations

import re

PAST_MARK = re.compile(r"当时|调整前|之前|以前|原来|曾经|那时")
PAST_WORDS = re.compile(r"当时|成立|之初|调整前|之前|以前|原来|原有|曾|那时|彼时")
FUTURE = re.compile(r"计划|预计|拟|将要|即将|明年|今后|未来|力争|目标是")
PRESENT = re.compile(r"目前|现在|现有|如今|截至目前|截止目前|当前|至今")
