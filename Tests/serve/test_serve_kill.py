"""`kill -9` of `zentral serve` in the middle of a plan run, then a restart on the same data folder:
every scenario file is byte-equal to before, no run folder is partial (the one that was solving
has none), no staging folder is left, and the runs that were in flight are `interrupted` in the
run page (HTML and JSON) and in the SQLite run history (docs/serve.md, "Data folder")."""

import pathlib
import sqlite3
import time

from serve_harness import Client, complete_file_problems, copy_seed, snapshot, stray_files

# Münster is the slowest seed (about 30 s in a debug build, 1 s and more in a release build);
# München waits behind it in the queue of a single worker.
SLOW, QUEUED = "muenster", "muenchen"


def history_rows(database, run_ids):
    """The rows of the run history for `run_ids` as dictionaries, whatever the table is called."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        connection.row_factory = sqlite3.Row
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            if "status" not in columns or "id" not in columns:
                continue
            for run in run_ids:
                for row in connection.execute(f'SELECT * FROM "{table}" WHERE id = ?', (run,)):
                    found[run] = dict(row)
        return found
    finally:
        connection.close()


def test_sigkill_mid_run_loses_no_scenario_and_marks_the_run_interrupted(tmp_path, serve):
    data = tmp_path / "data"
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    server = serve(data, "--workers", "1")
    client = Client(server.url)
    scenarios = {}
    for seed in (SLOW, QUEUED, "krefeld"):
        reply = client.upload_yaml(copy_seed(seed, uploads))
        assert reply.status == 303, f"upload of {seed}: {reply.status} {reply.text[:300]}"
        scenarios[seed] = reply.location.rsplit("/", 1)[-1]

    # A finished run of Krefeld: it must survive the crash untouched.
    reply = client.start_run(scenarios["krefeld"])
    assert reply.status == 202, reply.text[:300]
    finished = reply.json()["run"]
    assert client.wait_run(finished, timeout=600)["status"] == "done"

    reply = client.start_run(scenarios[SLOW])
    assert reply.status == 202, reply.text[:300]
    solving = reply.json()["run"]
    reply = client.start_run(scenarios[QUEUED])
    assert reply.status == 202, reply.text[:300]
    waiting = reply.json()["run"]
    deadline = time.monotonic() + 120
    while client.run(solving)["status"] != "running":
        assert time.monotonic() < deadline, "the run did not start solving in 2 minutes"
        time.sleep(0.05)
    time.sleep(0.5)  # into the solve
    assert client.run(solving)["status"] == "running", "Münster finished before the kill: use a slower scenario"
    assert client.run(waiting)["status"] == "queued"

    before = snapshot(data / "scenarios")
    finished_files = snapshot(data / "runs" / finished)
    leftovers = server.kill9()
    time.sleep(1.0)
    if leftovers:
        server.end_group()
    assert not leftovers, f"processes of the killed server outlived it: {leftovers}"

    # Restart on the same folder.
    server = serve(data, "--workers", "1")
    client = Client(server.url)
    assert snapshot(data / "scenarios") == before, "a scenario file changed or vanished in the crash"
    assert snapshot(data / "runs" / finished) == finished_files, "the finished run's files changed"
    assert not (data / "runs" / solving).exists(), "the interrupted run left a run folder"
    assert not (data / "runs" / waiting).exists(), "the queued run has a run folder"
    assert stray_files(data) == [], f"staging files left after the restart: {stray_files(data)}"
    for path in (data / "runs").rglob("*"):
        if path.is_file():
            assert complete_file_problems(path) == []

    for run in (solving, waiting):
        state = client.run(run)
        assert state["status"] == "interrupted", f"run {run} after the restart: {state}"
        page = client.get(f"/runs/{run}")
        assert page.status == 200
        assert "unterbrochen" in page.text.lower() or "interrupted" in page.text.lower(), \
            "the run page does not say the run was interrupted"
    assert client.run(finished)["status"] == "done"

    rows = history_rows(data / "zentral.sqlite", [solving, waiting, finished])
    assert rows.get(solving, {}).get("status") == "interrupted", rows
    assert rows.get(waiting, {}).get("status") == "interrupted", rows
    assert rows.get(finished, {}).get("status") == "done", rows

    # The server works after the crash: the interrupted scenario plans again.
    reply = client.start_run(scenarios[QUEUED])
    assert reply.status == 202, reply.text[:300]
    again = reply.json()["run"]
    assert client.wait_run(again, timeout=900)["status"] == "done"
    assert complete_file_problems(pathlib.Path(data / "runs" / again / "plan.json")) == []


def test_sigkill_while_the_outputs_are_written_leaves_no_partial_run(tmp_path, serve):
    """The hardest moment: the run's outputs are being written to DIR/runs/.tmp-<run> (the report,
    the charts, the PDF through Chromium) when the server is killed. After the restart the staging
    folder is gone, no run folder exists for the run, and it is interrupted."""
    data = tmp_path / "data"
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    server = serve(data, "--workers", "1")
    client = Client(server.url)
    reply = client.upload_yaml(copy_seed("krefeld", uploads))
    assert reply.status == 303, reply.text[:300]
    scenario = reply.location.rsplit("/", 1)[-1]
    before = snapshot(data / "scenarios")
    caught = None
    for attempt in range(5):
        reply = client.start_run(scenario)
        assert reply.status == 202, reply.text[:300]
        run = reply.json()["run"]
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            staging = [path for path in (data / "runs").glob(".tmp-*")] if (data / "runs").exists() else []
            if staging:
                caught = (run, staging[0])
                break
            if client.run(run)["status"] in ("done", "failed", "cancelled"):
                break
            time.sleep(0.01)
        if caught:
            break
    assert caught, "no staging folder was seen in five runs (the outputs are not staged in DIR/runs/.tmp-*)"
    run, staging = caught
    leftovers = server.kill9()
    time.sleep(2.0)  # anything the killed server started gets time to write (it must not)
    if leftovers:
        server.end_group()

    server = serve(data, "--workers", "1")
    client = Client(server.url)
    assert snapshot(data / "scenarios") == before
    assert not staging.exists(), f"the staging folder {staging.name} is still there after the restart"
    assert not (data / "runs" / run).exists(), "the killed run has a run folder"
    assert stray_files(data) == [], stray_files(data)
    assert client.run(run)["status"] == "interrupted"
    assert not leftovers, f"processes of the killed server outlived it: {leftovers}"
