"""Office formats as a person meets them, checked through LibreOffice headless (Debian's
`libreoffice-calc`): the `--excel` CSV opened with German settings and the XLSX export of a plan
converted back to CSV must show the plan's columns and numbers; a scenario workbook from
`zentral template --from`, rewritten by LibreOffice as .xlsx, must import to the scenario of the
YAML file it was made from (every seed scenario)."""

import csv
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "ZentralExportTests" / "Fixtures"
SEEDS = ["krefeld", "muenchen", "iserlohn", "muenster", "muelheim"]


def zentral_binary():
    path = pathlib.Path(os.environ.get("ZENTRAL_BIN", ROOT / ".build" / "debug" / "zentral"))
    if not path.exists():
        pytest.skip(f"zentral binary not built: {path}")
    return path


def soffice_binary():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        pytest.skip("Debian's libreoffice-calc is not installed (scripts/lib/requirements.sh installs it)")
    return path


def zentral(*args, cwd):
    run = subprocess.run([str(zentral_binary()), *map(str, args)], cwd=cwd, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run


def soffice(folder, convert_to, files, infilter=None):
    """Converts `files` with one LibreOffice run, in a profile of its own (others may run soffice too)."""
    profile = pathlib.Path(folder) / "lo-profile"
    command = [soffice_binary(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", convert_to, "--outdir", str(pathlib.Path(folder) / "lo"), *map(str, files)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return pathlib.Path(folder) / "lo"


# CSV written by LibreOffice: `,` between fields, `"` quotes, UTF-8 (76), from line 1, numbers
# as shown in en-US, every sheet (-1) as FILE-SHEET.csv.
CSV_OUT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1'


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="zentral-office-") as path:
        yield pathlib.Path(path)


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_excel_csv_opens_in_german_settings_with_numbers(folder):
    plan_file = FIXTURES / "krefeld.plan.json"
    plan = json.loads(plan_file.read_text())
    zentral("export", plan_file, "--format", "csv", "--excel", "--out", folder / "orgchart.csv", cwd=folder)
    raw = (folder / "orgchart.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfID;Name;Reports To;Kind;FTE;Annual cost\r\n")
    # As German Excel reads it: ';' (59), '"' (34), UTF-8 (76), German locale (1031).
    out = soffice(folder, CSV_OUT.replace(",-1", ""), [folder / "orgchart.csv"], infilter="CSV:59,34,76,1,,1031")
    table = rows(out / "orgchart.csv")
    assert table[0] == ["ID", "Name", "Reports To", "Kind", "FTE", "Annual cost"]
    by_id = {row[0]: row for row in table[1:]}
    for unit in plan["units"]:
        row = by_id[unit["id"]]
        assert row[1] == unit["name"], row
        # LibreOffice read '51,76' as the number 51.76 (it prints it the en-US way again).
        assert float(row[4]) == pytest.approx(unit["fte_after"], abs=0.006), row
        assert float(row[5]) == pytest.approx(unit["annual_cost_after"], abs=0.6), row
    assert any("ä" in row[1] or "ü" in row[1] or "ö" in row[1] for row in table), "umlauts survive"


def test_xlsx_export_has_the_plans_tables(folder):
    plan_file = FIXTURES / "krefeld.plan.json"
    plan = json.loads(plan_file.read_text())
    zentral("export", plan_file, "--format", "xlsx", "--out", folder / "plan.xlsx", cwd=folder)
    out = soffice(folder, CSV_OUT, [folder / "plan.xlsx"])
    sheets = {path.stem.split("-", 1)[1]: rows(path) for path in out.glob("plan-*.csv")}
    assert set(sheets) == {"Übersicht", "Aufgaben", "Einheiten", "Jahre", "Zentren"}, sheets.keys()

    tasks = sheets["Aufgaben"]
    assert tasks[0] == ["ID", "Aufgabe", "Aufgabenbereich", "Einheit", "VZÄ", "Entscheidung", "Anbieter", "Jahr",
                        "Anteil", "Begründung"]
    assert [row[0] for row in tasks[1:]] == [task["id"] for task in plan["tasks"]]
    for row, task in zip(tasks[1:], plan["tasks"]):
        assert float(row[4].replace(",", "")) == pytest.approx(task["fte"], abs=0.006)
        assert float(row[8]) == pytest.approx(task["share"], abs=0.006)
        assert (row[7] == "") == (task.get("year") is None)
        assert row[9], f"task {task['id']} has a reason"

    units = sheets["Einheiten"]
    assert units[0][:5] == ["ID", "Einheit", "Art", "IT-VZÄ vorher", "IT-VZÄ nachher"]
    for row, unit in zip(units[1:], plan["units"]):
        assert row[0] == unit["id"]
        assert float(row[3].replace(",", "")) == pytest.approx(unit["fte_before"], abs=0.006)
        assert float(row[4].replace(",", "")) == pytest.approx(unit["fte_after"], abs=0.006)
        assert float(row[6].replace(",", "")) == pytest.approx(unit["annual_cost_after"], abs=0.6)

    years = sheets["Jahre"]
    assert [int(row[0]) for row in years[1:]] == [wave["year"] for wave in plan["waves"]]
    for row, wave in zip(years[1:], plan["waves"]):
        assert float(row[5].replace(",", "")) == pytest.approx(wave["annual_cost"], abs=0.6)
        assert float(row[6].replace(",", "")) == pytest.approx(wave["baseline_annual_cost"], abs=0.6)


def normalised(value):
    """A scenario as pyyaml reads it, with values equal to the format's defaults left out."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            item = normalised(item)
            if item in (None, False, 0, [], {}) and key not in ("providers", "fte", "units", "families", "tasks"):
                continue
            if (key, item) in (("currency", "EUR"), ("language", "de"), ("minimise", "npv")):
                continue
            result[key] = item
        return result
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def test_workbooks_rewritten_by_libreoffice_import_to_the_seed_scenarios(folder):
    work = folder / "roundtrip"
    work.mkdir()
    for seed in SEEDS:
        zentral("template", "--from", ROOT / "scenarios" / f"{seed}.yaml", "--out", work / f"{seed}.xlsx", cwd=work)
    # LibreOffice opens each workbook and writes it anew as .xlsx (its own shared strings, styles, XML).
    out = soffice(work, "xlsx:Calc MS Excel 2007 XML", [work / f"{seed}.xlsx" for seed in SEEDS])
    for seed in SEEDS:
        written = out / f"{seed}.xlsx"
        assert written.read_bytes() != (work / f"{seed}.xlsx").read_bytes()
        zentral("import", written, "--out", work / f"{seed}.lo.yaml", cwd=work)
        zentral("import", work / f"{seed}.xlsx", "--out", work / f"{seed}.direct.yaml", cwd=work)
        # The same scenario as the direct import (which the Swift tests compare with the loaded YAML) ...
        assert (work / f"{seed}.lo.yaml").read_text() == (work / f"{seed}.direct.yaml").read_text(), seed
        # ... and as the YAML file it was made from, key by key.
        original = normalised(yaml.safe_load((ROOT / "scenarios" / f"{seed}.yaml").read_text()))
        imported = normalised(yaml.safe_load((work / f"{seed}.lo.yaml").read_text()))
        assert imported == original, seed
        run = subprocess.run([str(zentral_binary()), "validate", str(work / f"{seed}.lo.yaml")],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


def test_every_key_survives_a_workbook_rewritten_by_libreoffice(folder):
    """The fixture that uses every key of the format: LibreOffice's .xlsx imports to the same
    scenario as the workbook zentral wrote (which the Swift tests compare with the loaded YAML)."""
    work = folder / "every-key"
    work.mkdir()
    fixture = ROOT / "Tests" / "ZentralCoreTests" / "Fixtures" / "valid" / "every-key.yaml"
    zentral("template", "--from", fixture, "--out", work / "every.xlsx", cwd=work)
    out = soffice(work, "xlsx:Calc MS Excel 2007 XML", [work / "every.xlsx"])
    zentral("import", out / "every.xlsx", "--out", work / "lo.yaml", cwd=work)
    zentral("import", work / "every.xlsx", "--out", work / "direct.yaml", cwd=work)
    assert (work / "lo.yaml").read_text() == (work / "direct.yaml").read_text()


def fods(sheets):
    """A flat OpenDocument spreadsheet (.fods) of `sheets` (name -> rows of str, float, bool or None),
    as a person would type it into LibreOffice Calc."""
    from xml.sax.saxutils import escape

    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, bool):
            flag = "true" if value else "false"
            return (f'<table:table-cell office:value-type="boolean" office:boolean-value="{flag}">'
                    f"<text:p>{flag}</text:p></table:table-cell>")
        if isinstance(value, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>"
        for name, rows in sheets.items())
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document>")


def typed_workbook(workload):
    """A small scenario typed into Calc from scratch (German headings, no notes rows)."""
    return {
        "Szenario": [["Feld", "Wert", "Schlüssel"], ["Titel", "Beispielstadt", "name"], ["Diskontsatz", 0.03, None]],
        "Zeitraum": [["Feld", "Wert"], ["Erstes Jahr", 2026], ["Anzahl Jahre", 3]],
        "Einheiten": [["ID", "Name", "Art", "Übergeordnet", "Kosten je VZÄ"],
                      ["stadt", "Stadt Beispielstadt", "Verwaltung", None, None],
                      ["it", "Zentrale IT", "zentral", "stadt", 82000],
                      ["fb20", "FB 20 – Finanzen", "Fachbereich", "stadt", "80.000 €"]],
        "Aufgabenbereiche": [["ID", "Name", "Einrichtungskosten"], ["client", "Client-Support", 50000]],
        "Anbieter": [["Aufgabenbereich", "Anbieter"], ["client", "it"]],
        "Aufgaben": [["ID", "Name", "Aufgabenbereich", "Einheit", "VZÄ", "Zweckgebunden"],
                     ["fb20-client", "Client-Support FB 20", "client", "fb20", "1,5", "nein"],
                     ["fb20-drucker", "Druckerbetreuung", "client", "fb20", workload, False]],
    }


def test_workbook_typed_in_libreoffice_imports_and_reports_problems_at_sheet_and_cell(folder):
    work = folder / "typed"
    work.mkdir()
    (work / "falsch.fods").write_text(fods(typed_workbook(-2)), encoding="utf-8")
    (work / "richtig.fods").write_text(fods(typed_workbook(2)), encoding="utf-8")
    out = soffice(work, "xlsx:Calc MS Excel 2007 XML", [work / "falsch.fods", work / "richtig.fods"])
    run = subprocess.run([str(zentral_binary()), "import", "lo/falsch.xlsx", "--out", "falsch.yaml"],
                         cwd=work, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.strip() == "lo/falsch.xlsx: Blatt Aufgaben, Zelle E3: -2 is negative; a workload is 0 or more FTE"
    assert not (work / "falsch.yaml").exists()
    zentral("import", out / "richtig.xlsx", "--out", work / "richtig.yaml", cwd=work)
    scenario = yaml.safe_load((work / "richtig.yaml").read_text())
    assert scenario["name"] == "Beispielstadt"
    assert scenario["horizon"] == {"start": 2026, "years": 3}
    assert scenario["discount_rate"] == 0.03
    assert [unit["kind"] for unit in scenario["units"]] == ["administration", "central", "department"]
    assert scenario["units"][2]["cost_per_fte"] == 80000
    assert scenario["families"][0]["providers"] == ["it"]
    assert scenario["families"][0]["centre"]["setup_cost"] == 50000
    assert [task["fte"] for task in scenario["tasks"]] == [1.5, 2]
    run = subprocess.run([str(zentral_binary()), "validate", str(work / "richtig.yaml")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
