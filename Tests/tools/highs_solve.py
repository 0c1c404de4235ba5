#!/usr/bin/env python3
"""Solve MPS or LP model files with HiGHS to proven optimality and print the objective.

Usage: highs_solve.py FILE   -> prints "optimal <objective>" or "<status>" and exits 0/1.
       highs_solve.py FILE... (two or more) -> one line per file, "FILE optimal <objective>",
       "FILE infeasible" or "FILE <status>", and exits 0 when every file was read.
"""
import sys

import highspy


def solve(path, time_limit=None):
    """HiGHS's status ("optimal", "infeasible", "unreadable" or its own word) and optimum."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    h.setOptionValue("threads", 1)
    if time_limit is not None:
        h.setOptionValue("time_limit", float(time_limit))
    if h.readModel(str(path)) != highspy.HighsStatus.kOk:
        return "unreadable", None
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return "optimal", h.getInfo().objective_function_value
    if status == highspy.HighsModelStatus.kInfeasible:
        return "infeasible", None
    return h.modelStatusToString(status).replace(" ", "_"), None


def main() -> int:
    if len(sys.argv) > 2:
        failed = False
        for path in sys.argv[1:]:
            status, objective = solve(path)
            failed = failed or status == "unreadable"
            print(path, status, "" if objective is None else "%.12g" % objective)
        return 1 if failed else 0
    status, objective = solve(sys.argv[1])
    if status != "optimal":
        print(status if status != "infeasible" else "Infeasible")
        return 1
    print("optimal %.12g" % objective)
    return 0


if __name__ == "__main__":
    sys.exit(main())
