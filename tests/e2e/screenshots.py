#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Screenshots of every page with data, wide and narrow, light and dark,
taken the same way each time so two builds can be compared pixel by pixel
(`compare -metric AE`). Run it under a virtual display with a D-Bus
session and the accessibility bus, as `build-aux/dev screenshots OUTDIR`
does:

    MIX_IT_UP=build/src/mix-it-up screenshots.py OUTDIR

The caret does not blink and nothing is animated, the pointer stays off the
window, and the views are reached through the accessibility bus so no
control is left hovered or pressed."""

import os
import subprocess
import sys
import time

import e2e_common as common
from e2e_common import App, click, find_all, page_tab, wait_for, role_of
from test_e2e import seed_everything

SIZES = {"wide": (1280, 800), "default": (960, 720), "narrow": (360, 720)}
VIEWS = [("session", "Session", None),
         ("session-phase-2", "Session", "Next Phase"),
         ("session-phase-3", "Session", "Next Phase"),
         ("session-phase-4", "Session", "Next Phase"),
         ("session-phase-5", "Session", "Next Phase"),
         ("existing-network", "Tracker", "Existing Network"),
         ("networking-log", "Tracker", "Networking Log"),
         ("new-contacts", "Tracker", "New Contacts"),
         ("messages-write", "Messages", "Write"),
         ("messages-prepare", "Messages", "Prepare")]


def settle(seconds=1.0):
    """Lets layout and the accessibility bus catch up: only pictures wait
    for time, never a test."""
    time.sleep(seconds)


def shoot_all(outdir, size_name, scheme):
    width, height = SIZES[size_name]
    data_home = common.tempfile.mkdtemp(prefix="mix-shots-")
    data_dir = os.path.join(data_home, "mix-it-up")
    seed_everything(data_dir)
    # The draft's times are fixed, or the list would show the clock.
    messages = os.path.join(data_dir, "messages.json")
    with open(messages, encoding="utf-8") as f:
        text = f.read()
    with open(messages, "w", encoding="utf-8") as f:
        f.write(text.replace('"id":"d1",', '"id":"d1","created":"2026-11-02T09:00:00Z",'
                             '"modified":"2026-11-02T09:30:00Z",'))
    config = os.path.join(data_home, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w", encoding="utf-8") as f:
        f.write("[io/github/mixitup/MixItUp]\nwelcome-shown=true\n"
                f"window-width={width}\nwindow-height={height}\n")
    os.makedirs(os.path.join(config, "gtk-4.0"), exist_ok=True)
    with open(os.path.join(config, "gtk-4.0", "settings.ini"), "w", encoding="utf-8") as f:
        f.write("[Settings]\ngtk-cursor-blink=false\ngtk-enable-animations=false\n")
    env = {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark" if scheme == "dark" else "prefer-light"}
    app = App(data_home, env=env)
    try:
        window = app.window()
        common.xdotool("mousemove", "1900", "1400")
        for name, page, sub in VIEWS:
            click(page_tab(window, page))
            settle(0.5)
            if sub == "Next Phase":
                # Next Phase works once the circle is under way: started,
                # and paused at once so that the time stands still.
                start = find_all(window, role="push button", name="Start")
                if start:
                    click(start[0])
                    click(wait_for("Pause", lambda: find_all(window, role="push button",
                                                             name="Pause"))[0])
                    wait_for("Resume", lambda: find_all(window, role="push button", name="Resume"))
                click(wait_for(sub, lambda: find_all(window, role="push button", name=sub))[0])
            elif sub is not None:
                tab = wait_for(sub, lambda sub=sub: [
                    n for n in find_all(window)
                    if (n.get_name() or "").startswith(sub)
                    and role_of(n) in ("page tab", "radio button", "toggle button")])[0]
                click(tab)
            settle()
            out = os.path.join(outdir, f"{name}-{size_name}-{scheme}.png")
            subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+0+0",
                            "+repage", out], check=True)
            print(out, flush=True)
    finally:
        app.cleanup()


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for size_name in SIZES:
        for scheme in ("light", "dark"):
            shoot_all(outdir, size_name, scheme)


if __name__ == "__main__":
    main()
