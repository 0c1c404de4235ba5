"""The planner's path through `zentral serve` in a real headless browser (Selenium, Debian's
chromium and chromium-driver), as a person would take it: upload the Krefeld CSV pair, fix the
unit cost the spreadsheet left empty in the form editor (first with a slip the form must refuse at
the field), plan and watch the progress end, read the report and the org chart, download the
report, and compare with a what-if variant. A screenshot is taken at each step (ZENTRAL_SCREENSHOTS
or a temporary folder); the assertions are on the visible text and on the data folder."""

import json
import pathlib
import re
import time

import pytest

from serve_harness import Client, cli_plan, copy_seed, krefeld_csv_pair, plan_differences, snapshot, stray_files

pytest.importorskip("selenium")
from selenium.common.exceptions import NoSuchElementException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.expected_conditions import staleness_of  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class Steps:
    """Numbered screenshots of the browser, with the page's visible text beside each."""

    def __init__(self, browser, folder):
        self.browser = browser
        self.folder = pathlib.Path(folder)
        self.number = 0

    def shoot(self, name):
        self.number += 1
        stem = f"{self.number:02d}-{name}"
        self.browser.save_screenshot(str(self.folder / f"{stem}.png"))
        text = visible_text(self.browser)
        (self.folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        return text


def unit_cost(scenario, unit):
    import yaml
    document = yaml.safe_load(pathlib.Path(scenario).read_text(encoding="utf-8"))
    return next(item.get("cost_per_fte") for item in document["units"] if item["id"] == unit)


def visible_text(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def form_with(browser, selector):
    """The form that holds the element `selector` (a person finds the form by its fields)."""
    element = browser.find_element(By.CSS_SELECTOR, selector)
    return element.find_element(By.XPATH, "./ancestor::form")


def submit(browser, form):
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
    assert buttons, "the form has no button to press"
    buttons[0].click()


def wait_for_url(browser, pattern, timeout=60):
    WebDriverWait(browser, timeout).until(lambda b: re.search(pattern, b.current_url))
    return re.search(pattern, browser.current_url)


def text_at_field(browser, selector):
    """The message a person reads at a form field: the elements its `aria-describedby` names, else
    the text of the nearest label, paragraph, cell or group around it."""
    element = browser.find_element(By.CSS_SELECTOR, selector)
    described = (element.get_attribute("aria-describedby") or "").split()
    texts = [browser.find_element(By.ID, name).text for name in described if browser.find_elements(By.ID, name)]
    if texts:
        return " ".join(texts)
    return element.find_element(By.XPATH, "./ancestor::*[self::label or self::div or self::p or self::td or "
                                          "self::li or self::fieldset][1]").text


def console_errors(browser):
    try:
        return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"
                and "favicon" not in entry["message"]]
    except Exception:  # noqa: BLE001 – not every driver keeps the log
        return []


def test_planner_goes_from_csv_pair_to_report_and_variant(tmp_path, serve, browser, downloads, screenshots,
                                                          zentral):
    data = tmp_path / "data"
    server = serve(data)
    units, tasks = krefeld_csv_pair(tmp_path / "tabellen", without_cost=("fb40",))
    steps = Steps(browser, screenshots)

    # 1. The start page: no scenarios yet; the upload form takes the CSV pair.
    browser.get(server.url)
    text = steps.shoot("start")
    assert "krefeld" not in text.lower()
    upload = form_with(browser, "input[type=file][name=units]")
    upload.find_element(By.CSS_SELECTOR, "input[type=file][name=units]").send_keys(str(units))
    upload.find_element(By.CSS_SELECTOR, "input[type=file][name=tasks]").send_keys(str(tasks))
    names = upload.find_elements(By.CSS_SELECTOR, "input[name=name]")
    if names:
        names[0].send_keys("Krefeld")
    submit(browser, upload)
    scenario = wait_for_url(browser, r"/scenarios/([a-z0-9][a-z0-9-]*)$").group(1)
    text = steps.shoot("uploaded")
    assert "Krefeld" in text, "the scenario page does not name the scenario"
    assert "FB 40" in text or "fb40" in text, "the scenario page does not show the units"
    stored = data / "scenarios" / f"{scenario}.yaml"
    assert stored.is_file(), f"the upload was not stored as {stored}"
    assert unit_cost(stored, "fb40") == 80000, "the importer's assumed 80.000 EUR for fb40 is not stored"

    # 2. The form editor: a slip (78 EUR a year) is refused at the field, the file stays as it was.
    field = "input[name='units.fb40.cost_per_fte']"
    before = stored.read_bytes()
    editor = form_with(browser, field)
    cost = editor.find_element(By.CSS_SELECTOR, field)
    cost.clear()
    cost.send_keys("78")
    submit(browser, editor)
    WebDriverWait(browser, 30).until(staleness_of(editor))
    text = steps.shoot("form-refused")
    assert stored.read_bytes() == before, "a refused form changed the scenario file"
    near = text_at_field(browser, field)
    assert re.search(r"78\b", text) and re.search(r"30[.,]000|EUR", text), \
        "the refusal does not quote the value and the range as `zentral validate` does"
    assert "78" in near, \
        f"the diagnostic is not shown at the field (text around it: {near!r})"

    console_errors(browser)  # the 422 of the refused form is expected; the log starts afresh

    # The fix: 78.000 EUR, the cost of FB 40 in the council's scenario.
    editor = form_with(browser, field)
    cost = editor.find_element(By.CSS_SELECTOR, field)
    cost.clear()
    cost.send_keys("78000")
    submit(browser, editor)
    WebDriverWait(browser, 30).until(staleness_of(editor))
    text = steps.shoot("form-saved")
    saved = stored.read_text(encoding="utf-8")
    assert unit_cost(stored, "fb40") == 78000, "the fixed cost is not in the scenario file"
    assert browser.find_element(By.CSS_SELECTOR, field).get_attribute("value") in ("78000", "78.000", "78000.0")
    assert "gültig" in text or "valid" in text

    # 3. Plan: the run page shows live progress until the run is done.
    run_form = browser.find_element(By.CSS_SELECTOR, f"form[action$='/scenarios/{scenario}/runs']")
    submit(browser, run_form)
    run = wait_for_url(browser, r"/runs/([^/?#]+)$").group(1)
    text = steps.shoot("run-started")
    # Watch the page, not the API: the status and progress lines the server-sent events bring.
    seen = [line for line in text.splitlines() if line.startswith("Stand:")]
    progress = []
    deadline = time.monotonic() + 600
    while not browser.find_elements(By.CSS_SELECTOR, "a[href$='/files/report.html']"):
        assert time.monotonic() < deadline, "the run page did not show the results within 10 minutes"
        try:
            status = browser.find_element(By.ID, "run-status").text
            line = browser.find_element(By.ID, "run-progress").text
        except Exception:  # noqa: BLE001 – the page reloads itself when the run ends
            status, line = "", ""
        if status and (not seen or seen[-1] != status):
            seen.append(status)
        if line and (not progress or progress[-1] != line):
            progress.append(line)
        if status in ("fehlgeschlagen", "abgebrochen", "unterbrochen"):
            break
        time.sleep(0.2)
    print("status seen:", seen, "progress seen:", progress)
    client = Client(server.url)
    state = client.run(run)
    assert state["status"] == "done", f"the run ended {state}"
    text = steps.shoot("run-done")
    assert any("läuft" in status or "wartet" in status for status in seen), f"no running state shown: {seen}"
    assert progress or any("Plan" in line for line in text.splitlines()), "no progress line was shown"
    assert re.search(r"fertig|abgeschlossen|done", text, re.IGNORECASE), \
        "the run page does not say the run is done without a reload (server-sent events)"
    errors = console_errors(browser)
    assert not errors, errors

    # The plan equals the command line's on the same scenario file.
    served = json.loads((data / "runs" / run / "plan.json").read_text(encoding="utf-8"))
    oracle = cli_plan(zentral, stored, tmp_path / "cli")
    assert plan_differences(served, oracle)[0] == [], "the served plan differs from `zentral plan`"

    # 4. The org chart on the run page, then the report with its charts, as a council member reads it.
    chart = browser.find_element(By.CSS_SELECTOR, "img[src$='/files/orgchart.svg']")
    browser.execute_script("arguments[0].scrollIntoView()", chart)
    steps.shoot("run-orgchart")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", chart) > 0, \
        "the org chart image does not load on the run page"
    svg = client.get(f"/runs/{run}/files/orgchart.svg")
    assert svg.status == 200 and b"</svg>" in svg.body
    assert "FB 40" in svg.text or "Schule" in svg.text, "the org chart does not show FB 40"

    browser.find_element(By.CSS_SELECTOR, "a[href$='/files/report.html']").click()
    if len(browser.window_handles) > 1:
        browser.switch_to.window(browser.window_handles[-1])
    WebDriverWait(browser, 60).until(lambda b: "Krefeld" in visible_text(b))
    text = steps.shoot("report")
    assert "Krefeld" in text
    assert re.search(r"Barwert|NPV", text), "the report shows no net present value"
    charts = [chart for chart in browser.find_elements(By.CSS_SELECTOR, "svg")
              if "FB 40" in (chart.get_attribute("textContent") or "")]
    assert charts, "the report has no org chart showing FB 40"
    browser.execute_script("arguments[0].scrollIntoView()", charts[0])
    steps.shoot("report-orgchart")
    if len(browser.window_handles) > 1:
        browser.close()
        browser.switch_to.window(browser.window_handles[0])
    browser.get(server.url.rstrip("/") + f"/runs/{run}")

    # The downloads: the report as PDF (or HTML where Chromium cannot print) through a click.
    links = {a.get_attribute("href").rsplit("/", 1)[-1]: a
             for a in browser.find_elements(By.CSS_SELECTOR, "a[href*='/files/']")}
    assert "orgchart.svg" in links and "plan.json" in links, f"downloads offered: {sorted(links)}"
    wanted = "report.pdf" if "report.pdf" in links else "report.html"
    browser.execute_script("arguments[0].scrollIntoView()", links[wanted])
    steps.shoot("downloads")
    if wanted == "report.pdf":
        links[wanted].click()
        deadline = time.monotonic() + 60
        while not [p for p in downloads.iterdir() if not p.name.endswith(".crdownload")]:
            assert time.monotonic() < deadline, "the PDF download did not arrive"
            time.sleep(0.5)
        time.sleep(0.5)
        got = next(p for p in downloads.iterdir() if not p.name.endswith(".crdownload"))
        assert got.read_bytes().startswith(b"%PDF")
        assert got.read_bytes() == (data / "runs" / run / "report.pdf").read_bytes()
    else:
        download = client.get(f"/runs/{run}/files/report.html")
        assert download.status == 200 and b"Krefeld" in download.body

    # 5. What-if: a variant with a 3 % discount rate, saved with `extends:` and planned at once.
    browser.get(server.url.rstrip("/") + f"/scenarios/{scenario}")
    whatif = browser.find_element(By.CSS_SELECTOR, f"form[action$='/scenarios/{scenario}/variants']")
    name_fields = whatif.find_elements(By.CSS_SELECTOR, "input[name=variant_name]") or \
        whatif.find_elements(By.CSS_SELECTOR, "input[name=name]")
    name_fields[0].send_keys("zins3")
    rate = whatif.find_element(By.CSS_SELECTOR, "input[name='discount_rate']")
    closed = rate.find_elements(By.XPATH, "./ancestor::details[not(@open)]")
    if closed:
        closed[0].find_element(By.TAG_NAME, "summary").click()
    rate.clear()
    rate.send_keys("0,03")  # as the label's example writes it
    browser.execute_script("arguments[0].scrollIntoView()", rate)
    steps.shoot("whatif-filled")
    submit(browser, whatif)
    variant_run = wait_for_url(browser, r"/runs/([^/?#]+)$").group(1)
    variant = f"{scenario}-zins3"
    variant_file = data / "scenarios" / f"{variant}.yaml"
    assert variant_file.is_file(), "the what-if panel did not save the variant"
    assert re.search(rf"extends:\s*['\"]?{scenario}\.yaml", variant_file.read_text(encoding="utf-8"))
    assert stored.read_text(encoding="utf-8") == saved, "saving a variant changed its base"
    assert client.wait_run(variant_run, timeout=600)["status"] == "done"
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "a[href$='/files/report.html']"))
    steps.shoot("variant-run")

    browser.get(server.url.rstrip("/") + f"/compare?a={scenario}&b={variant}")
    text = steps.shoot("compare")
    assert "zins3" in text, "the compare page does not name the variant"
    assert re.search(r"Barwert|NPV", text), "the compare page shows no net present value"
    served_variant = json.loads((data / "runs" / variant_run / "plan.json").read_text(encoding="utf-8"))
    assert served_variant["discount_rate"] == pytest.approx(0.03)
    assert served_variant["npv"] != served["npv"], "the variant's NPV equals the base's: the change was lost"
    variant_oracle = cli_plan(zentral, variant_file, tmp_path / "cli-variant")
    assert plan_differences(served_variant, variant_oracle)[0] == [], "the served variant differs from the CLI"

    # Nothing half-written anywhere.
    for name, content in snapshot(data / "runs").items():
        assert content, f"runs/{name} is empty"
    assert stray_files(data) == []


def test_scenario_list_shows_upload_and_variant_in_json(tmp_path, serve):
    """The start page's JSON names the uploaded scenario and its variant with `extends`."""
    data = tmp_path / "data"
    server = serve(data)
    client = Client(server.url)
    units, tasks = krefeld_csv_pair(tmp_path / "tabellen")
    reply = client.post("/scenarios", {"name": "Krefeld"},
                        files={"units": (units.name, units.read_bytes()), "tasks": (tasks.name, tasks.read_bytes())})
    assert reply.status == 303, reply.text[:500]
    scenario = reply.location.rsplit("/", 1)[-1]
    reply = client.post(f"/scenarios/{scenario}/variants", {"variant_name": "ohne-krzn", "discount_rate": "0.02"})
    assert reply.status == 303, reply.text[:500]
    listing = client.get("/", json_reply=True).json()
    by_id = {item["id"]: item for item in listing["scenarios"]}
    assert scenario in by_id and f"{scenario}-ohne-krzn" in by_id, listing
    assert (by_id[f"{scenario}-ohne-krzn"].get("extends") or "").startswith(scenario)


def test_form_without_csrf_token_changes_nothing(tmp_path, serve):
    data = tmp_path / "data"
    server = serve(data)
    client = Client(server.url)
    units, tasks = krefeld_csv_pair(tmp_path / "tabellen")
    reply = client.post("/scenarios", {"name": "Krefeld"},
                        files={"units": (units.name, units.read_bytes()), "tasks": (tasks.name, tasks.read_bytes())})
    assert reply.status == 303, reply.text[:500]
    scenario = reply.location.rsplit("/", 1)[-1]
    before = snapshot(data / "scenarios")
    reply = client.post(f"/scenarios/{scenario}", {"units.fb40.cost_per_fte": "90000"}, token=False)
    assert reply.status == 403
    assert snapshot(data / "scenarios") == before


def test_missing_element_helper_fails_loudly(browser):
    """The helpers raise when a form is absent, so a page without the upload form fails the test."""
    browser.get("data:text/html,<p>leer</p>")
    with pytest.raises(NoSuchElementException):
        form_with(browser, "input[type=file][name=units]")


@pytest.mark.xfail(reason="branch serve at fcefe8b: the explaining progress line on the run page keeps the "
                          "terminal hint '(Strg-C: Rest überspringen)' (who started the run and the queue place "
                          "were fixed); reported", strict=False)
def test_run_page_reads_as_sentences(tmp_path, serve, browser, screenshots):
    """What a person reads on the run page: who started it ("von lokal"), no queue place once it
    has ended, and progress lines without the terminal's "Strg-C" hint."""
    data = tmp_path / "data"
    server = serve(data)
    client = Client(server.url)
    reply = client.upload_yaml(copy_seed("muelheim", tmp_path))
    assert reply.status == 303, reply.text[:300]
    scenario = reply.location.rsplit("/", 1)[-1]
    browser.get(server.url.rstrip("/") + f"/scenarios/{scenario}")
    submit(browser, browser.find_element(By.CSS_SELECTOR, f"form[action$='/scenarios/{scenario}/runs']"))
    wait_for_url(browser, r"/runs/([^/?#]+)$")
    progress = []
    deadline = time.monotonic() + 600
    while not browser.find_elements(By.CSS_SELECTOR, "a[href$='/files/report.html']"):
        assert time.monotonic() < deadline, "the run page did not show the results within 10 minutes"
        try:
            line = browser.find_element(By.ID, "run-progress").text
        except Exception:  # noqa: BLE001 – the page reloads itself when the run ends
            line = ""
        if line and line not in progress:
            progress.append(line)
        time.sleep(0.1)
    browser.save_screenshot(str(screenshots / "run-page-sentences.png"))
    text = visible_text(browser)
    defects = []
    if "von lokal" not in text:
        defects.append("the run page does not say who started the run ('von lokal')")
    if '"role"' in text or "Platz 0" in text:
        defects.append("the run page shows raw values (a user record, or 'Platz 0' for a finished run)")
    if any("Strg-C" in line or "Ctrl-C" in line for line in progress):
        defects.append("a progress line in the browser tells the planner to press Ctrl-C")
    assert defects == [], f"{defects}; progress lines seen: {progress}"

