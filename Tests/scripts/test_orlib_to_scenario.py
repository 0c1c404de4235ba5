"""scripts/orlib-to-scenario: converted OR-Library instances match the zentral/1 JSON Schema and the
published data, and bad input is refused with one line naming the place.

Run from the repository root: `python3 -m pytest Tests/scripts -q`.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "orlib-to-scenario"
FIXTURES = ROOT / "Tests" / "ZentralCoreTests" / "Fixtures" / "orlib"
SCHEMA = json.loads((ROOT / "schema" / "zentral-1.schema.json").read_text(encoding="utf-8"))


def convert(tmp_path, source, *options):
    out = tmp_path / "scenario.yaml"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "--out", str(out), *options], capture_output=True, text=True
    )
    return result, out


def keys_as_text(value):
    """YAML reads `{2025: 60}` with integer keys; JSON (and so the schema) has text keys."""
    if isinstance(value, dict):
        return {str(k): keys_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys_as_text(v) for v in value]
    return value


@pytest.mark.parametrize("source, options", [("cap41.txt", []), *[("gap1.txt", ["--problem", str(k)]) for k in range(1, 6)]])
def test_converted_instances_match_the_schema(tmp_path, source, options):
    result, out = convert(tmp_path, FIXTURES / source, *options)
    assert result.returncode == 0, result.stderr
    scenario = yaml.safe_load(out.read_text(encoding="utf-8"))
    jsonschema.validate(keys_as_text(scenario), SCHEMA)


def test_cap41_carries_the_instance_data(tmp_path):
    result, out = convert(tmp_path, FIXTURES / "cap41.txt")
    assert result.returncode == 0, result.stderr
    scenario = yaml.safe_load(out.read_text(encoding="utf-8"))
    providers = [u for u in scenario["units"] if u["kind"] == "central"]
    assert len(providers) == 16 and all(u["capacity_fte"] == 5000 for u in providers)
    centres = scenario["families"][0]["centres"]
    assert centres["w1"]["setup_cost"] == 7500 and centres["w11"]["setup_cost"] == 0
    first = scenario["tasks"][0]
    assert first["fte"] == 146 and first["divisible"] is True
    assert first["at"]["w1"]["annual_cost"] == pytest.approx(6739.725)
    assert scenario["policy"]["must_move"] == [f"c{j}" for j in range(1, 51)]
    assert scenario["horizon"]["years"] == 1 and scenario["discount_rate"] == 0


def test_gap_costs_are_complemented_for_maximisation(tmp_path):
    result, out = convert(tmp_path, FIXTURES / "gap1.txt", "--problem", "1")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    header = dict(re.findall(r"(\w+)=(\S+)", re.search(r"^# orlib: (.*)$", text, re.M).group(1)))
    assert header == {"kind": "gap", "sense": "max", "offset": "26", "jobs": "15"}
    scenario = yaml.safe_load(text)
    # c(1,1) = 17 and r(1,1) = 8 in gap1 problem 1; C = 1 + 25.
    assert scenario["tasks"][0]["at"]["a1"] == {"fte": 8, "annual_cost": 26 - 17}
    assert all(task.get("divisible") is None for task in scenario["tasks"])


def test_errors_name_the_place_and_write_nothing(tmp_path):
    source = tmp_path / "gap-short.txt"
    source.write_text("1\n2 3\n1 2 3\n", encoding="utf-8")
    result, out = convert(tmp_path, source)
    assert result.returncode == 1
    assert "gap-short.txt: the file ends where cost c(2,1) of problem 1 was expected" in result.stderr
    assert not out.exists()
    result, out = convert(tmp_path, FIXTURES / "gap1.txt", "--problem", "6")
    assert result.returncode == 1 and "the file has 5 problem(s)" in result.stderr
