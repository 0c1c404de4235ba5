"""The load test of `zentral serve`, shared by scripts/bench-serve (20 clients, 100 plans, release
build, figures for BENCHMARKS.md) and Tests/serve/test_serve_load.py (fewer plans, in CI).

The seed scenarios are uploaded once; then every client submits its share of the plans (`POST
/scenarios/<id>/runs`, JSON), one after the other (the next when the last ended) or, in burst mode,
all at once, and polls its runs until they end.
A submission beyond the queue limit must be refused with 503 and a message. The server's resident
memory is sampled from /proc every 100 ms. Afterwards every finished run's plan.json is compared
with `zentral plan` on the same scenario file, and every file in the data folder is checked whole."""

import json
import statistics
import threading
import time
from dataclasses import dataclass, field

from serve_harness import (Client, cli_plan, complete_file_problems, copy_seed, plan_differences, stray_files)


@dataclass
class Outcome:
    client: int
    seed: str
    status: str  # done, failed, cancelled, interrupted, refused (503), error (anything else)
    latency: float = 0.0
    run: str = ""
    message: str = ""


@dataclass
class LoadResult:
    clients: int
    plans: int
    wall: float
    outcomes: list = field(default_factory=list)
    rss_kib: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    mismatches: list = field(default_factory=list)
    shortened: list = field(default_factory=list)
    burst: bool = False

    def count(self, status):
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    def latencies(self):
        return sorted(outcome.latency for outcome in self.outcomes if outcome.status == "done")

    def percentile(self, share):
        values = self.latencies()
        if not values:
            return float("nan")
        index = min(len(values) - 1, max(0, round(share * len(values) + 0.5) - 1))
        return values[index]

    @property
    def throughput(self):
        return self.count("done") / self.wall if self.wall else 0.0

    @property
    def peak_rss_mib(self):
        return max(self.rss_kib, default=0) / 1024

    def summary(self):
        lines = [f"{self.clients} clients, {self.plans} plans in {self.wall:.1f} s: "
                 f"{self.count('done')} done, {self.count('refused')} refused (503), "
                 f"{self.count('failed')} failed, {self.count('error')} errors",
                 f"throughput {self.throughput:.2f} plans/s; latency p50 {self.percentile(0.5):.2f} s, "
                 f"p95 {self.percentile(0.95):.2f} s, max {max(self.latencies(), default=0):.2f} s",
                 f"server RSS: start {self.rss_kib[0] / 1024 if self.rss_kib else 0:.0f} MiB, "
                 f"peak {self.peak_rss_mib:.0f} MiB, end {self.rss_kib[-1] / 1024 if self.rss_kib else 0:.0f} MiB",
                 f"plans equal to the CLI's: {self.count('done') - len(self.mismatches)} of {self.count('done')}; "
                 f"with explanations cut short by their time budget: {len(self.shortened)}"]
        return "\n".join(lines)


def upload_seeds(client, seeds, folder):
    ids = {}
    for seed in seeds:
        reply = client.upload_yaml(copy_seed(seed, folder))
        if reply.status != 303:
            raise AssertionError(f"upload of {seed}.yaml: {reply.status} {reply.text[:300]}")
        ids[seed] = reply.location.rsplit("/", 1)[-1]
    return ids


def client_loop(base, number, seeds, ids, outcomes, lock, timeout, burst):
    """One client: with `burst`, submits all its plans at once and then polls them; otherwise
    submits one, waits for its end, then the next (a planner at a browser)."""
    if not burst:
        for seed in seeds:
            client_loop(base, number, [seed], ids, outcomes, lock, timeout, True)
        return
    client = Client(base)
    client.ensure_token()
    submitted = []
    for seed in seeds:
        start = time.monotonic()
        try:
            reply = client.start_run(ids[seed])
        except OSError as error:
            outcome = Outcome(number, seed, "error", message=f"submit: {error}")
        else:
            if reply.status == 202:
                submitted.append((seed, reply.json()["run"], start))
                continue
            message = reply.text.strip()
            if reply.status == 503 and message:
                outcome = Outcome(number, seed, "refused", message=message[:200])
            else:
                outcome = Outcome(number, seed, "error", message=f"{reply.status}: {message[:200]}")
        with lock:
            outcomes.append(outcome)
    deadline = time.monotonic() + timeout
    pending = list(submitted)
    while pending:
        still = []
        for seed, run, start in pending:
            try:
                state = client.run(run)
            except OSError as error:
                state = {"status": "error", "message": str(error)}
            status = state.get("status")
            if status in ("done", "failed", "cancelled", "interrupted", "refused", "error"):
                with lock:
                    outcomes.append(Outcome(number, seed, status if status != "refused" else "refused",
                                            time.monotonic() - start, run, state.get("message") or ""))
            elif time.monotonic() > deadline:
                with lock:
                    outcomes.append(Outcome(number, seed, "error", time.monotonic() - start, run,
                                            f"not finished after {timeout} s ({status})"))
            else:
                still.append((seed, run, start))
        pending = still
        if pending:
            time.sleep(0.25)


def run_load(server, binary, work, clients=20, plans=100, seeds=None, timeout=1800, oracle_plans=None,
             burst=False):
    """Runs the load and checks it; returns a LoadResult whose `problems` and `mismatches` list
    what does not hold. `oracle_plans` (seed → plan.json) saves planning the seeds again. With
    `burst` every client submits all its plans at once (the queue limit then refuses some);
    otherwise each client has one plan in flight at a time."""
    from serve_harness import SEEDS
    seeds = list(seeds or SEEDS)
    work.mkdir(parents=True, exist_ok=True)
    (work / "uploads").mkdir(exist_ok=True)
    admin = Client(server.url)
    ids = upload_seeds(admin, seeds, work / "uploads")

    share = [[] for _ in range(clients)]
    for index in range(plans):
        share[index % clients].append(seeds[index % len(seeds)])
    outcomes = []
    lock = threading.Lock()
    samples = []
    sampling = threading.Event()

    def sample():
        while not sampling.is_set():
            rss = server.rss_kib()
            if rss is not None:
                samples.append(rss)
            sampling.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=client_loop, args=(server.url, number, share[number], ids, outcomes, lock,
                                                          timeout, burst), daemon=True)
               for number in range(clients)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout + 60)
    wall = time.monotonic() - start
    time.sleep(0.3)
    sampling.set()
    sampler.join(2)
    result = LoadResult(clients, plans, wall, outcomes, samples, burst=burst)

    if len(outcomes) != plans:
        result.problems.append(f"{plans} plans submitted but {len(outcomes)} outcomes recorded")
    for outcome in outcomes:
        if outcome.status not in ("done", "refused"):
            result.problems.append(f"client {outcome.client}, {outcome.seed}: {outcome.status} {outcome.message}")

    oracle = dict(oracle_plans or {})
    data = server.data
    for seed in seeds:
        if seed not in oracle:
            oracle[seed] = (cli_plan(binary, data / "scenarios" / f"{ids[seed]}.yaml", work / "cli" / seed))
    for outcome in outcomes:
        if outcome.status != "done":
            continue
        folder = data / "runs" / outcome.run
        plan_file = folder / "plan.json"
        if not plan_file.is_file():
            result.problems.append(f"run {outcome.run} ({outcome.seed}) is done but has no plan.json")
            continue
        for path in folder.rglob("*"):
            if path.is_file():
                result.problems.extend(complete_file_problems(path))
        served = json.loads(plan_file.read_text(encoding="utf-8"))
        differences, shortened = plan_differences(served, oracle[outcome.seed])
        if differences:
            result.mismatches.append(f"run {outcome.run} ({outcome.seed}) differs from `zentral plan`: "
                                     + "; ".join(differences[:5]))
        if shortened:
            result.shortened.append(f"run {outcome.run} ({outcome.seed}): {shortened} explanations cut short "
                                    "by their time budget")
    stray = stray_files(data)
    if stray:
        result.problems.append(f"staging files left: {stray[:5]}")
    return result


def median(values):
    return statistics.median(values) if values else float("nan")
