"""The load test of `zentral serve` in a size for CI (scripts/bench-serve runs the full one: 20
clients, 100 plans): clients submit plans of the quick seed scenarios on loopback; every
plan completes or is refused with 503 and a message, every plan.json equals `zentral plan` on the
same scenario file, no file is partial, and the server's memory stays bounded."""

from serve_load import run_load

QUICK_SEEDS = ["krefeld", "iserlohn", "muelheim"]


def test_clients_submitting_at_once_get_the_cli_plans(tmp_path, serve, zentral):
    server = serve(tmp_path / "data", "--workers", "2")
    result = run_load(server, zentral, tmp_path / "work", clients=4, plans=9, seeds=QUICK_SEEDS, timeout=900,
                      burst=True)
    print(result.summary())
    assert result.problems == []
    assert result.mismatches == []
    assert result.count("done") == 9, "the queue (limit 50) refused plans it had room for"
    assert result.peak_rss_mib < 1024, f"the server grew to {result.peak_rss_mib:.0f} MiB"


def test_a_full_queue_refuses_cleanly(tmp_path, serve, zentral):
    """With one worker and room for two waiting runs, eight plans submitted at once: the ones
    beyond the queue are refused with 503 and a sentence, and leave no run folder."""
    server = serve(tmp_path / "data", "--workers", "1", "--queue-limit", "2")
    result = run_load(server, zentral, tmp_path / "work", clients=8, plans=8, seeds=["krefeld"], timeout=900,
                      burst=True)
    print(result.summary())
    assert result.problems == []
    assert result.mismatches == []
    assert result.count("refused") >= 1, "eight plans at once fit in a queue of two"
    assert result.count("done") >= 3
    assert all(len(outcome.message) > 10 for outcome in result.outcomes if outcome.status == "refused")
    runs = {path.name for path in (server.data / "runs").iterdir()} if (server.data / "runs").exists() else set()
    assert runs == {outcome.run for outcome in result.outcomes if outcome.status == "done"}
