#!/usr/bin/env python3
"""Re-checks the planner fuzz target's verdicts with HiGHS (scripts/fuzz --highs N).

Usage: highs_check.py DIR. DIR holds NAME.mps (the model zentral solved) and NAME.verdict
("STATUS OBJECTIVE", objective "-" when there is no plan), written by FuzzPlanner with
ZENTRAL_FUZZ_MODELS=DIR. Each model is solved by HiGHS to proven optimality; a disagreement is
one line on standard output and exit status 1:
- zentral "infeasible" while HiGHS finds a solution, or a zentral plan while HiGHS proves none;
- an "optimal" objective more than 1e-6 (relative) away from HiGHS's optimum;
- any plan better than HiGHS's optimum by more than that (a plan that breaks a row).
"""
import pathlib
import sys

# One HiGHS set-up for every oracle: the test suite's (proven optimality, one thread).
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Tests" / "tools"))
from highs_solve import solve  # noqa: E402


def main():
    folder = pathlib.Path(sys.argv[1])
    verdicts = sorted(folder.glob("*.verdict"))
    problems = 0
    for verdict in verdicts:
        status, objective = verdict.read_text().split()
        objective = None if objective == "-" else float(objective)
        highs_status, optimum = solve(verdict.with_suffix(".mps"), time_limit=60.0)
        tolerance = 1e-6 * max(1.0, abs(optimum)) if optimum is not None else 0
        problem = None
        if highs_status not in ("optimal", "infeasible"):
            problem = f"HiGHS could not decide ({highs_status})"
        elif status == "infeasible" and highs_status == "optimal":
            problem = f"zentral says infeasible, HiGHS finds an optimum of {optimum}"
        elif objective is not None and highs_status == "infeasible":
            problem = f"zentral has a plan ({objective}), HiGHS proves the model infeasible"
        elif objective is not None and objective < optimum - tolerance:
            problem = f"zentral's plan ({objective}) beats HiGHS's optimum ({optimum})"
        elif status == "optimal" and objective > optimum + tolerance:
            problem = f"zentral says optimal at {objective}, HiGHS's optimum is {optimum}"
        if problem:
            problems += 1
            print(f"{verdict.with_suffix('.mps')}: {problem}")
    print(f"{len(verdicts) - problems} passed, {problems} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
