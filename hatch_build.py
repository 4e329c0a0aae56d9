"""Build hook: compile the gettext catalogs (jzcli/locale/*/LC_MESSAGES/jzcli.po) into the wheel's .mo files.

Standard library only (jzcli/catalog.py, loaded by path: the package itself is not importable at build
time). An editable install needs no .mo: jzcli.i18n reads the .po of the checkout.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent


def _catalog_module():
    spec = importlib.util.spec_from_file_location("_jzcli_catalog", ROOT / "jzcli" / "catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        cat = _catalog_module()
        out = Path(tempfile.mkdtemp(prefix="jzcli-mo-"))
        for po in sorted((ROOT / "jzcli" / "locale").glob("*/LC_MESSAGES/*.po")):
            rel = po.relative_to(ROOT).with_suffix(".mo")
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(cat.write_mo(cat.parse_po(po.read_text(encoding="utf-8"))))
            build_data["force_include"][os.fspath(target)] = rel.as_posix()
