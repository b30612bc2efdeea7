#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the basic gestures, with the real pointer and
keyboard: the pointer moves to a widget's place on screen and clicks, keys
are typed through the X server, and the tests check what a person sees
(names, text, focus) and what was saved. Prints TAP."""

import json
import os
import sys
import tempfile
import time

from e2e_common import (
    App, Atspi, find_all, is_selected, page_tab, pointer_click, run_tests, shows, text_of,
    wait_for, walk, xdotool,
)


def data_home_with(files):
    """A data home whose data folder holds @files: name → document."""
    data_home = tempfile.mkdtemp(prefix="mix-e2e-")
    data_dir = os.path.join(data_home, "mix-it-up")
    os.makedirs(data_dir)
    for name, document in files.items():
        with open(os.path.join(data_dir, name), "w", encoding="utf-8") as f:
            json.dump(document, f)
    return data_home


def tracker(rows, tab="new-contacts"):
    return {"format": "mix-it-up/tracker", "version": 1, "tabs": {tab: [
        {"id": f"row-{i}", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
         "fields": fields} for i, fields in enumerate(rows)]}}


def saved(app, name="tracker.json"):
    with open(os.path.join(app.data_dir, name), encoding="utf-8") as f:
        return json.load(f)


def saved_rows(app, tab="new-contacts"):
    return [r["fields"] for r in saved(app)["tabs"][tab]]


def show_tab(window, page, tab=None):
    pointer_click(page_tab(window, page))
    wait_for(f"the {page} page", lambda: is_selected(page_tab(window, page)))
    if tab is not None:
        pointer_click(page_tab(window, tab))
        wait_for(f"the {tab} tab", lambda: is_selected(page_tab(window, tab)))


def table_row(window, name):
    """The table row whose Name cell shows @name."""
    def find():
        for label in find_all(window, role="label", name=name):
            cell = label.get_parent()
            if cell is not None and cell.get_name() == "Name":
                return cell.get_parent().get_parent()
        return None
    return wait_for(f"the row of {name}", find)


def cell(row, column):
    for i in range(row.get_child_count()):
        column_cell = row.get_child_at_index(i)
        for j in range(column_cell.get_child_count()):
            child = column_cell.get_child_at_index(j)
            if child.get_name() == column:
                return child
    raise AssertionError(f"no {column} cell")


def focused(root):
    for node in walk(root):
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
        except Exception:  # noqa: BLE001 - a node gone while walking
            continue
    return None


def quit_app(app):
    xdotool("key", "ctrl+q")
    assert app.process.wait(timeout=30) == 0, "the app did not quit cleanly"


def test_click_a_cell_and_type():
    """1. A click puts the cell cursor on the clicked cell, and typing edits
    that cell: not the row's Name."""
    app = App(data_home_with({"tracker.json": tracker([{"name": "Ada Lovelace"},
                                                       {"name": "Grace Hopper"}])}))
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Tracker", "New Contacts (2)")
        company = cell(table_row(window, "Grace Hopper"), "Company")
        pointer_click(company)
        wait_for("the focus on Grace's Company",
                 lambda: focused(window) is not None and focused(window).get_name() == "Company",
                 seen=lambda: focused(window) and focused(window).get_name())
        xdotool("type", "--delay", "30", "Acme")
        xdotool("key", "Return")
        wait_for("Acme in the table", lambda: shows(window, "Acme"))
        quit_app(app)
        rows = saved_rows(app)
        assert rows[1]["name"] == "Grace Hopper", rows
        assert rows[1]["company"] == "Acme", rows
        assert rows[0]["company"] == "", rows
    finally:
        app.cleanup()


def showing(window, role, name):
    """The widgets of @role and @name drawn on screen now."""
    found = []
    for node in find_all(window, role=role, name=name):
        try:
            states = node.get_state_set()
            box = node.get_extents(Atspi.CoordType.WINDOW)
        except Exception:  # noqa: BLE001 - gone while looking
            continue
        # GTK 4.8 says "visible" of what is hidden with its page; only what
        # is drawn has a size.
        if states.contains(Atspi.StateType.VISIBLE) and box.width > 0 and box.height > 0:
            found.append(node)
    return found


def test_presentation_mode_can_be_left():
    """2. Presentation mode shows only the timer, with a visible way out;
    Escape, F11 and that button leave it, wherever the focus was."""
    app = App(welcome_shown=False)
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        wait_for("the welcome", lambda: showing(window, "push button", "Get Started"))
        show_tab(window, "Session")
        present = wait_for("Presentation Mode",
                           lambda: showing(window, "push button", "Presentation Mode"))[0]
        pointer_click(present)
        leave = wait_for("a way out", lambda: showing(window, "push button", "Leave Presentation"))
        assert not showing(window, "push button", "Get Started"), "the welcome is on the shared screen"
        assert not showing(window, "page tab", "Session"), "the page switcher is on the shared screen"
        xdotool("key", "Escape")
        wait_for("the timer's page again", lambda: showing(window, "push button", "Start"))

        # With the pointer on the ring, nothing focused: F11 in, F11 out.
        pointer_click(wait_for("the ring", lambda: showing(window, "panel",
                                                           "Time Left in This Phase") or
                               showing(window, "progress bar", "Time Left in This Phase") or
                               find_all(window, name="Time Left in This Phase"))[0])
        xdotool("key", "F11")
        leave = wait_for("a way out", lambda: showing(window, "push button", "Leave Presentation"))
        xdotool("key", "F11")
        wait_for("the timer's page again", lambda: showing(window, "push button", "Start"))

        # And the button, with the pointer.
        xdotool("key", "F11")
        leave = wait_for("a way out", lambda: showing(window, "push button", "Leave Presentation"))
        pointer_click(leave[0])
        wait_for("the timer's page again", lambda: showing(window, "push button", "Start"))
        wait_for("the welcome back", lambda: showing(window, "push button", "Get Started"))
    finally:
        app.cleanup()


TESTS = [
    test_click_a_cell_and_type,
    test_presentation_mode_can_be_left,
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
