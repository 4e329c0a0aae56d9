"""Regular expressions compiled when first used.

Each pattern compiled at import costs every command ~0.1-0.8 ms, and most commands (an `ask` about a date, a
`check` of one figure) use only a few of the checker's patterns. `lazy(source)` behaves as re.compile(source)
for the methods the code calls (search, match, fullmatch, finditer, findall, sub, split), compiling on the
first call."""

from __future__ import annotations

import re


class Pattern:
    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags, self._compiled = source, flags, None

    def compiled(self) -> re.Pattern:
        c = self._compiled
        if c is None:
            c = self._compiled = re.compile(self.source, self.flags)
        return c

    @property
    def pattern(self) -> str:
        return self.source

    def search(self, *args):
        return self.compiled().search(*args)

    def match(self, *args):
        return self.compiled().match(*args)

    def fullmatch(self, *args):
        return self.compiled().fullmatch(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)

    def findall(self, *args):
        return self.compiled().findall(*args)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy({self.source!r})"


lazy = Pattern
