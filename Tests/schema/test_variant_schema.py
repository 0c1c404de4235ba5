"""The JSON Schema of scenario variants (files with `extends:`), schema/zentral-variant-1.schema.json.

It is generated from the scenario schema by scripts/variant-schema (every `required` dropped,
`extends` required); this suite checks that the file is up to date, that the shipped variants and
the valid fixtures match it, that the invalid fixtures are refused for their reason, and that
`zentral validate` agrees. The scenario schema itself accepts `extends` and `remove` on a complete
scenario.

Run from the repository root: `python3 -m pytest Tests/schema -q`.
"""

import importlib.machinery
import importlib.util
import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from test_schema import ROOT, describe, load, zentral_binary

SCHEMA_PATH = ROOT / "schema" / "zentral-variant-1.schema.json"
SCENARIO_SCHEMA_PATH = ROOT / "schema" / "zentral-1.schema.json"
HERE = Path(__file__).resolve().parent
VALID = sorted((ROOT / "scenarios" / "variants").glob("*.yaml")) + sorted((HERE / "variants" / "valid").glob("*.yaml"))
INVALID = sorted((HERE / "variants" / "invalid").glob("*.yaml"))

EXPECTED_ERRORS = {
    "no-extends": ("", "required"),
    "negative-fte": ("tasks/0/fte", "minimum"),
    "bad-remove": ("remove", "oneOf"),
}


def generator():
    loader = importlib.machinery.SourceFileLoader("variant_schema", str(ROOT / "scripts" / "variant-schema"))
    spec = importlib.util.spec_from_loader("variant_schema", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_variant_schema_is_generated_from_the_scenario_schema():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == generator().text(), "run scripts/variant-schema"


def test_shipped_variants_exist_and_fixtures_have_reasons():
    assert VALID and {path.stem for path in INVALID} == set(EXPECTED_ERRORS)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_variant_matches_schema(validator, path):
    errors = list(validator.iter_errors(load(path)))
    assert not errors, f"{path.name}: {describe(errors)}"
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert (path.parent / first_line.split("$schema=", 1)[1].strip()).resolve() == SCHEMA_PATH


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_variant_is_refused_for_its_reason(validator, path):
    errors = list(validator.iter_errors(load(path)))
    expected = EXPECTED_ERRORS[path.stem]
    found = {("/".join(map(str, e.absolute_path)), e.validator) for e in errors}
    assert expected in found, f"{path.name}: {describe(errors)}"


def test_scenario_schema_accepts_extends_and_remove_on_a_complete_scenario():
    schema = json.loads(SCENARIO_SCHEMA_PATH.read_text(encoding="utf-8"))
    complete = load(HERE / "valid" / "minimal.yaml")
    complete["extends"] = "other.yaml"
    complete["remove"] = ["t9"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(complete))
    assert not errors, describe(errors)


@pytest.mark.parametrize("path", VALID + INVALID, ids=lambda p: p.name)
def test_zentral_validate_agrees(path):
    binary = zentral_binary()
    if binary is None:
        pytest.skip("no zentral binary: build it (swift build) or set ZENTRAL_BIN")
    result = subprocess.run(
        [str(binary), "validate", str(path)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == (0 if path in VALID else 1), f"{path.name}: {result.stderr}{result.stdout}"
