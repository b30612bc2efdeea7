#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases in meson test logs and prints 'N passed, N failed'.

Several logs (of several build directories) add up; a failure is named with
its build directory when there is more than one.

A TAP test counts each of its 'ok' and 'not ok' lines; a test that failed
or crashed without a 'not ok' line counts one failure more; a test with no
TAP (an exit-code validator) counts as one case.
"""

import json
import os
import re
import sys

TAP_LINE = re.compile(r"^(not )?ok\b(.*)$")


def main(paths):
    passed = failed = skipped = 0
    failures = []
    for path in paths:
        p, f, s, names = count(path)
        passed += p
        failed += f
        skipped += s
        if len(paths) > 1:
            build = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(path))))
            names = [f"{name} ({build})" for name in names]
        failures += names
    for name in failures:
        print(f"failed: {name}")
    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    return 1 if failed else 0


def count(path):
    passed = failed = skipped = 0
    failures = []
    with open(path, encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            result = entry.get("result", "")
            ok = not_ok = skip = 0
            tap = False
            for out in (entry.get("stdout") or "").splitlines():
                if out.startswith("1.."):
                    tap = True
                    if "# SKIP" in out.upper() and out.startswith("1..0"):
                        skip += 1
                    continue
                m = TAP_LINE.match(out)
                if not m:
                    continue
                tap = True
                if "# SKIP" in m.group(2).upper():
                    skip += 1
                elif m.group(1):
                    not_ok += 1
                else:
                    ok += 1
            if not tap:
                if result in ("OK", "EXPECTEDFAIL"):
                    ok = 1
                elif result == "SKIP":
                    skip = 1
                else:
                    not_ok = 1
            elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_ok == 0:
                not_ok = 1  # crashed, timed out or stopped early
            if not_ok:
                failures.append(entry.get("name", "?"))
            passed += ok
            failed += not_ok
            skipped += skip
    return passed, failed, skipped, failures


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
