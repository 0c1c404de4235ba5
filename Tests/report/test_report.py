"""Opens the HTML decision report of every seed plan in headless Chromium (Debian's `chromium`)
through the DevTools protocol on a pipe: the page must load without console errors, exceptions or
network requests, its SVG org charts must have one box per unit and competence centre, and a PNG
screenshot of the page and of the recommended chart is saved (ZENTRAL_SCREENSHOTS, else a temporary
folder)."""

import base64
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "ZentralExportTests" / "Fixtures"
SEEDS = ["muenchen", "krefeld", "iserlohn", "muenster", "muelheim"]


def zentral_binary():
    path = pathlib.Path(os.environ.get("ZENTRAL_BIN", ROOT / ".build" / "debug" / "zentral"))
    if not path.exists():
        pytest.skip(f"zentral binary not built: {path}")
    return path


def chromium_binary():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Debian's chromium is not installed (scripts/lib/requirements.sh installs it)")


def expected_boxes(plan, view):
    """One box per unit (leaves without IT grouped per parent when two or more) plus the centres."""
    known = {unit["id"] for unit in plan["org"]}
    parents = {unit["parent"] for unit in plan["org"] if unit.get("parent") in known}
    with_it = {unit["id"] for unit in plan["units"]} | {task["unit"] for task in plan["tasks"]}
    groupable = {}
    for unit in plan["org"]:
        parent = unit.get("parent")
        if parent in known and unit["id"] not in parents and unit["id"] not in with_it \
                and unit["kind"] not in ("central", "shared"):
            groupable[parent] = groupable.get(parent, 0) + 1
    grouped = [count for count in groupable.values() if count >= 2]
    units = len(plan["org"]) - sum(grouped) + len(grouped)
    if view == "current":
        centres = [c for c in plan["centres"] if c["already_open"]]
    else:
        centres = [c for c in plan["centres"] if not c["years"] or c["years"][-1]["open"]]
    return units + len(centres)


class DevTools:
    """A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, chromium, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
             "--disable-background-networking", "--disable-sync", "--mute-audio",
             f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: self._pipe_fds(to_browser_read, from_browser_write))
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    @staticmethod
    def _pipe_fds(read, write):
        # In the child: Chromium reads commands from fd 3 and writes replies to fd 4.
        read, write = os.dup(read), os.dup(write)
        os.dup2(read, 3)
        os.dup2(write, 4)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self.receive(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self.receive(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return event

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)


@pytest.fixture(scope="module")
def screenshots():
    folder = os.environ.get("ZENTRAL_SCREENSHOTS")
    if folder:
        path = pathlib.Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        yield path
    else:
        with tempfile.TemporaryDirectory(prefix="zentral-screenshots-") as temporary:
            yield pathlib.Path(temporary)


def open_report(html, screenshots, name, probe=None):
    """Loads `html` in headless Chromium; returns (errors, requests, counts) and saves PNGs.
    `probe` is a JavaScript expression whose JSON value is returned as counts["probe"]."""
    with tempfile.TemporaryDirectory(prefix="zentral-chromium-") as profile:
        browser = DevTools(chromium_binary(), profile)
        try:
            targets = browser.send("Target.getTargets")["targetInfos"]
            page = next(t["targetId"] for t in targets if t["type"] == "page")
            session = browser.send("Target.attachToTarget", {"targetId": page, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": False}, session=session)
            browser.events.clear()
            browser.send("Page.navigate", {"url": html.as_uri()}, session=session)
            browser.wait_for("Page.loadEventFired")
            counts = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """
                JSON.stringify({
                  current: document.querySelectorAll('#chart-current svg g.orgbox').length,
                  target: document.querySelectorAll('#chart-target svg g.orgbox').length,
                  targetHeight: (document.querySelector('#chart-target svg') || {getBoundingClientRect: () => ({height: 0})})
                    .getBoundingClientRect().height,
                  scripts: document.scripts.length,
                  pageHeight: document.documentElement.scrollHeight,
                  chart: (() => { const r = document.querySelector('#chart-target').getBoundingClientRect();
                                  return [r.x, r.y + window.scrollY, r.width, r.height]; })()
                })"""}, session=session)["result"]["value"]
            counts = json.loads(counts)
            if probe:
                counts["probe"] = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": probe},
                                               session=session)["result"].get("value")
            height = min(counts["pageHeight"], 12000)
            shot = browser.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}}, session=session)
            (screenshots / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
            x, y, width, chart_height = counts["chart"]
            shot = browser.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": x, "y": y, "width": width, "height": min(chart_height, 6000), "scale": 1}}, session=session)
            (screenshots / f"{name}-chart.png").write_bytes(base64.b64decode(shot["data"]))
            errors = []
            requests = []
            for event in browser.events:
                method, params = event.get("method"), event.get("params", {})
                if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                    errors.append(json.dumps(params.get("args")))
                elif method == "Runtime.exceptionThrown":
                    errors.append(params["exceptionDetails"].get("text", "exception"))
                elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                    errors.append(params["entry"]["text"])
                elif method == "Network.requestWillBeSent" and params["request"]["url"] != html.as_uri():
                    requests.append(params["request"]["url"])
            return errors, requests, counts
        finally:
            browser.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_report_opens_in_chromium(seed, tmp_path, screenshots):
    plan_file = FIXTURES / f"{seed}.plan.json"
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    html = tmp_path / f"{seed}.html"
    subprocess.run([str(zentral_binary()), "export", str(plan_file), "--format", "html", "--out", str(html)],
                   check=True, timeout=120)
    errors, requests, counts = open_report(html, screenshots, seed)
    assert errors == [], f"console errors: {errors}"
    assert requests == [], f"the report loaded other resources: {requests}"
    assert counts["scripts"] == 0
    assert counts["current"] == expected_boxes(plan, "current")
    assert counts["target"] == expected_boxes(plan, "target")
    assert counts["targetHeight"] > 300, "the recommended chart is not drawn at a readable size"
    picture = (screenshots / f"{seed}-chart.png").read_bytes()
    assert picture.startswith(b"\x89PNG") and len(picture) > 20000


def test_console_errors_are_caught(tmp_path, screenshots):
    """The check can fail: a page with a script error is reported."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><figure id='chart-target'><svg width='10' height='10'></svg>"
                    "</figure><script>console.error('boom'); undefinedFunction();</script></body></html>")
    errors, _, _ = open_report(page, screenshots, "broken")
    assert len(errors) >= 2


def test_plan_writes_org_chart_and_report(tmp_path, screenshots):
    """`zentral plan` writes the org chart and the report next to plan.json by default."""
    out = tmp_path / "iserlohn"
    subprocess.run([str(zentral_binary()), "plan", str(ROOT / "scenarios" / "iserlohn.yaml"), "--out", str(out),
                    "--quiet"], check=True, timeout=300)
    names = {path.name for path in out.iterdir()}
    expected = {"plan.json", "orgchart.dot", "orgchart.mmd", "orgchart.csv", "report.html"}
    if shutil.which("dot"):
        expected.add("orgchart.svg")
    assert names == expected
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    errors, requests, counts = open_report(out / "report.html", screenshots, "iserlohn-plan")
    assert errors == [] and requests == []
    assert counts["target"] == expected_boxes(plan, "target")


@pytest.mark.parametrize("arguments, message", [
    (["--format", "docx"], "zentral: The value 'docx' is invalid for '--format <format>'"),
    (["--format", "csv", "--view", "later"], "zentral: The value 'later' is invalid for '--view <view>'"),
    (["--format", "csv", "--lang", "fr"], "zentral: The value 'fr' is invalid for '--lang <language>'"),
    (["--format", "csv", "--out", "/nonexistent-folder/x.csv"],
     "zentral: --out '/nonexistent-folder/x.csv': the folder '/nonexistent-folder' does not exist"),
])
def test_export_usage_errors(arguments, message):
    plan = FIXTURES / "iserlohn.plan.json"
    result = subprocess.run([str(zentral_binary()), "export", str(plan)] + arguments, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert message in result.stderr and result.stderr.startswith("zentral: ")


def test_export_writes_atomically_and_to_stdout(tmp_path):
    plan = FIXTURES / "iserlohn.plan.json"
    out = tmp_path / "chart.csv"
    out.write_text("old")
    subprocess.run([str(zentral_binary()), "export", str(plan), "--format", "csv", "--out", str(out)], check=True,
                   timeout=60)
    written = out.read_bytes()
    assert written.startswith(b"ID,Name,Reports To,Kind,FTE,Annual cost\r\n")
    assert [path.name for path in tmp_path.iterdir()] == ["chart.csv"]
    stdout = subprocess.run([str(zentral_binary()), "export", str(plan), "--format", "csv"], check=True,
                            capture_output=True, timeout=60).stdout
    assert stdout == written


# The x positions of the "F" and the "E" of the first "FTE" written after a name that holds an
# unclosed right-to-left override, in the rollout of the report.
FIGURES_AFTER_OVERRIDE = r"""
(() => {
  const measure = (node, at) => {
    const range = document.createRange();
    range.setStart(node, at); range.setEnd(node, at + 1);
    const first = range.getBoundingClientRect().x;
    range.setStart(node, at + 2); range.setEnd(node, at + 3);
    return [first, range.getBoundingClientRect().x];
  };
  for (const item of document.querySelectorAll('#rollout li')) {
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    let seen = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = node.data.indexOf('\u202e');
      if (start >= 0) seen = true;
      const at = seen ? node.data.indexOf('FTE', Math.max(start, 0)) : -1;
      if (at >= 0) return measure(node, at);
    }
  }
  return null;
})()
"""


def test_unclosed_override_in_a_name_does_not_reverse_the_figures(tmp_path, screenshots):
    """A unit name with an unclosed U+202E: the figures after it still read left to right, since
    every name is isolated in <bdi> and its override closed where it ends."""
    plan = json.loads((FIXTURES / "iserlohn.plan.json").read_text(encoding="utf-8"))
    for unit in plan["org"] + plan["units"]:
        unit["name"] += " \u202eBA"
    plan_file = tmp_path / "override.plan.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    html = tmp_path / "override.html"
    subprocess.run([str(zentral_binary()), "export", str(plan_file), "--format", "html", "--lang", "en", "--out",
                    str(html)], check=True, timeout=120)
    assert "<bdi>" in html.read_text(encoding="utf-8")
    errors, requests, counts = open_report(html, screenshots, "override", probe=FIGURES_AFTER_OVERRIDE)
    assert errors == [] and requests == []
    assert counts["probe"] is not None, "no rollout line with the name"
    f, e = counts["probe"]
    assert f < e, f"'FTE' after the name is drawn right to left (F at {f}, E at {e})"
