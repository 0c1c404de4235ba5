"""The JSON Schema of format zentral-plan/1 against every plan zentral writes.

Every plan fixture of the test suite (Tests/ZentralExportTests/Fixtures/*.plan.json, the plans of
the seed scenarios) must match schema/zentral-plan-1.schema.json, and so must the plan `zentral plan`
writes for every seed scenario in scenarios/ when a built binary exists (ZENTRAL_BIN, else
.build/debug/zentral). Every file in Tests/plan/invalid/ must be refused for the reason it was
written for.

Run from the repository root: `python3 -m pytest Tests/plan -q`.
"""

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "schema" / "zentral-plan-1.schema.json"
HERE = Path(__file__).resolve().parent
FIXTURES = sorted((ROOT / "Tests" / "ZentralExportTests" / "Fixtures").glob("*.plan.json"))
SEEDS = sorted((ROOT / "scenarios").glob("*.yaml"))
INVALID = sorted((HERE / "invalid").glob("*.json"))

# Why each invalid plan must be refused: (JSON path of the error, JSON Schema keyword).
EXPECTED_ERRORS = {
    "bad-decision": ("tasks/0/decision", "enum"),
    "bad-format": ("format", "const"),
    "bad-legal-form": ("org/2/legal_form", "enum"),
    "economic-without-flip": ("tasks/0/reason", "required"),
    "gap-without-bound": ("", "required"),
    "prose-explanation": ("tasks/0", "additionalProperties"),
    "sensitivity-value-as-text": ("sensitivity/inputs/0/flips/0/value", "type"),
    "sensitivity-bracket-three-factors": ("sensitivity/inputs/0/flips/0/bracket", "maxItems"),
    "stay-with-provider": ("tasks/0", "not"),
    "close-call-on-rule": ("tasks/0/reason", "not"),
}


@pytest.fixture(scope="module")
def validator():
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def binary():
    path = Path(os.environ.get("ZENTRAL_BIN", ROOT / ".build" / "debug" / "zentral"))
    return path if path.exists() else None


def errors(validator, plan):
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(plan)]


def test_fixtures_exist():
    assert len(FIXTURES) >= 5
    assert len(SEEDS) >= 5


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_plans_match(validator, path):
    with open(path, encoding="utf-8") as handle:
        plan = json.load(handle)
    assert errors(validator, plan) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_plans_match(validator, path, tmp_path):
    zentral = binary()
    if zentral is None:
        pytest.skip("no built zentral binary")
    out = tmp_path / path.stem
    run = subprocess.run(
        [str(zentral), "plan", str(path), "--out", str(out), "--no-exports", "--quiet"],
        capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    with open(out / "plan.json", encoding="utf-8") as handle:
        plan = json.load(handle)
    assert errors(validator, plan) == []


def test_full_cost_plan_matches(validator, tmp_path):
    """A plan with every full-cost figure (parallel running, VAT, terminal values) matches."""
    zentral = binary()
    if zentral is None:
        pytest.skip("no built zentral binary")
    scenario = ROOT / "Tests" / "schema" / "valid" / "full-costs.yaml"
    out = tmp_path / "full-costs"
    run = subprocess.run(
        [str(zentral), "plan", str(scenario), "--out", str(out), "--no-exports", "--quiet"],
        capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    with open(out / "plan.json", encoding="utf-8") as handle:
        plan = json.load(handle)
    assert errors(validator, plan) == []
    totals = plan["totals"]
    for key in ("terminal_value", "baseline_terminal_value", "parallel_running_cost", "baseline_vat",
                "steady_state_vat", "static_payback_years"):
        assert key in totals, key
    assert plan["horizon"]["terminal_value"] == "perpetuity"
    assert all("vat" in wave and "parallel_running_cost" in wave for wave in plan["waves"])


def test_infeasible_plan_matches(validator, tmp_path):
    zentral = binary()
    if zentral is None:
        pytest.skip("no built zentral binary")
    scenario = tmp_path / "small.yaml"
    scenario.write_text(
        "format: zentral/1\nname: Too small\nhorizon: {start: 2025, years: 1}\nunits:\n"
        "  - {id: city, name: Stadt, kind: administration}\n"
        "  - {id: a, name: Amt A, kind: department, parent: city, cost_per_fte: 80000}\n"
        "  - {id: it, name: IT-Referat, kind: central, parent: city, cost_per_fte: 70000, capacity_fte: 2}\n"
        "families:\n  - {id: sec, name: IT-Sicherheit, providers: [it]}\n"
        "tasks:\n  - {id: t1, name: Firewall, family: sec, unit: a, fte: 2}\n"
        "  - {id: t2, name: ISMS, family: sec, unit: a, fte: 1}\n"
        "policy:\n  must_move: [t1, t2]\n",
        encoding="utf-8")
    run = subprocess.run(
        [str(zentral), "plan", str(scenario), "--out", str(tmp_path / "out"), "--no-exports"],
        capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 2, run.stderr
    with open(tmp_path / "out" / "plan.json", encoding="utf-8") as handle:
        plan = json.load(handle)
    assert errors(validator, plan) == []
    assert [c["rule"] for c in plan["diagnosis"]["conflicts"]] == ["must_move", "must_move", "capacity"]
    assert {t["name"] for t in plan["diagnosis"]["tasks"]} == {"Firewall", "ISMS"}


def test_every_invalid_plan_has_an_expected_reason():
    assert sorted(path.stem for path in INVALID) == sorted(EXPECTED_ERRORS)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_plans_are_refused(validator, path):
    with open(path, encoding="utf-8") as handle:
        plan = json.load(handle)
    found = [("/".join(map(str, e.absolute_path)), e.validator) for e in validator.iter_errors(plan)]
    assert EXPECTED_ERRORS[path.stem] in found, found


def test_decision_support_plan_matches(validator, tmp_path):
    """A plan with the sensitivity and Pareto sections (zentral plan --sensitivity --pareto) matches."""
    zentral = binary()
    if zentral is None:
        pytest.skip("no built zentral binary")
    out = tmp_path / "iserlohn"
    run = subprocess.run(
        [str(zentral), "plan", str(ROOT / "scenarios" / "iserlohn.yaml"), "--out", str(out), "--no-exports",
         "--no-explain", "--quiet", "--sensitivity", "--sensitivity-input", "transition_costs",
         "--pareto", "savings,disruption", "--pareto-points", "3"],
        capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    with open(out / "plan.json", encoding="utf-8") as handle:
        plan = json.load(handle)
    assert "sensitivity" in plan and "pareto" in plan
    assert errors(validator, plan) == []


def test_alternatives_and_robust_sections_match(validator, tmp_path):
    """zentral plan --alternatives 2 --robust 4 on Krefeld with an uncertainty section."""
    zentral = binary()
    if zentral is None:
        pytest.skip("no built zentral binary")
    scenario = tmp_path / "krefeld.yaml"
    scenario.write_text(
        (ROOT / "scenarios" / "krefeld.yaml").read_text(encoding="utf-8")
        + "\nuncertainty:\n  cost_per_fte: {factor: [0.9, 1.2]}\n"
        "  transition_cost: {factor: [0.8, 1.0, 1.5], distribution: triangular}\n",
        encoding="utf-8")
    run = subprocess.run(
        [str(zentral), "plan", str(scenario), "--out", str(tmp_path / "out"), "--no-exports", "--quiet",
         "--no-explain", "--alternatives", "2", "--within", "2%", "--robust", "4", "--seed", "5",
         "--time-limit", "120"],
        capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    with open(tmp_path / "out" / "plan.json", encoding="utf-8") as handle:
        plan = json.load(handle)
    assert errors(validator, plan) == []
    section = plan["alternatives"]
    assert section["requested"] == 2 and section["within"] == 0.02
    for alternative in section["alternatives"]:
        assert alternative["objective"] <= section["bound"] + 1e-6
        assert alternative["changes"]
    robust = plan["robust"]
    assert robust["samples"] == 4 and robust["seed"] == 5 and len(robust["draws"]) == 4
    assert all(0.9 <= d["factors"]["cost_per_fte"] <= 1.2 for d in robust["draws"])


REPLANNING = """format: zentral/1
name: Re-planning
language: en
horizon: {start: 2025, years: 3}
units:
  - {id: city, name: City, kind: administration}
  - {id: a, name: A, kind: department, parent: city, cost_per_fte: 80000}
  - {id: b, name: B, kind: department, parent: city, cost_per_fte: 70500}
  - {id: it, name: IT, kind: central, parent: city, cost_per_fte: 70000}
families:
  - {id: f, name: F, providers: [it], transition_cost_per_fte: 1000, centre: {setup_cost: 50000}}
tasks:
  - {id: t1, name: T1, family: f, unit: a, fte: 1}
  - {id: t2, name: T2, family: f, unit: a, fte: 2}
  - {id: t3, name: T3, family: f, unit: b, fte: 1}
  - {id: t4, name: T4, family: f, unit: a, fte: 1}
policy:
  must_move: [{task: t2, by: 2026}]
  deadlines: [{task: t4, by: 2027}]
  done: [{task: t1, to: it, wave: 2025}]
funding:
  - {task: t3, share: 0.1, until: 2026}
"""


def test_replanning_plan_matches(validator, tmp_path):
    """A plan with a done decision, a must-move year, a task's deadline, a close call and funding."""
    zentral = binary()
    if zentral is None:
        pytest.skip("no built zentral binary")
    scenario = tmp_path / "replanning.yaml"
    scenario.write_text(REPLANNING, encoding="utf-8")
    run = subprocess.run(
        [str(zentral), "plan", str(scenario), "--out", str(tmp_path / "out"), "--no-exports", "--quiet"],
        capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    with open(tmp_path / "out" / "plan.json", encoding="utf-8") as handle:
        plan = json.load(handle)
    assert errors(validator, plan) == []
    reasons = {task["id"]: task["reason"] for task in plan["tasks"]}
    assert reasons["t1"] == {"rule": "done", "year": 2025}
    assert reasons["t2"] == {"rule": "must_move", "year": 2026}
    assert reasons["t4"] == {"rule": "deadline", "year": 2027, "own": True}
    assert reasons["t3"]["close_call"] == {"threshold": 1000, "alternative": "move", "provider": "it", "year": 2027}
    assert plan["funding"]["years"][0] == {"year": 2025, "plan": 7050, "baseline": 7050}
