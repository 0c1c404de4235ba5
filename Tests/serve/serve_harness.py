"""Harness of the `zentral serve` acceptance tests: a real server process on a free loopback port
(started, waited for, stopped or killed), an HTTP client that keeps the session cookie and the CSRF
token, the Krefeld CSV pair built from scenarios/krefeld.yaml, and the CLI oracle (`zentral plan`)
whose plan.json a served run must equal. The contract of routes and data folder is docs/serve.md."""

import csv
import html.parser
import http.cookiejar
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ["krefeld", "iserlohn", "muenster", "muelheim", "muenchen"]
LISTENING = re.compile(r"zentral serve: (http://[^ /]+(?::\d+)?/)")
FINAL = {"done", "failed", "cancelled", "interrupted", "refused"}


def zentral_binary():
    path = pathlib.Path(os.environ.get("ZENTRAL_BIN", ROOT / ".build" / "debug" / "zentral"))
    if not path.exists():
        pytest.skip(f"zentral binary not built: {path}")
    return path


def require_serve(binary):
    """Marks the calling test as an expected failure when this build has no `serve` command yet
    (the server lands from branch `serve`); any other failure of the server fails the test."""
    result = subprocess.run([str(binary), "serve", "--help"], capture_output=True, text=True, timeout=60)
    if "--data" not in result.stdout + result.stderr:
        pytest.xfail("this build of zentral has no 'serve' command yet (branch serve, issue 15)")


class Server:
    """One `zentral serve` process on loopback with its own data folder. `start()` waits for the
    line `zentral serve: http://HOST:PORT/ (Daten: DIR)` on standard error (or, failing that, for
    `GET /healthz` on a port chosen here); `stop()` sends SIGTERM, `kill()` SIGKILL."""

    def __init__(self, binary, data, *arguments):
        self.binary = pathlib.Path(binary)
        self.data = pathlib.Path(data)
        self.arguments = list(arguments)
        self.process = None
        self.url = None
        self.log = []
        self._reader = None

    def start(self, timeout=60):
        self.data.mkdir(parents=True, exist_ok=True)
        self.log = []
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--data", str(self.data), "--port", "0", *self.arguments],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, start_new_session=True)
        found = threading.Event()

        def read():
            for line in self.process.stderr:
                self.log.append(line.rstrip("\n"))
                match = LISTENING.search(line)
                if match and not found.is_set():
                    self.url = match.group(1).replace("://0.0.0.0:", "://127.0.0.1:")
                    found.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while not found.wait(0.1):
            if self.process.poll() is not None:
                self._reader.join(2)
                raise AssertionError(f"zentral serve exited with status {self.process.returncode} before "
                                     f"listening:\n" + "\n".join(self.log))
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError("zentral serve did not print its address within "
                                     f"{timeout} s:\n" + "\n".join(self.log))
        self.wait_healthy(deadline)
        return self

    def wait_healthy(self, deadline):
        while True:
            try:
                with urllib.request.urlopen(self.url + "healthz", timeout=5) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"GET {self.url}healthz did not answer 200 in time")
            time.sleep(0.1)

    @property
    def pid(self):
        return self.process.pid

    def rss_kib(self):
        """The server's resident memory from /proc (KiB), or None once it has exited."""
        try:
            for line in pathlib.Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            return None
        return None

    def stop(self, timeout=30):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill9(self):
        """`kill -9` of the server process alone, as a crash or the OOM killer would end it; returns
        the process ids of its group that outlived it (solver processes it may have started)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        if self._reader:
            self._reader.join(5)
        return group_members(self.process.pid)

    def end_group(self):
        """SIGKILL to whatever is left of the server's process group (after `kill9`)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def kill(self):
        """SIGKILL to the server's whole process group (the server and any solver it started)."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(30)
        if self._reader:
            self._reader.join(5)


def group_members(group):
    members = []
    for status in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(status.parent.name))
    return members


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.body)

    @property
    def location(self):
        return self.headers.get("Location")


class MetaCsrf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.token = None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "meta" and attributes.get("name") == "csrf-token":
            self.token = attributes.get("content")
        if tag == "input" and attributes.get("name") == "_csrf" and self.token is None:
            self.token = attributes.get("value")


def csrf_token(page):
    parser = MetaCsrf()
    parser.feed(page)
    return parser.token


class Client:
    """An HTTP client with its own cookie jar that does not follow redirects, so that tests see
    the 303 and its Location; POSTs carry the CSRF token read from the last HTML page."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.token = None

    def request(self, method, path, body=None, headers=None, timeout=120):
        request = urllib.request.Request(urllib.parse.urljoin(self.base, path), data=body, method=method,
                                         headers=headers or {})
        try:
            with self.opener.open(request, timeout=timeout) as reply:
                result = Reply(reply.status, reply.headers, reply.read())
        except urllib.error.HTTPError as error:
            result = Reply(error.code, error.headers, error.read())
        if result.headers.get("Content-Type", "").startswith("text/html"):
            token = csrf_token(result.text)
            if token:
                self.token = token
        return result

    def get(self, path, json_reply=False, timeout=120):
        return self.request("GET", path, headers={"Accept": "application/json"} if json_reply else {},
                            timeout=timeout)

    def ensure_token(self):
        if self.token is None:
            self.get("/")
        return self.token

    def post(self, path, fields=None, files=None, json_reply=False, token=True, timeout=120):
        """A form POST (multipart when `files` maps field names to (filename, bytes))."""
        fields = dict(fields or {})
        headers = {"Accept": "application/json"} if json_reply else {}
        if token:
            headers["X-CSRF-Token"] = self.ensure_token() or ""
            fields.setdefault("_csrf", self.token or "")
        if files:
            boundary = "zentral" + uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                             + str(value).encode() + b"\r\n")
            for name, (filename, content) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                             f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                             + content + b"\r\n")
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=headers, timeout=timeout)

    def upload_yaml(self, path, name=None):
        path = pathlib.Path(path)
        fields = {"name": name} if name else {}
        return self.post("/scenarios", fields, files={"file": (path.name, path.read_bytes())})

    def start_run(self, scenario):
        return self.post(f"/scenarios/{scenario}/runs", json_reply=True)

    def run(self, run):
        return self.get(f"/runs/{run}", json_reply=True).json()

    def wait_run(self, run, timeout=900, poll=0.25):
        deadline = time.monotonic() + timeout
        while True:
            state = self.run(run)
            if state.get("status") in FINAL:
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"run {run} did not finish within {timeout} s: {state}")
            time.sleep(poll)


def scenario_id_from(location):
    match = re.search(r"/scenarios/([a-z0-9][a-z0-9-]{0,62})$", location or "")
    assert match, f"expected a redirect to /scenarios/<id>, got {location!r}"
    return match.group(1)


def run_id_from(location):
    match = re.search(r"/runs/([^/?#]+)$", location or "")
    assert match, f"expected a redirect to /runs/<run>, got {location!r}"
    return match.group(1)


# --- The Krefeld CSV pair -------------------------------------------------------------------------

KINDS = {"administration": "Verwaltung", "division": "Dezernat", "department": "Fachbereich",
         "enterprise": "Eigenbetrieb", "staff": "Stabsstelle", "central": "zentral", "shared": "Zweckverband"}


def german_number(value):
    if value is None or value == "":
        return ""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def krefeld_csv_pair(folder, without_cost=("fb40",)):
    """Writes einheiten.csv and aufgaben.csv (German Excel layout: `;`, decimal commas, UTF-8 with
    byte order mark) from scenarios/krefeld.yaml, as a planner would keep them in a spreadsheet.
    The units in `without_cost` have an empty "Kosten je VZÄ", the slip the form editor fixes."""
    import yaml
    scenario = yaml.safe_load((ROOT / "scenarios" / "krefeld.yaml").read_text(encoding="utf-8"))
    families = {family["id"]: family["name"] for family in scenario["families"]}
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    units = folder / "einheiten.csv"
    with units.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["ID", "Name", "Art", "Übergeordnet", "Kosten je VZÄ (EUR/Jahr)", "Preis je VZÄ",
                         "Kapazität VZÄ"])
        for unit in scenario["units"]:
            capacity = unit.get("capacity_fte")
            if isinstance(capacity, dict):
                capacity = max(capacity.values())
            cost = None if unit["id"] in without_cost else unit.get("cost_per_fte")
            writer.writerow([unit["id"], unit["name"], KINDS[unit["kind"]], unit.get("parent", ""),
                             german_number(cost), german_number(unit.get("price_per_fte")),
                             german_number(capacity)])
    tasks = folder / "aufgaben.csv"
    with tasks.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["ID", "Name", "Aufgabenbereich", "Einheit", "VZÄ", "Zweckgebunden", "Begründung",
                         "Teilbar", "Bedenken", "Übergangskosten"])
        for task in scenario["tasks"]:
            writer.writerow([task["id"], task["name"], families[task["family"]], task["unit"],
                             german_number(task["fte"]), "ja" if task.get("dedicated") else "nein",
                             task.get("reason", ""), "ja" if task.get("divisible") else "nein",
                             german_number(task.get("concern")), german_number(task.get("transition_cost"))])
    return units, tasks


# --- The CLI oracle -------------------------------------------------------------------------------

VOLATILE = re.compile(r"(^|_)(seconds|timings?|time|elapsed|created|started|finished|generated|date|at)$")


def normalised(value):
    """plan.json without wall-clock values (timestamps, timings), for comparing two runs."""
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items() if not VOLATILE.search(key)}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


def conflict_key(conflict):
    return json.dumps(conflict, sort_keys=True)


def cut_short(reason):
    """A task's reason whose explanation the time budget cut short: a flip not priced for lack of
    time, or priced as a range (docs/plan-format.md, "Reasons")."""
    if reason.get("rule") == "not_computed" and reason.get("why") in ("explain_budget", "time_limit"):
        return True
    return "at_least" in (reason.get("flip") or {})


def plan_differences(served, oracle):
    """Where a served plan.json differs from the CLI's, and how many task explanations the time
    budget of the explanations cut short in either. Decisions, figures and every other key must be
    equal; an explanation is compared only where both are complete. A conflict list found under
    time pressure may keep rules it had no time to rule out (InfeasibilityDiagnosis: "still a
    conflict, not necessarily an irreducible one"), so one of the two lists must contain the other
    (the oracle is planned with an explain budget of an hour, so its lists are complete)."""
    served, oracle = normalised(served), normalised(oracle)
    served_tasks = served.pop("tasks", None) or []
    oracle_tasks = oracle.pop("tasks", None) or []
    differences = []
    shortened = 0
    for key in sorted(set(served) | set(oracle)):
        if served.get(key) != oracle.get(key):
            differences.append(f"{key} differs")
    if len(served_tasks) != len(oracle_tasks):
        differences.append(f"{len(served_tasks)} tasks instead of {len(oracle_tasks)}")
    for mine, theirs in zip(served_tasks, oracle_tasks):
        mine, theirs = dict(mine), dict(theirs)
        mine_reason, their_reason = mine.pop("reason", {}) or {}, theirs.pop("reason", {}) or {}
        if mine != theirs:
            differences.append(f"task {theirs.get('id')}: decision or figures differ")
            continue
        if mine_reason == their_reason:
            continue
        if cut_short(mine_reason) or cut_short(their_reason):
            shortened += 1
            continue
        mine_conflicts = {conflict_key(c) for c in mine_reason.pop("conflicts", [])}
        their_conflicts = {conflict_key(c) for c in their_reason.pop("conflicts", [])}
        if mine_reason == their_reason and (their_conflicts <= mine_conflicts or mine_conflicts <= their_conflicts):
            shortened += 1
            continue
        differences.append(f"task {theirs.get('id')}: reason differs")
    return differences, shortened


def cli_plan(binary, scenario, out):
    """`zentral plan SCENARIO --out OUT --quiet --no-exports --explain-budget 3600`: the plan.json a
    served run must equal, with explanations not cut short by a loaded machine."""
    pathlib.Path(out).parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([str(binary), "plan", str(scenario), "--out", str(out), "--quiet", "--no-exports",
                             "--explain-budget", "3600"],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode in (0, 2), f"zentral plan {scenario} failed: {result.stderr}"
    return json.loads((pathlib.Path(out) / "plan.json").read_text(encoding="utf-8"))


# --- Files in the data folder ---------------------------------------------------------------------

def snapshot(folder):
    """Every file under `folder` with its bytes (relative path → bytes)."""
    folder = pathlib.Path(folder)
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def complete_file_problems(path):
    """Why an output file looks cut off (empty list when it is whole)."""
    path = pathlib.Path(path)
    data = path.read_bytes()
    if not data:
        return [f"{path} is empty"]
    suffix = path.suffix
    try:
        if suffix == ".json":
            json.loads(data)
        elif suffix == ".html" and b"</html>" not in data[-200:].lower():
            return [f"{path} does not end with </html>"]
        elif suffix == ".svg" and b"</svg>" not in data[-100:]:
            return [f"{path} does not end with </svg>"]
        elif suffix == ".pdf" and b"%%EOF" not in data[-64:]:
            return [f"{path} has no %%EOF at its end"]
        elif suffix in (".xlsx",) and not data.startswith(b"PK"):
            return [f"{path} is not a ZIP archive"]
    except ValueError as error:
        return [f"{path} does not parse: {error}"]
    return []


def stray_files(data):
    """Temporary or staging files left in the data folder (a half-written output)."""
    data = pathlib.Path(data)
    stray = []
    for path in data.rglob("*"):
        name = path.name
        if name.startswith(".") or name.endswith((".tmp", ".part", ".partial", "~")) or ".tmp" in name \
                or name.startswith("tmp") or "staging" in name:
            if name in ("zentral.sqlite-wal", "zentral.sqlite-shm", "zentral.sqlite-journal"):
                continue
            stray.append(str(path.relative_to(data)))
    return stray


def copy_seed(name, folder):
    target = pathlib.Path(folder) / f"{name}.yaml"
    shutil.copyfile(ROOT / "scenarios" / f"{name}.yaml", target)
    return target
