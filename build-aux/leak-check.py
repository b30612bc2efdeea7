#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a test under LeakSanitizer and fails it for the leaks the project
made, not for those GTK makes on its own.

GDK's X11 backend now and then keeps an object made for an X event until
the process ends, with no frame of ours in its stack and nothing to name in
a suppression (GTK has no symbols for its own functions). So each leak's
stack is read from where the memory was allocated down to the first frame
of the main loop or of the test harness: if a frame of the project's
sources (src/ or tests/) comes before that, the leak is ours and fails the
test; otherwise it is GTK's, and it is only listed.

Used as `meson test --wrapper build-aux/leak-check.py` with
ASAN_OPTIONS=detect_leaks=1 and the whole stack kept
(fast_unwind_on_malloc=0)."""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Where our code hands over to the loop or the harness that called it; and
# gtk_init(), whose opening of the display now and then keeps an X11 object
# for the process (seen once in test-tracker, from mix_test_gui_init()).
OUTER = re.compile(r" in (g_main_context_dispatch|g_main_context_iteration|g_main_loop_run|"
                   r"g_test_run_suite|g_test_run|mix_test_spin|gtk_init_check|__libc_start)")
OURS = re.compile(r" \.\./(src|tests)/")


def leaks(text):
    """Yields (header, frames) for each direct leak in a report."""
    blocks = re.split(r"\n(?=(?:Direct|Indirect) leak of )", text)
    for block in blocks:
        lines = block.strip().splitlines()
        if lines and lines[0].startswith("Direct leak of "):
            yield lines[0], [l for l in lines[1:] if l.strip().startswith("#")]


def is_ours(frames):
    for frame in frames:
        if OUTER.search(frame):
            return False
        if OURS.search(frame):
            return True
    return False


def main():
    logdir = tempfile.mkdtemp(prefix="mix-it-up-lsan-")
    env = dict(os.environ)
    options = env.get("LSAN_OPTIONS", "")
    env["LSAN_OPTIONS"] = (options + ":" if options else "") + \
        f"exitcode=0:log_path={os.path.join(logdir, 'lsan')}"
    status = subprocess.call(sys.argv[1:], env=env)

    ours = []
    theirs = 0
    for path in glob.glob(os.path.join(logdir, "lsan*")):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if "ERROR: LeakSanitizer" not in text and "ERROR: " in text:
            # Not a leak report: an AddressSanitizer error, shown as it is.
            sys.stderr.write(text)
            status = status or 1
            continue
        for header, frames in leaks(text):
            if is_ours(frames):
                ours.append(header + "\n" + "\n".join(frames))
            else:
                theirs += 1
    shutil.rmtree(logdir, ignore_errors=True)

    if theirs:
        print(f"# {theirs} leak(s) made by GTK on its own, with no frame of ours: not counted",
              file=sys.stderr)
    if ours:
        print("LeakSanitizer: leaks in Mix It Up's code:\n\n" + "\n\n".join(ours), file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
