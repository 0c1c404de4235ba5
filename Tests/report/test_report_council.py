"""The decision report as a council paper, read as a person and a screen reader would: every seed
report and the report of an infeasible scenario are opened in headless Chromium through Selenium
(Debian's chromium-driver). Each must have the sections of a Beschlussvorlage, headings in order,
a text alternative for every chart, no English word in a German report, no console error and no
request, and no WCAG 2.1 A/AA violation found by axe-core (axe-core-python bundles axe.min.js).
Screenshots go to ZENTRAL_SCREENSHOTS when set."""

import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "ZentralExportTests" / "Fixtures"
SEEDS = ["muenchen", "krefeld", "iserlohn", "muenster", "muelheim"]

SECTIONS = ["sachverhalt", "beschlussvorschlag", "finanzen", "personal", "alternativen", "risiken", "anlagen"]
HEADINGS_DE = ["Sachverhalt", "Beschlussvorschlag", "Finanzielle Auswirkungen", "Personelle Auswirkungen",
               "Alternativen", "Risiken und Annahmen", "Anlagen"]
INFEASIBLE_SECTIONS = ["sachverhalt", "konflikt", "abhilfe", "risiken", "anlagen"]
CHARTS = ["chart-cashflow", "chart-costs", "chart-staff", "chart-moves", "chart-current", "chart-target"]

# Words that are English and not German: none may stand in a German report outside of names.
ENGLISH = {"the", "and", "of", "with", "from", "to", "is", "are", "be", "would", "which", "savings", "cost",
           "costs", "moves", "move", "stays", "stay", "task", "tasks", "unit", "units", "capacity", "deadline",
           "must", "rule", "rules", "payback", "recommendation", "report", "year", "years", "none", "not",
           "feasible", "infeasible", "staff", "today", "target", "total", "wave", "waves", "change", "changes",
           "running", "one-time", "decision", "reason", "more", "keeps", "takes", "over", "no", "at", "by", "in",
           "on", "for", "time", "limit", "plan's", "centre", "centres", "provider", "providers", "family",
           "families", "penalty", "penalties", "objective", "gap", "bound", "solver", "status"}
# German words of the same spelling (never reported).
GERMAN_TOO = {"in", "status", "plan", "total"}


def zentral_binary():
    path = pathlib.Path(os.environ.get("ZENTRAL_BIN", ROOT / ".build" / "debug" / "zentral"))
    if not path.exists():
        pytest.skip(f"zentral binary not built: {path}")
    return path


def driver():
    """Headless Chromium through Debian's chromidriver (no Selenium Manager, no download)."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not chromium or not os.path.exists(chromedriver):
        pytest.skip("Debian's chromium and chromium-driver are not installed (scripts/lib/requirements.sh)")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = Options()
    options.binary_location = chromium
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(chromedriver))
    browser.set_window_size(1280, 1600)
    # axe-core takes about a minute on München's report (thousands of table cells and SVG shapes).
    browser.set_script_timeout(300)
    return browser


@pytest.fixture(scope="module")
def browser():
    session = driver()
    yield session
    session.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = os.environ.get("ZENTRAL_SCREENSHOTS")
    path = pathlib.Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def infeasible_plan(tmp_path_factory):
    """Krefeld with at most 0.5 FTE moved per wave: its deadline and savings target cannot hold."""
    folder = tmp_path_factory.mktemp("infeasible")
    text = (ROOT / "scenarios" / "krefeld.yaml").read_text(encoding="utf-8")
    changed = text.replace("max_moved_fte_per_wave: 12 ", "max_moved_fte_per_wave: 0.5 ")
    assert changed != text, "krefeld.yaml no longer has the change capacity this test lowers"
    scenario = folder / "krefeld-infeasible.yaml"
    scenario.write_text(changed, encoding="utf-8")
    result = subprocess.run([str(zentral_binary()), "plan", str(scenario), "--out", str(folder / "out"), "--quiet"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 2, result.stderr
    return folder / "out" / "plan.json"


def export_html(plan_file, out, language=None):
    command = [str(zentral_binary()), "export", str(plan_file), "--format", "html", "--out", str(out)]
    if language:
        command += ["--lang", language]
    subprocess.run(command, check=True, timeout=180)
    return out


def names(plan):
    """Every user-supplied name in the plan (they may be in any language)."""
    found = {plan["scenario"]}
    for key in ("org", "units", "families", "tasks"):
        found |= {item["name"] for item in plan.get(key, [])}
    found |= {task["name"] for task in (plan.get("diagnosis") or {}).get("tasks", [])}
    found |= {item["id"] for key in ("org", "families") for item in plan.get(key, [])}
    found |= {task["id"] for task in plan.get("tasks", [])}
    return found


def english_words(text, plan):
    for name in sorted(names(plan), key=len, reverse=True):
        text = text.replace(name, " ")
    words = set(re.findall(r"[A-Za-z][A-Za-z'-]*", text))
    return sorted(word for word in words if word.lower() in ENGLISH and word.lower() not in GERMAN_TOO)


PAGE_FACTS = """
const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => [+h.tagName[1], h.textContent]);
const labelled = [...document.querySelectorAll('svg[role="img"]')].map(svg => {
  const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  return ids.map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()).join(' | ');
});
const figures = [...document.querySelectorAll('figure')].map(figure => ({
  id: figure.id,
  img: !!figure.querySelector('svg[role="img"]'),
  summary: (figure.querySelector('.chart-summary') || {textContent: ''}).textContent.trim()}));
const titles = [...document.querySelectorAll('[title], title')].map(e => e.getAttribute('title') || e.textContent);
return {
  lang: document.documentElement.lang,
  sections: [...document.querySelectorAll('main > section')].map(s => s.id),
  h2: [...document.querySelectorAll('h2')].map(h => h.textContent),
  headings, labelled, figures, titles,
  text: document.body.textContent,
  tableHeaders: [...document.querySelectorAll('thead th')].filter(th => th.getAttribute('scope') !== 'col').length,
  scripts: document.scripts.length,
  title: document.title,
};
"""


def open_page(browser, html, screenshots, name):
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(html.as_uri())
    facts = browser.execute_script(PAGE_FACTS)
    height = min(browser.execute_script("return document.documentElement.scrollHeight"), 8000)
    browser.set_window_size(1280, height)
    browser.save_screenshot(str(screenshots / f"council-{name}.png"))
    browser.set_window_size(1280, 1600)
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url != html.as_uri():
                requests.append(url)
    return facts, errors, requests


def axe_violations(browser):
    """The WCAG 2.1 A and AA violations axe-core finds on the open page (axe-core-python bundles
    axe 4.4; axe-selenium-python's axe 3.1 does not know the WCAG 2.1 rules and never answered)."""
    base = pytest.importorskip("axe_core_python.base")
    browser.execute_script(base.AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
    results = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, JSON.parse(arguments[0])).then(done).catch(error => done({error: String(error)}));",
        json.dumps(options))
    assert "error" not in results, results.get("error")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]


def check_headings(facts):
    levels = [level for level, _ in facts["headings"]]
    assert levels[0] == 1 and levels.count(1) == 1, f"one h1 first: {facts['headings'][:3]}"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"a heading level is skipped: {facts['headings']}"


def check_charts(facts, expected):
    figures = {figure["id"]: figure for figure in facts["figures"]}
    for chart in expected:
        assert chart in figures, f"chart {chart} missing"
        assert figures[chart]["img"], f"chart {chart} has no svg with role img"
        assert len(figures[chart]["summary"]) > 40, f"chart {chart} has no text alternative"
    assert all(len(label) > 20 for label in facts["labelled"]), facts["labelled"]


def check_no_id_tooltips(facts, plan):
    ids = {unit["id"] for unit in plan["org"]}
    for title in facts["titles"]:
        assert not re.fullmatch(r"(orgchart|legend|providers|cluster_[a-z]\d+|[a-z]\d+(->[a-z]\d+)?)", title.strip()), \
            f"a tooltip shows an id: {title!r}"
        assert title.strip() not in ids, f"a tooltip shows a unit id: {title!r}"


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_report_is_a_council_paper(seed, tmp_path, browser, screenshots):
    plan_file = FIXTURES / f"{seed}.plan.json"
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    html = export_html(plan_file, tmp_path / f"{seed}.html")
    facts, errors, requests = open_page(browser, html, screenshots, seed)
    assert errors == [], f"console errors: {errors}"
    assert requests == [], f"the report loaded other resources: {requests}"
    assert facts["scripts"] == 0
    assert facts["lang"] == "de"
    assert facts["title"].startswith("Beschlussvorlage")
    assert facts["sections"] == SECTIONS
    assert [re.sub(r"^\d+\. ", "", h) for h in facts["h2"]] == HEADINGS_DE
    check_headings(facts)
    check_charts(facts, CHARTS)
    check_no_id_tooltips(facts, plan)
    assert facts["tableHeaders"] == 0, "every column header has scope=col"
    english = english_words(facts["text"] + " ".join(facts["titles"]), plan)
    assert english == [], f"English words in the German report: {english}"
    for jargon in ("Optimalitätslücke", "Strafkosten", "Zielfunktion", f"ab {plan['horizon']['start'] + 4}"):
        assert jargon not in facts["text"], jargon
    violations = axe_violations(browser)
    assert violations == [], f"axe-core (WCAG 2.1 A/AA): {violations}"


def test_english_report_has_the_same_sections(tmp_path, browser, screenshots):
    plan_file = FIXTURES / "krefeld.plan.json"
    html = export_html(plan_file, tmp_path / "krefeld-en.html", language="en")
    facts, errors, requests = open_page(browser, html, screenshots, "krefeld-en")
    assert errors == [] and requests == []
    assert facts["lang"] == "en" and facts["title"].startswith("Council paper")
    assert facts["sections"] == SECTIONS
    assert [re.sub(r"^\d+\. ", "", h) for h in facts["h2"]] == [
        "Background", "Proposed resolution", "Financial impact", "Staff impact", "Alternatives",
        "Risks and assumptions", "Annexes"]
    check_headings(facts)
    check_charts(facts, CHARTS)
    for german in ("Einsparung", "Aufgabe", "Beschluss", "Welle", "VZÄ"):
        assert german not in facts["text"], german
    assert axe_violations(browser) == []


def test_infeasible_report_says_so_in_german(infeasible_plan, tmp_path, browser, screenshots):
    plan = json.loads(infeasible_plan.read_text(encoding="utf-8"))
    assert plan["status"] == "infeasible" and plan["diagnosis"]["conflicts"]
    html = export_html(infeasible_plan, tmp_path / "infeasible.html")
    facts, errors, requests = open_page(browser, html, screenshots, "infeasible")
    assert errors == [] and requests == []
    assert facts["lang"] == "de"
    assert "kein zulässiger Plan" in facts["title"] and "Empfehlung" not in facts["title"]
    assert facts["sections"] == INFEASIBLE_SECTIONS
    check_headings(facts)
    check_charts(facts, ["chart-current"])
    text = facts["text"]
    # The conflicting rules with their numbers, and what would make them compatible.
    assert "können höchstens 0,5 VZÄ wechseln" in text
    assert "die Veränderungskapazität 2025 über 0,5 VZÄ anheben" in text
    assert "ohne IT-Aufgaben" not in text, "units whose IT work is unknown are called units without IT tasks"
    english = english_words(text + " ".join(facts["titles"]), plan)
    assert english == [], f"English words in the German report: {english}"
    assert axe_violations(browser) == []


def test_axe_check_can_fail(tmp_path, browser):
    """The accessibility check finds faults: an image without text, a table header without text,
    grey on grey and a skipped heading level."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1>"
                    "<svg role='img' width='10' height='10'></svg>"
                    "<p style='color:#bbb;background:#ccc'>schwach</p></main></body></html>", encoding="utf-8")
    browser.get(page.as_uri())
    found = {violation for violation, _, _ in axe_violations(browser)}
    assert {"svg-img-alt", "color-contrast", "html-has-lang"} <= found


def test_english_words_are_found():
    """The language check can fail: an English sentence in a German text is reported."""
    plan = {"scenario": "Stadt", "org": [], "units": [], "families": [], "tasks": []}
    assert english_words("Die Einsparung: savings from the plan", plan) == ["from", "savings", "the"]
