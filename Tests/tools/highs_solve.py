#!/usr/bin/env python3
"""Solve an MPS or LP model file with HiGHS to proven optimality and print the objective.

Usage: highs_solve.py FILE   -> prints "optimal <objective>" or "<status>" and exits 0/1.
"""
import sys

import highspy


def main() -> int:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    h.setOptionValue("threads", 1)
    if h.readModel(sys.argv[1]) != highspy.HighsStatus.kOk:
        print("unreadable")
        return 1
    h.run()
    status = h.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        print(h.modelStatusToString(status))
        return 1
    print("optimal %.12g" % h.getInfo().objective_function_value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
