"""jzcli: query a curated, checkable fact base built from one article about 九州路办事处 (淇滨区, 鹤壁)."""

__version__ = "0.1.0"
