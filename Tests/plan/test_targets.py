"""The plan is the one contract between the optimiser and the exporters: ZentralExport and
ZentralPlan depend on nothing of the core, the solver or GLPK (`swift package describe`).
ZentralExport may use ZentralWorkbook (cells and sheets of .xlsx files), which depends on no
target of zentral at all."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def closure(targets, name):
    """Every target `name` depends on, directly or through others."""
    seen, stack = set(), [name]
    while stack:
        for dependency in targets.get(stack.pop(), []):
            if dependency not in seen:
                seen.add(dependency)
                stack.append(dependency)
    return seen


def test_export_depends_on_the_plan_only():
    if shutil.which("swift") is None:
        pytest.skip("no swift toolchain")
    run = subprocess.run(
        ["swift", "package", "describe", "--type", "json"], cwd=ROOT, capture_output=True, text=True,
        timeout=300, check=True)
    description = json.loads(run.stdout[run.stdout.index("{"):])
    targets = {t["name"]: t.get("target_dependencies") or [] for t in description["targets"]}
    assert sorted(targets["ZentralExport"]) == ["ZentralPlan", "ZentralWorkbook"]
    forbidden = {"ZentralCore", "ZentralSolver", "CGLPK"}
    assert not closure(targets, "ZentralExport") & forbidden
    assert not closure(targets, "ZentralPlan")
    assert not closure(targets, "ZentralWorkbook")
    products = {t["name"]: t.get("product_dependencies") or [] for t in description["targets"]}
    assert products["ZentralPlan"] == [] and products["ZentralExport"] == []
