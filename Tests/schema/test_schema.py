"""The JSON Schema of format zentral/1 against the shipped scenarios and the invalid fixtures.

Every scenario in scenarios/ and Tests/schema/valid/ must match schema/zentral-1.schema.json,
and every fixture in Tests/schema/invalid/ must be refused for the reason it was written for.
When a built `zentral` binary exists (ZENTRAL_BIN, else .build/debug/zentral), `zentral validate`
must agree: exit 0 for the valid files, exit 1 for the invalid ones.

Run from the repository root: `python3 -m pytest Tests/schema -q`.
"""

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "schema" / "zentral-1.schema.json"
HERE = Path(__file__).resolve().parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
VALID = SCENARIOS + sorted((HERE / "valid").glob("*.yaml"))
INVALID = sorted((HERE / "invalid").glob("*.yaml"))

# Why each invalid fixture must be refused: (JSON path of the error, JSON Schema keyword).
EXPECTED_ERRORS = {
    "bad-enum": ("units/2/kind", "enum"),
    "bad-format": ("format", "const"),
    "bad-id": ("tasks/0/id", "pattern"),
    "bad-year-key": ("units/1/capacity_fte", "oneOf"),
    "central-without-cost": ("units/1", "required"),
    "discount-rate-too-high": ("discount_rate", "maximum"),
    "missing-required": ("", "required"),
    "negative-fte": ("tasks/0/fte", "minimum"),
    "tiny-fte": ("tasks/0/fte", "not"),
    "huge-money": ("tasks/0/concern", "maximum"),
    "scale-not-at-origin": ("families/0/scale/0/0", "const"),
    "unknown-key": ("tasks/0", "additionalProperties"),
    "wrong-type": ("tasks/0/fte", "type"),
    "zero-years": ("horizon/years", "minimum"),
    "posts-not-whole": ("tasks/0/posts", "type"),
    "transfer-bad-form": ("units/1/transfer/form", "enum"),
    "attrition-too-high": ("policy/no_layoffs/attrition_rate", "maximum"),
    "funding-share-zero": ("funding/0/share", "exclusiveMinimum"),
    "done-without-wave": ("policy/done/0", "required"),
    "must-move-entry-without-year": ("policy/must_move/0", "oneOf"),
    "bad-legal-form": ("units/2/legal_form", "enum"),
    "confidential-not-boolean": ("tasks/0/confidential", "type"),
    "separate-from-not-list": ("tasks/0/separate_from", "type"),
    "uncertainty-factor-too-large": ("uncertainty/cost_per_fte/factor/1", "maximum"),
    "perpetuity-without-rate": ("", "required"),
    "vat-rate-too-high": ("units/2/vat_rate", "maximum"),
    "parallel-running-too-long": ("policy/parallel_running_months", "maximum"),
}


def with_string_keys(value):
    """YAML reads `2025:` as an integer key; JSON (and so JSON Schema) only has string keys."""
    if isinstance(value, dict):
        return {str(key): with_string_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_string_keys(item) for item in value]
    return value


def load(path):
    with open(path, encoding="utf-8") as handle:
        return with_string_keys(yaml.safe_load(handle))


@pytest.fixture(scope="module")
def validator():
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def describe(errors):
    return "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors)


def test_five_seed_scenarios_are_present():
    names = {path.stem for path in SCENARIOS}
    assert {"muenchen", "krefeld", "iserlohn", "muenster", "muelheim"} <= names


def test_every_invalid_fixture_has_an_expected_reason():
    assert len(INVALID) >= 6
    assert {path.stem for path in INVALID} == set(EXPECTED_ERRORS)


def test_every_schema_property_has_a_description():
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}/properties/{name}")
            for key, sub in node.items():
                if key != "if":  # a condition, not a definition of keys
                    walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                walk(sub, f"{where}/{index}")

    walk(schema, "#")
    assert not missing, "properties without a description: " + ", ".join(missing)


def test_schema_refuses_unknown_keys_everywhere():
    """Every object schema closes its key set, so a typo is refused rather than ignored."""
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    open_objects = []

    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node and node.get("additionalProperties") is not False:
                open_objects.append(where)
            for key, sub in node.items():
                if key != "if":  # a condition, not a definition of keys
                    walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                walk(sub, f"{where}/{index}")

    walk(schema, "#")
    assert not open_objects, "objects that accept unknown keys: " + ", ".join(open_objects)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_file_matches_schema(validator, path):
    errors = list(validator.iter_errors(load(path)))
    assert not errors, f"{path.name}: {describe(errors)}"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_file_names_the_schema_for_editors(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first_line.split("$schema=", 1)[1].strip()).resolve()
    assert target == SCHEMA_PATH


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_is_refused_for_its_reason(validator, path):
    errors = list(validator.iter_errors(load(path)))
    assert errors, f"{path.name} was accepted by the schema"
    expected_path, expected_keyword = EXPECTED_ERRORS[path.stem]
    found = {("/".join(map(str, e.absolute_path)), e.validator) for e in errors}
    assert (expected_path, expected_keyword) in found, f"{path.name}: {describe(errors)}"


def zentral_binary():
    configured = os.environ.get("ZENTRAL_BIN")
    candidate = Path(configured) if configured else ROOT / ".build" / "debug" / "zentral"
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def run_validate(path):
    binary = zentral_binary()
    if binary is None:
        pytest.skip(
            "no zentral binary: build it (swift build) or set ZENTRAL_BIN to check `zentral validate` too"
        )
    return subprocess.run(
        [str(binary), "validate", str(path)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_zentral_validate_accepts_valid_file(path):
    result = run_validate(path)
    assert result.returncode == 0, f"{path.name}: exit {result.returncode}\n{result.stderr}{result.stdout}"


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_zentral_validate_refuses_invalid_fixture(path):
    result = run_validate(path)
    assert result.returncode == 1, f"{path.name}: exit {result.returncode}\n{result.stderr}{result.stdout}"
    assert path.name in result.stderr + result.stdout, "the message names the file"
