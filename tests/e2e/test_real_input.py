#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the basic gestures, with the real pointer and
keyboard: the pointer moves to a widget's place on screen and clicks, keys
are typed through the X server, and the tests check what a person sees
(names, text, focus) and what was saved. Prints TAP."""

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from e2e_common import (
    App, Atspi, _popover_of, drawn, find_all, focused_cell, is_selected, page_tab,
    pointer_click, run_tests, screen_position, scrolled_into_view, showing, shows, text_of,
    toast_shown, wait_for, walk, xdotool, role_of, toolkit_version, is_checked,
)


def _in_popover(node):
    return _popover_of(node) is not None


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


def is_row_selected(row):
    return row.get_state_set().contains(Atspi.StateType.SELECTED)


def wait_for_selection(window, names, expected, what):
    """Waits until the rows of @names are selected as in @expected."""
    def selection():
        return [is_row_selected(table_row(window, n)) for n in names]
    wait_for(what, lambda: selection() == expected, seen=selection)


def test_delete_rows_and_undo_later():
    """3. Ctrl+A selects every row, and shows it; Delete deletes them, and
    Ctrl+Z brings them back after the toast has gone."""
    names = ["Ada Lovelace", "Grace Hopper", "Katherine Johnson"]
    app = App(data_home_with({"tracker.json": tracker([{"name": n} for n in names])}))
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Tracker", "New Contacts (3)")
        pointer_click(cell(table_row(window, "Grace Hopper"), "Company"))
        wait_for("the focus in the table",
                 lambda: focused(window) is not None and focused(window).get_name() == "Company")
        xdotool("key", "ctrl+a")
        wait_for("every row selected",
                 lambda: all(is_row_selected(table_row(window, n)) for n in names))
        xdotool("key", "Delete")
        # The tab says how many rows it has (the table's labels stay in
        # the tree, hidden, when the empty page shows).
        wait_for("the rows gone", lambda: showing(window, "page tab", "New Contacts (0)"))
        wait_for("the toast", lambda: toast_shown(window, "Deleted 3 rows"))
        wait_for("the toast gone", lambda: not toast_shown(window, "Deleted 3 rows"))
        wait_for("the rows deleted on disk", lambda: saved_rows(app) == [])

        xdotool("key", "ctrl+z")
        wait_for("the rows back", lambda: showing(window, "page tab", "New Contacts (3)") and
                 all(showing(window, "label", n) for n in names))
        wait_for("the rows back on disk",
                 lambda: [r["name"] for r in saved_rows(app)] == names,
                 seen=lambda: saved_rows(app))
        xdotool("key", "ctrl+shift+z")
        wait_for("the rows deleted again", lambda: showing(window, "page tab", "New Contacts (0)"))
        xdotool("key", "ctrl+z")
        wait_for("the rows back again", lambda: showing(window, "page tab", "New Contacts (3)"))
        # A plain click then selects the clicked row alone, as in a list.
        pointer_click(cell(table_row(window, "Ada Lovelace"), "Role"))
        wait_for_selection(window, names, [True, False, False], "only Ada's row selected")
        xdotool("key", "Down")
        wait_for_selection(window, names, [False, True, False], "only Grace's row selected")
        xdotool("keydown", "ctrl")
        pointer_click(cell(table_row(window, "Katherine Johnson"), "Role"))
        xdotool("keyup", "ctrl")
        wait_for_selection(window, names, [False, True, True], "Grace's and Katherine's rows selected")
        # Ctrl+click again takes a row out; Shift+click selects from the
        # last row chosen.
        xdotool("keydown", "ctrl")
        pointer_click(cell(table_row(window, "Katherine Johnson"), "Role"))
        xdotool("keyup", "ctrl")
        wait_for_selection(window, names, [False, True, False], "Katherine's row unselected")
        pointer_click(cell(table_row(window, "Ada Lovelace"), "Company"))
        xdotool("keydown", "shift")
        pointer_click(cell(table_row(window, "Grace Hopper"), "Role"))
        xdotool("keyup", "shift")
        wait_for_selection(window, names, [True, True, False], "Ada's and Grace's rows selected")
        # Delete removes those two only.
        xdotool("key", "Delete")
        wait_for("two rows deleted", lambda: showing(window, "page tab", "New Contacts (1)"))
        quit_app(app)
        assert [r["name"] for r in saved_rows(app)] == ["Katherine Johnson"], saved_rows(app)
    finally:
        app.cleanup()


def messages(drafts):
    return {"format": "mix-it-up/messages", "version": 1, "drafts": [
        {"id": f"d{i}", "recipient": recipient, "channel": "email", "subject": "Hi",
         "body": body, "status": "draft"} for i, (recipient, body) in enumerate(drafts)]}


def message_text(window):
    view = wait_for("the message", lambda: showing(window, "text", "Message"))[0]
    return view, text_of(view)


def draft_item(window, name):
    """The item of @name's draft in the list of drafts."""
    return wait_for(f"{name}'s draft", lambda: [
        n for n in find_all(window, contains=name)
        if role_of(n) == "list item" and n.get_extents(
            Atspi.CoordType.WINDOW).width > 0])[0]


def test_undo_in_a_message():
    """6. Ctrl+Z in a message takes back what was done to that message: a
    template that replaced it in one step, never another draft's text."""
    app = App(data_home_with({"messages.json": messages([("Ada Lovelace", "Dear Ada, thanks"),
                                                          ("Grace Hopper", "Hi Grace, hello")])}))
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Messages")

        def draft(name):
            return draft_item(window, name)

        pointer_click(draft("Ada Lovelace"))
        wait_for("Ada's message", lambda: message_text(window)[1] == "Dear Ada, thanks")
        pointer_click(draft("Grace Hopper"))
        wait_for("Grace's message", lambda: message_text(window)[1] == "Hi Grace, hello")
        pointer_click(message_text(window)[0])
        xdotool("key", "ctrl+z")
        xdotool("key", "ctrl+z")
        # Something to wait for after the keys: a letter typed at the end.
        xdotool("key", "ctrl+End")
        xdotool("type", "!")
        wait_for("Grace's message with the letter",
                 lambda: message_text(window)[1] == "Hi Grace, hello!",
                 seen=lambda: message_text(window)[1])

        templates = wait_for("Templates", lambda: [
            n for n in showing(window, "toggle button", "Templates") +
            showing(window, "push button", "Templates")])[0]
        pointer_click(templates)
        first = wait_for("a template", lambda: [
            n for n in find_all(app.application(), role="list item")
            if n.get_extents(Atspi.CoordType.WINDOW).width > 0 and
            "Coffee" in (n.get_name() or "")])[0]
        pointer_click(first)
        wait_for("the template in the message",
                 lambda: message_text(window)[1] != "Hi Grace, hello!",
                 seen=lambda: message_text(window)[1])
        pointer_click(message_text(window)[0])
        xdotool("key", "ctrl+z")
        wait_for("the message back in one step",
                 lambda: message_text(window)[1] == "Hi Grace, hello!",
                 seen=lambda: message_text(window)[1])
        quit_app(app)
        bodies = {d["recipient"]: d["body"] for d in saved(app, "messages.json")["drafts"]}
        assert bodies == {"Ada Lovelace": "Dear Ada, thanks", "Grace Hopper": "Hi Grace, hello!"}, bodies
    finally:
        app.cleanup()


def window_width(window):
    return window.get_extents(Atspi.CoordType.WINDOW).width


def in_view(window, node):
    """Whether @node is drawn inside the window, all of it across."""
    box = node.get_extents(Atspi.CoordType.WINDOW)
    # Against the window's own extents: (0, 0) on GTK 4.8, its resize
    # border outside on 4.18 (-5, -5).
    outer = window.get_extents(Atspi.CoordType.WINDOW)
    return box.width > 0 and box.x >= outer.x and box.x + box.width <= outer.x + outer.width


def many_contacts(n=40):
    return tracker([{"name": f"Person {i:02}", "company": f"Co {i}"} for i in range(n)])


def test_focus_stays_in_view():
    """4. Tab through a row reaches columns out of view: the table scrolls
    to each, and a list opened there with Enter is on screen and works."""
    app = App(data_home_with({"tracker.json": many_contacts()}))
    try:
        window = app.window()
        show_tab(window, "Tracker", "New Contacts (40)")
        pointer_click(cell(table_row(window, "Person 00"), "Name"))
        wait_for("the Name cell focused", lambda: focused_cell(window) == ("Name", "Person 00"),
                 seen=lambda: focused_cell(window))
        seen = []
        while True:
            xdotool("key", "Tab")
            wait_for("the focus to move on",
                     lambda: focused(window) is not None and
                     focused(window).get_name() != (seen[-1] if seen else "Name"))
            node = focused(window)
            name = node.get_name()
            if name == "Name":
                break
            wait_for(f"the {name} cell in view", lambda: in_view(window, focused(window)),
                     seen=lambda: (focused(window).get_extents(Atspi.CoordType.WINDOW).x,
                                   window_width(window)))
            seen.append(name)
            if name == "Status":
                xdotool("key", "Return")
                choice = wait_for("the status list", lambda: next(
                    (n for n in find_all(window, name="Messaged") if _in_popover(n)), None))
                x, y = screen_position(choice)
                assert 0 <= x < window_width(window), f"the list is off screen at x={x}"
                pointer_click(choice)
                wait_for("Messaged shown", lambda: shows(window, "Messaged"))
                xdotool("key", "Tab")
                break
        assert "Research Notes" in seen and "Status" in seen, seen
        quit_app(app)
        assert saved_rows(app)[0].get("status") == "messaged", saved_rows(app)[0]
    finally:
        app.cleanup()


def editing_entry(window):
    """The focused cell entry and its text, once it is drawn in view."""
    node = focused(window)
    if node is None or role_of(node) != "text" or not in_view(window, node):
        return None
    box = node.get_extents(Atspi.CoordType.WINDOW)
    outer = window.get_extents(Atspi.CoordType.WINDOW)
    if box.y + box.height > outer.y + outer.height:
        return None
    return node.get_name(), text_of(node)


def test_add_row_in_a_long_tab():
    """5. Add Row and Ctrl+N in a tab long enough to scroll: the new row is
    scrolled to and its Name is being edited, and what is typed is saved."""
    app = App(data_home_with({"tracker.json": many_contacts()}))
    try:
        window = app.window()
        show_tab(window, "Tracker", "New Contacts (40)")
        button = wait_for("the Add Row button", lambda: next(
            (n for n in find_all(window, role="push button", name="Add Row")
             if in_view(window, n)), None))
        pointer_click(button)
        wait_for("the new row's Name being edited", lambda: editing_entry(window) == ("Name", ""),
                 seen=lambda: editing_entry(window))
        xdotool("type", "Zed")
        xdotool("key", "Return")
        wait_for("Zed kept", lambda: focused_cell(window) == ("Name", "Zed"),
                 seen=lambda: focused_cell(window))
        xdotool("key", "ctrl+n")
        wait_for("the next new row's Name being edited",
                 lambda: editing_entry(window) == ("Name", ""), seen=lambda: editing_entry(window))
        xdotool("type", "Yan")
        xdotool("key", "Return")
        wait_for("Yan kept", lambda: focused_cell(window) == ("Name", "Yan"),
                 seen=lambda: focused_cell(window))
        # Ctrl+Z on a new row's empty Name takes the row back out, with the
        # focus in it: the window goes on.
        xdotool("key", "ctrl+n")
        wait_for("a third new row being edited",
                 lambda: editing_entry(window) == ("Name", ""), seen=lambda: editing_entry(window))
        wait_for("43 rows", lambda: showing(window, "page tab", "New Contacts (43)"))
        xdotool("key", "Escape")
        wait_for("the cell, not its entry", lambda: focused_cell(window) == ("Name", ""),
                 seen=lambda: focused_cell(window))
        xdotool("key", "ctrl+z")
        wait_for("the row taken back", lambda: showing(window, "page tab", "New Contacts (42)"))
        xdotool("key", "Down")
        quit_app(app)
        names = [r.get("name", "") for r in saved_rows(app)]
        assert names[-3:] == ["Person 39", "Zed", "Yan"] and len(names) == 42, names[-5:]
    finally:
        app.cleanup()


def test_ctrl_enter_in_a_message():
    """7. Ctrl+Enter in the message marks it sent, as the shortcuts window
    says, instead of putting in a new line."""
    app = App(data_home_with({"messages.json": messages([("Ada Lovelace", "Dear Ada, thanks")])}))
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Messages")
        pointer_click(draft_item(window, "Ada Lovelace"))
        wait_for("Ada's message", lambda: message_text(window)[1] == "Dear Ada, thanks")
        pointer_click(message_text(window)[0])
        xdotool("key", "ctrl+End")
        xdotool("type", " again")
        xdotool("key", "ctrl+Return")
        wait_for("the message marked sent",
                 lambda: showing(window, "push button", "Mark as Not Sent") or
                 showing(window, "toggle button", "Mark as Not Sent"))
        assert message_text(window)[1] == "Dear Ada, thanks again", message_text(window)[1]
        quit_app(app)
        draft = saved(app, "messages.json")["drafts"][0]
        assert draft["status"] == "sent" and draft["body"] == "Dear Ada, thanks again", draft
    finally:
        app.cleanup()


def test_type_right_after_double_click():
    """7. Typing at once after a double-click on a cell goes into that cell,
    every letter of it."""
    app = App(data_home_with({"tracker.json": many_contacts(8)}))
    try:
        window = app.window()
        show_tab(window, "Tracker", "New Contacts (8)")
        for i in range(6):
            x, y = screen_position(cell(table_row(window, f"Person {i:02}"), "Role"))
            xdotool("mousemove", str(x), str(y))
            xdotool("click", "--repeat", "2", "--delay", "80", "1")
            xdotool("type", "--delay", "12", f"Engineer {i}")
            xdotool("key", "Return")
            wait_for(f"Engineer {i} kept", lambda: shows(window, f"Engineer {i}"))
        quit_app(app)
        roles = [r.get("role", "") for r in saved_rows(app)]
        assert roles[:6] == [f"Engineer {i}" for i in range(6)] and roles[6:] == ["", ""], roles
    finally:
        app.cleanup()


def test_wrong_values_kept_and_search_folds_accents():
    """8. An address that is not one is kept as typed, marked and said to be
    wrong; a date that is not one stays in its cell to be fixed; search finds
    names without their accents."""
    app = App(data_home_with({"tracker.json": tracker([
        {"name": "Zoë Ångström"}, {"name": "José Martí"}, {"name": "Grace Hopper"}])}))
    try:
        window = app.window()
        show_tab(window, "Tracker", "New Contacts (3)")
        pointer_click(cell(table_row(window, "Grace Hopper"), "Email"))
        xdotool("type", "grace@navy")
        xdotool("key", "Return")
        wait_for("the address kept and marked", lambda: "not an email address" in (
            cell(table_row(window, "Grace Hopper"), "Email").get_description() or ""),
            seen=lambda: cell(table_row(window, "Grace Hopper"), "Email").get_description())
        assert shows(window, "grace@navy")

        # Contacted On is out of view to the right: the arrows go there.
        for _ in range(4):
            xdotool("key", "Right")
        wait_for("the Contacted On cell", lambda: (focused_cell(window) or ("",))[0] ==
                 "Contacted On", seen=lambda: focused_cell(window))
        xdotool("type", "31/31/2026")
        xdotool("key", "Return")
        # Still being edited, as typed, with what is wrong said.
        wait_for("the date kept in its cell", lambda: editing_entry(window) is not None and
                 text_of(focused(window)) == "31/31/2026" and
                 "not a date" in (focused(window).get_description() or ""),
                 seen=lambda: (editing_entry(window), focused(window).get_description()))
        xdotool("key", "ctrl+a")
        xdotool("type", "2026-03-05")
        xdotool("key", "Return")
        wait_for("the date taken", lambda: shows(window, "2026-03-05") or
                 shows(window, "Mar 5, 2026") or focused_cell(window)[0] == "Contacted On" and
                 focused_cell(window)[1] != "")

        # Typed at once after Ctrl+F, as fast as a hand can: every letter counts.
        xdotool("key", "--delay", "0", "ctrl+f", *"angstrom")
        wait_for("the search typed", lambda: text_of(focused(window)) == "angstrom",
                 seen=lambda: focused(window) and text_of(focused(window)))
        wait_for("only Zoë found", lambda: showing(window, "page tab", "New Contacts (1 of 3)") or
                 (table_row_shown(window, "Zoë Ångström") and
                  not table_row_shown(window, "Grace Hopper")))
        xdotool("key", "ctrl+a")
        xdotool("type", "jose")
        wait_for("only José found", lambda: table_row_shown(window, "José Martí") and
                 not table_row_shown(window, "Zoë Ångström"))
        quit_app(app)
        rows = {r["name"]: r for r in saved_rows(app)}
        assert rows["Grace Hopper"].get("email") == "grace@navy", rows["Grace Hopper"]
        assert rows["Grace Hopper"].get("contacted_on") == "2026-03-05", rows["Grace Hopper"]
    finally:
        app.cleanup()


def table_row_shown(window, name):
    """Whether the row of @name is drawn in the table now."""
    for label in find_all(window, role="label", name=name):
        parent = label.get_parent()
        if parent is not None and parent.get_name() == "Name":
            box = label.get_extents(Atspi.CoordType.WINDOW)
            if box.width > 0 and box.height > 0:
                return True
    return False


def roster_names(app):
    """Who is on the roster of the circle in progress, as saved."""
    current = saved(app, "sessions.json").get("current") or {}
    return [p["name"] for p in current.get("roster", [])]


def name_field(window):
    """The Name field of the roster's form, when it is drawn in view."""
    for node in find_all(window, role="text", name="Name"):
        box = node.get_extents(Atspi.CoordType.WINDOW)
        if box.width > 0 and box.y >= 0 and \
                box.y + box.height <= window.get_extents(Atspi.CoordType.WINDOW).height:
            return node
    return None


def test_roster_under_the_hands():
    """9. The roster: adding several people keeps the form open where it is,
    a person can be edited and removed with Undo, and the roster is there in
    every phase."""
    app = App()
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Session")
        # The roster is below the timer: the wheel scrolls down to it.
        xdotool("mousemove", "480", "500")

        def scrolled_to_field():
            if name_field(window) is None:
                xdotool("click", "5")
            return name_field(window)
        field = wait_for("the Name field", scrolled_to_field)
        pointer_click(field)
        for name in ["Ada", "Grace", "Lin"]:
            xdotool("type", name)
            xdotool("key", "Return")
            # The form stays open and in view, empty, with the focus in
            # Name (GTK 4.8 does not tell AT-SPI of the focus in an entry
            # row: the next name typed shows it).
            wait_for(f"{name} on the roster, and the form ready",
                     lambda: showing(window, "push button", f"Remove {name}") and
                     name_field(window) is not None and text_of(name_field(window)) == "",
                     seen=lambda: name_field(window))
        edit = wait_for("Edit Ada", lambda: showing(window, "push button", "Edit Ada"))[0]
        pointer_click(edit)
        wait_for("Ada in the form", lambda: name_field(window) is not None and
                 text_of(name_field(window)) == "Ada",
                 seen=lambda: name_field(window) and text_of(name_field(window)))
        xdotool("key", "ctrl+a")
        xdotool("type", "Ada Lovelace")
        xdotool("key", "Return")
        wait_for("Ada's name changed", lambda: shows(window, "Ada Lovelace"))
        remove = wait_for("Remove Grace", lambda: showing(window, "push button", "Remove Grace"))[0]
        pointer_click(remove)
        wait_for("Grace removed", lambda: not showing(window, "push button", "Remove Grace"))
        xdotool("key", "ctrl+z")
        wait_for("Grace back", lambda: showing(window, "push button", "Remove Grace"))
        # The next phase keeps the roster in view.
        xdotool("key", "ctrl+Right")
        wait_for("the roster in the next phase",
                 lambda: showing(window, "push button", "Remove Lin"))
        quit_app(app)
        assert roster_names(app) == ["Ada Lovelace", "Grace", "Lin"], roster_names(app)
    finally:
        app.cleanup()


def test_circle_says_why_and_asks():
    """10. A third leader question is refused with the reason; Reset asks
    whether to keep the roster, and clearing it can be undone."""
    app = App()
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Session")
        xdotool("mousemove", "480", "500")
        pointer_click(scrolled_into_view(
            window, "the Name field", lambda: [name_field(window)] if name_field(window) else []))
        xdotool("type", "Ada")
        xdotool("key", "Return")
        wait_for("Ada on the roster", lambda: showing(window, "push button", "Remove Ada"))
        # Back up to the timer: Start, then Next Phase, with the pointer.
        xdotool("mousemove", "480", "400")
        for _ in range(15):
            xdotool("click", "4")
        pointer_click(wait_for("Start", lambda: showing(window, "push button", "Start") or
                               showing(window, "toggle button", "Start"))[0])
        wait_for("the circle going", lambda: showing(window, "push button", "Pause") or
                 showing(window, "toggle button", "Pause"))
        pointer_click(wait_for("Next Phase",
                               lambda: showing(window, "push button", "Next Phase"))[0])
        wait_for("Leaders Share", lambda: shows(window, "Leaders Share"))
        xdotool("mousemove", "480", "500")
        checks = []
        for question in ["How have you been successful", "What is your process",
                         "What’s been challenging"]:
            box = scrolled_into_view(window, question, lambda q=question: [
                n for n in find_all(window, role="check box") if q in (n.get_name() or "")])
            checks.append(box)
            pointer_click(box)
        wait_for("the reason said", lambda: shows(
            window, "The leader chooses one or two questions: clear one to choose this one."))
        assert [c.get_state_set().contains(Atspi.StateType.CHECKED) for c in checks] == \
            [True, True, False]

        xdotool("key", "ctrl+r")
        clear = wait_for("Reset's question", lambda: next(
            (n for n in find_all(app.application(), role="push button", name="Clear the Roster")
             if n.get_extents(Atspi.CoordType.WINDOW).width > 0), None),
            seen=lambda: [(role_of(n), n.get_name()) for n in find_all(app.application())
                          if "oster" in (n.get_name() or "") or "Reset" in (n.get_name() or "")])
        pointer_click(clear)
        wait_for("the roster cleared", lambda: not showing(window, "push button", "Remove Ada"))
        xdotool("key", "ctrl+z")
        wait_for("Ada back", lambda: find_all(window, role="push button", name="Remove Ada"))
        quit_app(app)
        assert roster_names(app) == ["Ada"], roster_names(app)
    finally:
        app.cleanup()


CLASS_NAME = re.compile(r"^(Gtk|Adw|Mix)[A-Z]\w+$")


def test_rows_and_lists_have_names():
    """11. A screen reader hears each table row as the person's name and
    each list as what it lists, never as a GTK class, on every page."""
    app = App(data_home_with({"tracker.json": many_contacts(3),
                              "messages.json": messages([("Person 00", "Hi")])}))
    try:
        window = app.window()
        for page, tab in [("Session", None), ("Tracker", "New Contacts (3)"), ("Messages", None)]:
            show_tab(window, page, tab)

            def unnamed():
                found = []
                for node in walk(window):
                    try:
                        if role_of(node) in ("list", "list box", "list item", "table row",
                                                    "table", "tree table", "page tab list") and \
                                CLASS_NAME.match(node.get_name() or "") and \
                                node.get_extents(Atspi.CoordType.WINDOW).width > 0:
                            found.append((role_of(node), node.get_name()))
                    except Exception:  # noqa: BLE001 - gone while walking
                        continue
                return found
            wait_for(f"every list on the {page} page named", lambda: not unnamed(),
                     seen=unnamed)
            if page == "Tracker":
                # GTK 4.18 gives the table's rows as children of more than
                # one node: each row is counted once, where it is drawn.
                rows = []
                for n in find_all(window, role="table row"):
                    box = n.get_extents(Atspi.CoordType.WINDOW)
                    if box.width > 0 and (n.get_name(), box.x, box.y) not in rows:
                        rows.append((n.get_name(), box.x, box.y))
                rows = [name for name, _, _ in rows]
                assert rows == ["Column Titles", "Person 00", "Person 01", "Person 02"], rows
    finally:
        app.cleanup()


def help_home(viewer):
    """A data home where help: opens @viewer's command, or nothing at all
    (@viewer None: as on a system without GNOME Help)."""
    data_home = data_home_with({})
    config = os.path.join(data_home, "config")
    os.makedirs(os.path.join(data_home, "applications"))
    os.makedirs(config)
    with open(os.path.join(config, "mimeapps.list"), "w", encoding="utf-8") as f:
        f.write("[Removed Associations]\nx-scheme-handler/help=yelp.desktop\n")
        if viewer is not None:
            f.write("[Default Applications]\nx-scheme-handler/help=test-help.desktop\n")
    if viewer is not None:
        with open(os.path.join(data_home, "applications", "test-help.desktop"), "w",
                  encoding="utf-8") as f:
            f.write("[Desktop Entry]\nType=Application\nName=Test Help\n"
                    f"Exec={viewer} %u\nMimeType=x-scheme-handler/help;\n")
    return data_home


def test_help_on_f1_and_in_the_menu():
    """12. F1 and Help in the menu open help:mix-it-up in the help viewer;
    without one, a message says so and where the pages are."""
    marker = tempfile.mktemp(prefix="mix-help-")
    viewer = tempfile.mktemp(prefix="mix-viewer-")
    with open(viewer, "w", encoding="utf-8") as f:
        f.write(f"#!/bin/sh\necho \"$1\" >> {marker}\n")
    os.chmod(viewer, 0o755)
    app = App(help_home(viewer))
    try:
        app.window()
        xdotool("mousemove", "300", "300")
        xdotool("click", "1")
        xdotool("key", "F1")
        wait_for("the help viewer opened", lambda: os.path.exists(marker))
        # The main menu, from the keyboard: F10, then Help's mnemonic.
        xdotool("key", "F10")
        # GTK 4.18 gives the menu's items no names: the menu itself is
        # looked for there (the mnemonic below is what is tested).
        wait_for("the main menu open", lambda: next(
            (n for n in find_all(app.application(), name="Help") +
             find_all(app.application(), role="menu", name="Main Menu")
             if n.get_extents(Atspi.CoordType.WINDOW).width > 0), None))
        xdotool("key", "h")
        wait_for("the help viewer opened again", lambda: open(marker).read().count("help:") == 2)
        assert open(marker).read().split() == ["help:mix-it-up", "help:mix-it-up"]
        quit_app(app)
    finally:
        app.cleanup()
        for path in (marker, viewer):
            if os.path.exists(path):
                os.unlink(path)

    app = App(help_home(None))
    try:
        app.window()  # shown: the keys go to it
        xdotool("mousemove", "300", "300")
        xdotool("click", "1")
        xdotool("key", "F1")
        wait_for("the message", lambda: find_all(app.application(), role="dialog",
                                                 name="No Help Viewer") or
                 find_all(app.application(), name="No Help Viewer"))
        assert any("/help/C/mix-it-up" in (n.get_name() or "")
                   for n in find_all(app.application(), role="label")), "no folder said"
    finally:
        app.cleanup()


def test_log_a_conversation_once():
    """10. Log This Conversation, clicked again, brings the same Networking
    Log row up to date instead of adding another."""
    contact = {"name": "Sam Rivera", "company": "Pied Piper"}
    drafts = messages([("Sam Rivera", "Hi Sam")])
    drafts["drafts"][0]["contact_id"] = "row-0"
    app = App(data_home_with({"tracker.json": tracker([contact]), "messages.json": drafts}))
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Messages")
        pointer_click(draft_item(window, "Sam Rivera"))
        wait_for("Sam's message", lambda: message_text(window)[1] == "Hi Sam")
        pointer_click(wait_for("Prepare", lambda: showing(window, "page tab", "Prepare"))[0])
        xdotool("mousemove", "600", "500")
        log = scrolled_into_view(window, "Log This Conversation", lambda: find_all(
            window, role="push button", name="Log This Conversation"))
        pointer_click(log)
        wait_for("the conversation logged", lambda: shows(
            window, "Conversation with Sam Rivera added to your Networking Log"))
        pointer_click(log)
        wait_for("the log brought up to date", lambda: shows(
            window, "Conversation with Sam Rivera updated in your Networking Log"))
        quit_app(app)
        logged = saved_rows(app, "networking-log")
        assert [r.get("name") for r in logged] == ["Sam Rivera"], logged
    finally:
        app.cleanup()


def test_roster_drop_down_keeps_the_page():
    """9. Choosing a value from a drop-down of the roster's form leaves the
    page where it was, so the next click lands where the person aims."""
    app = App()
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Session")
        xdotool("mousemove", "480", "500")
        program = scrolled_into_view(window, "the Program drop-down", lambda: find_all(
            window, role="combo box", name="Program"))
        cohort = wait_for("the Cohort field", lambda: next(
            iter(find_all(window, role="text", name="Cohort")), None))
        # The wheel's scrolling eases out: the page is read once it is still.
        seen = []

        def still():
            seen.append(cohort.get_extents(Atspi.CoordType.WINDOW).y)
            return len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]
        wait_for("the page still", still, seen=lambda: seen[-3:])
        before = seen[-1]
        pointer_click(program)
        choice = wait_for("Back-End offered", lambda: next(
            (n for n in find_all(app.application(), name="Back-End")
             if role_of(n) != "combo box" and
             n.get_extents(Atspi.CoordType.WINDOW).height > 0), None))
        pointer_click(choice)
        wait_for("Back-End chosen", lambda: any(
            "Back-End" in (text_of(n) or "") or shows(window, "Back-End")
            for n in find_all(window, role="combo box", name="Program")))
        assert cohort.get_extents(Atspi.CoordType.WINDOW).y == before, \
            (before, cohort.get_extents(Atspi.CoordType.WINDOW).y)
    finally:
        app.cleanup()


def circle_of(names, leader):
    """sessions.json with a circle in progress, not started, of @names."""
    return {"format": "mix-it-up/sessions", "version": 1, "sessions": [], "goals": [],
            "current": {"id": "circle-1", "started": "2026-12-01T17:00:00Z",
                        "modified": "2026-12-01T17:00:00Z", "leader_questions": [],
                        "topic": None, "notes": {}, "goal": {"text": "", "due": None, "buddy": ""},
                        "roster": [{"name": n, "pronouns": "", "program": "", "cohort": "",
                                    "module": 0, "confidence": 0, "leader": n == leader}
                                   for n in names]}}


def ring_says(window, text):
    return drawn(find_all(window, role="label", contains=text))


def menu_items(app, name):
    """The items called @name of the menu open now. GTK 4.8 says a menu's
    items are visible; GTK 4.18 may not: an item with a size is taken."""
    found = []
    for node in find_all(app.application(), role="menu item", name=name):
        try:
            box = node.get_extents(Atspi.CoordType.WINDOW)
        except Exception:  # noqa: BLE001 - gone while looking
            continue
        if box.width > 0 and box.height > 0:
            found.append(node)
    return found


def start_circle(app):
    """The Session page of @app, its circle started with the pointer on
    Start; returns the window."""
    window = app.window()
    xdotool("mousemove", "300", "300")
    show_tab(window, "Session")
    pointer_click(wait_for("Start", lambda: showing(window, "push button", "Start"))[0])
    wait_for("the circle going", lambda: showing(window, "push button", "Pause"))
    return window


def test_circle_of_four_takes_turns():
    """16. A circle of four: Start with the pointer, equal turns from the
    first speaker (the facilitator last), Ctrl+Down and the Next Speaker
    button move on, presentation mode shows who speaks now and next and
    takes Ctrl+Down, Space and Escape; each person's airtime is saved."""
    names = ["Priya Raman", "Sam Rivera", "Ana Souza", "Lee Chen"]
    app = App(data_home_with({"sessions.json": circle_of(names, "Priya Raman")}),
              welcome_shown=False)
    try:
        window = start_circle(app)
        wait_for("Sam speaking first", lambda: ring_says(window, "Sam Rivera: "))

        # Ctrl+Down, with the focus on the timer's button.
        xdotool("key", "ctrl+Down")
        wait_for("Ana speaking", lambda: ring_says(window, "Ana Souza: "))

        # The Next Speaker button, with the pointer, in the Turns list.
        pointer = scrolled_into_view(window, "Next Speaker",
                                     lambda: showing(window, "push button", "Next Speaker"))
        pointer_click(pointer)
        wait_for("Lee speaking", lambda: ring_says(window, "Lee Chen: "))

        xdotool("key", "F11")
        wait_for("a way out", lambda: showing(window, "push button", "Leave Presentation"))
        wait_for("who speaks next, on the shared screen",
                 lambda: showing(window, "label", "Then Priya Raman"))
        assert ring_says(window, "Lee Chen: "), "who speaks is not on the shared screen"
        assert ring_says(window, "Names · Pronouns"), "the prompts are not on the shared screen"
        xdotool("key", "ctrl+Down")
        wait_for("Priya, the facilitator, last",
                 lambda: showing(window, "label", "The last to speak"))
        assert ring_says(window, "Priya Raman: ")
        xdotool("key", "space")
        wait_for("the pause saved",
                 lambda: saved(app, "sessions.json")["current"]["timer"]["state"] == "paused")
        xdotool("key", "Escape")
        wait_for("the timer's page, paused", lambda: showing(window, "push button", "Resume"))

        turns = saved(app, "sessions.json")["current"]["timer"]["turns"]
        assert turns["speakers"] == ["Sam Rivera", "Ana Souza", "Lee Chen", "Priya Raman"], turns
        assert turns["speaker"] == 3, turns
        assert all(t > 0 for t in turns["airtime"][:3]), f"airtime not kept: {turns}"
        quit_app(app)
    finally:
        app.cleanup()


def goal_field(window, title):
    """The field @title of the goal opened in Close Out (only one is open:
    the others' fields are not drawn), turning the wheel under the pointer
    until it is in the window's view (the pointer over the page, away from
    where a toast shows)."""
    xdotool("mousemove", "480", "300")
    return scrolled_into_view(window, title,
                              lambda: find_all(window, role="text", name=title))


def goal_header(window, person):
    """The name of @person at the head of their goal's row in Close Out:
    the label of their name with "No goal yet" just under it (the roster's
    rows say something else)."""
    notes = showing(window, "label", "No goal yet")
    for label in showing(window, "label", person):
        y = label.get_extents(Atspi.CoordType.WINDOW).y
        if any(0 < n.get_extents(Atspi.CoordType.WINDOW).y - y < 30 for n in notes):
            return [label]
    return []


def test_each_person_sets_a_goal():
    """17. Close Out: each person's goal, opened with the pointer on their
    name, typed, a date that is not one refused with the reason, a buddy
    picked from the group in the row's menu; saved with the person, and
    after Finish listed by whose it is."""
    names = ["Priya Raman", "Sam Rivera", "Ana Souza"]
    app = App(data_home_with({"sessions.json": circle_of(names, "Priya Raman")}),
              welcome_shown=False)
    try:
        window = start_circle(app)
        # On to Close Out, from the keyboard.
        for _ in range(3):
            xdotool("key", "ctrl+Right")
        wait_for("a row for each person in Close Out",
                 lambda: len(showing(window, "label", "No goal yet")) == 3)

        # Sam's row, opened with the pointer on his name.
        xdotool("mousemove", "480", "400")
        header = scrolled_into_view(window, "Sam's row", lambda: goal_header(window, "Sam Rivera"))
        pointer_click(header)
        pointer_click(goal_field(window, "Networking Goal"))
        xdotool("type", "Ask one question in #jobs")
        wait_for("the goal under his name",
                 lambda: showing(window, "label", "Ask one question in #jobs"))

        # The date, typed wrong first: said why, and not kept.
        pointer_click(goal_field(window, "By When (YYYY-MM-DD)"))
        xdotool("type", "next Friday")
        xdotool("key", "Return")
        wait_for("why the date is refused", lambda: toast_shown(window, "is not a date"))
        xdotool("key", "ctrl+a")
        xdotool("type", "2026-12-05")
        xdotool("key", "Return")
        wait_for("the date under his name",
                 lambda: showing(window, "label", "Ask one question in #jobs · by 2026-12-05"))

        # A buddy from the group, in the row's menu.
        buddy = goal_field(window, "Accountability Buddy")
        newer = toolkit_version(window) >= (4, 10)
        if not newer:
            # GTK 4.18's menus here do not show their items to AT-SPI; the
            # buddy is picked on GTK 4.8 only.
            pick = [b for b in drawn(find_all(window, role="push button",
                                              name="Pick Someone From the Group"))
                    if abs(b.get_extents(Atspi.CoordType.WINDOW).y -
                           buddy.get_extents(Atspi.CoordType.WINDOW).y) < 40]
            assert pick, "no menu to pick Sam's buddy from"
            pointer_click(pick[0])
            item = wait_for("the group in the menu", lambda: menu_items(app, "Ana Souza"))
            assert menu_items(app, "Priya Raman"), "Priya is not offered"
            assert not find_all(app.application(), role="menu item", name="Sam Rivera"), \
                "Sam is offered as his own buddy"
            # In the menu, as from the keyboard: down to Ana, Return. (GTK 4.8
            # places a menu's items as if inside its button, in a window of its
            # own with a shadow, so the pointer is not aimed at them here.)
            def ana_focused():
                states = item[0].get_state_set()
                if states.contains(Atspi.StateType.FOCUSED) or states.contains(Atspi.StateType.SELECTED):
                    return True
                xdotool("key", "Down")
                return False
            wait_for("Ana picked out in the menu", ana_focused)
            xdotool("key", "Return")
            wait_for("Ana as his buddy", lambda: showing(window, "label",
                                                         "Ask one question in #jobs · by 2026-12-05 · buddy: Ana Souza"))

        def sams():
            current = saved(app, "sessions.json").get("current") or {}
            people = [p for p in current.get("roster", []) if p["name"] == "Sam Rivera"]
            return people[0] if people else {}
        wait_for("Sam's goal saved",
                 lambda: (sams().get("goal"), sams().get("goal_due"), sams().get("buddy")) ==
                 ("Ask one question in #jobs", "2026-12-05", "" if newer else "Ana Souza"),
                 seen=sams)

        xdotool("mousemove", "480", "300")
        finish = scrolled_into_view(window, "Finish Session",
                                    lambda: find_all(window, role="push button", name="Finish Session"))
        pointer_click(finish)
        wait_for("the goal among the past ones, by whose it is",
                 lambda: shows(window, "Sam Rivera: Ask one question in #jobs"))
        wait_for("the goal saved with whose it is",
                 lambda: [g for g in saved(app, "sessions.json").get("goals", [])
                          if g.get("person") == "Sam Rivera" and
                          g.get("buddy") == ("" if newer else "Ana Souza")])
        quit_app(app)
    finally:
        app.cleanup()


def due_today_tracker():
    """tracker.json with, on the real today: a conversation yesterday not
    thanked, a New Contact messaged three weeks ago with no reply, and a
    mentor last in touch forty days ago, to keep in touch with monthly."""
    today = datetime.date.today()

    def row(i, fields):
        return {"id": f"row-{i}", "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z", "fields": fields}
    return {"format": "mix-it-up/tracker", "version": 1, "tabs": {
        "networking-log": [row(1, {"date": str(today - datetime.timedelta(days=1)),
                                   "name": "Ana Souza", "company": "Globex",
                                   "thank_you_sent": False})],
        "new-contacts": [row(2, {"name": "Sam Rivera", "company": "Hooli", "status": "messaged",
                                 "contacted_on": str(today - datetime.timedelta(days=21))})],
        "existing-network": [row(3, {"name": "Kim Nguyen", "keep_in_touch": "month",
                                     "last_contact": str(today - datetime.timedelta(days=40))})],
    }}


def test_today_acts_on_the_tracker():
    """18. Today, with the pointer: what is due is listed; Thank-You Sent
    marks the conversation in the tracker and Ctrl+Z takes it back; a
    snooze from the row's menu is kept in the row and takes it off."""
    app = App(data_home_with({"tracker.json": due_today_tracker()}), welcome_shown=False)
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Today")
        for said in ["Thank Ana Souza for the conversation", "Follow up once with Sam Rivera",
                     "Keep in touch with Kim Nguyen"]:
            wait_for(said, lambda: showing(window, "label", said))

        def thanked():
            return saved_rows(app, "networking-log")[0].get("thank_you_sent")
        pointer_click(wait_for("Thank-You Sent",
                               lambda: showing(window, "push button", "Thank-You Sent"))[0])
        wait_for("the thank-you saved in the tracker", lambda: thanked() is True, seen=thanked)
        wait_for("Ana off the list",
                 lambda: not showing(window, "label", "Thank Ana Souza for the conversation"))
        xdotool("key", "ctrl+z")
        wait_for("the thank-you taken back", lambda: thanked() is False, seen=thanked)
        wait_for("Ana back on the list",
                 lambda: showing(window, "label", "Thank Ana Souza for the conversation"))

        if toolkit_version(window) < (4, 10):
            # GTK 4.18's menus here do not show their items to AT-SPI.
            # Sam's row's Snooze menu, then a day, from the keyboard.
            title = showing(window, "label", "Follow up once with Sam Rivera")[0]
            row_y = title.get_extents(Atspi.CoordType.WINDOW).y
            snooze = [b for b in showing(window, "push button", "Snooze")
                      if abs(b.get_extents(Atspi.CoordType.WINDOW).y - row_y) < 30]
            assert snooze, "no Snooze button in Sam's row"
            pointer_click(snooze[0])
            item = wait_for("Snooze for a Day", lambda: menu_items(app, "Snooze for a Day"))

            def picked():
                states = item[0].get_state_set()
                if states.contains(Atspi.StateType.FOCUSED) or states.contains(Atspi.StateType.SELECTED):
                    return True
                xdotool("key", "Down")
                return False
            wait_for("Snooze for a Day picked out", picked)
            xdotool("key", "Return")

            def sams_marks():
                return saved_rows(app, "new-contacts") and saved(app)["tabs"]["new-contacts"][0].get("marks")
            tomorrow = str(datetime.date.today() + datetime.timedelta(days=1))
            wait_for("the snooze kept in Sam's row",
                     lambda: any(v == f"until:{tomorrow}" for v in (sams_marks() or {}).values()),
                     seen=sams_marks)
            wait_for("Sam off the list",
                     lambda: not showing(window, "label", "Follow up once with Sam Rivera"))
        quit_app(app)
    finally:
        app.cleanup()


class Notifications:
    """The tests' notification server (fake_notifications.py): what the
    app sent, as a shell would have shown it."""

    def __init__(self, where):
        self.log = os.path.join(where, "notifications.jsonl")
        ready = os.path.join(where, "notifications.ready")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "fake_notifications.py"), self.log, ready])
        wait_for("the notification server", lambda: os.path.exists(ready))

    def sent(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def activate_action(action):
    """What the shell does for a notification's button: the app's action,
    over D-Bus."""
    subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.mixitup.MixItUp",
                    "--object-path", "/io/github/mixitup/MixItUp", "--method",
                    "org.freedesktop.Application.ActivateAction", action, "[]", "{}"],
                   check=True, capture_output=True, timeout=30)


def test_reminders_reach_you():
    """19. At start a notification says what is due, with Show, which brings
    up Today; "Remind Me at Login", clicked in Preferences, writes the
    autostart entry that starts the app with --background, and clicked
    again takes it away."""
    data_home = data_home_with({"tracker.json": due_today_tracker()})
    notifications = Notifications(data_home)
    app = App(data_home)
    autostart = os.path.join(data_home, "config", "autostart", "io.github.mixitup.MixItUp.desktop")
    try:
        window = app.window()
        sent = wait_for("the reminder", notifications.sent)
        note = sent[0]["notification"]
        assert sent[0]["id"] == "today", sent
        assert note["title"] == "3 follow-ups due today", note
        assert "Follow up once with Sam Rivera" in note["body"], note
        assert note["default-action"] == "app.show-today", note
        assert [b["label"] for b in note["buttons"]] == ["Show"], note

        xdotool("mousemove", "300", "300")
        show_tab(window, "Tracker")
        activate_action("show-today")
        wait_for("Today, from the notification's Show", lambda: is_selected(page_tab(window, "Today")))
        wait_for("the list", lambda: showing(window, "label", "Follow up once with Sam Rivera"))

        # Preferences, with the keyboard; the switch with the pointer.
        xdotool("key", "ctrl+comma")

        pointer_click(wait_for("Remind Me at Login", lambda: login_switch_of(app))[0])

        def entry():
            if not os.path.exists(autostart):
                return None
            with open(autostart, encoding="utf-8") as f:
                return f.read()
        text = wait_for("the autostart entry", entry)
        assert "Exec=" in text and "--background" in text, text
        assert "NoDisplay=true" in text, text
        pointer_click(login_switch_of(app)[0])
        wait_for("the autostart entry removed", lambda: not os.path.exists(autostart))
        close_preferences(app)
        xdotool("mousemove", "300", "300")
        quit_app(app)
    finally:
        app.cleanup()
        notifications.stop()


def close_preferences(app):
    """Preferences' own close button, with the pointer."""
    def close_button():
        for frame in find_all(app.application(), role="frame", name="Preferences"):
            found = drawn(find_all(frame, role="push button", name="Close"))
            if found:
                return found
        return None
    pointer_click(wait_for("Preferences' close button", close_button)[0])
    wait_for("Preferences closed",
             lambda: not find_all(app.application(), role="frame", name="Preferences"))


def login_switch_of(app):
    """Preferences' "Remind Me at Login": a "check box" to GTK 4.8, a
    "switch" to later ones."""
    for frame in find_all(app.application(), role="frame"):
        found = [n for n in find_all(frame, name="Remind Me at Login") if role_of(n) in
                 ("switch", "check box", "toggle button")]
        if drawn(found):
            return drawn(found)
    return None


def test_remind_at_login_through_the_portal():
    """21. In a Flatpak, "Remind Me at Login" asks the Background portal
    (here the tests' own, on a D-Bus session of its own) for autostart with
    --background; when the portal says no, the switch goes back and says
    why, and the setting stays as it was."""
    data_home = data_home_with({"tracker.json": due_today_tracker()})
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, text=True)
    address = bus.stdout.readline().strip()
    log = os.path.join(data_home, "portal.jsonl")
    ready = os.path.join(data_home, "portal.ready")
    deny = os.path.join(data_home, "portal.deny")
    portal = subprocess.Popen(
        ["/usr/bin/python3", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                          "fake_portal.py"), log, ready, deny],
        env=dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address))
    app = None
    keyfile = os.path.join(data_home, "config", "glib-2.0", "settings", "keyfile")

    def requests():
        if not os.path.exists(log):
            return []
        with open(log, encoding="utf-8") as f:
            return [json.loads(line)["options"] for line in f if line.strip()]

    def remind_at_login():
        with open(keyfile, encoding="utf-8") as f:
            return "remind-at-login=true" in f.read()
    try:
        wait_for("the portal", lambda: os.path.exists(ready))
        # The accessibility bus stays the tests' own, for AT-SPI.
        a11y = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                               "--object-path", "/org/a11y/bus", "--method",
                               "org.a11y.Bus.GetAddress"], check=True, capture_output=True,
                              text=True, timeout=30).stdout
        a11y = re.match(r"\('(.*)',\)", a11y.strip()).group(1)
        app = App(data_home, env={"DBUS_SESSION_BUS_ADDRESS": address, "AT_SPI_BUS_ADDRESS": a11y,
                                  "MIX_IT_UP_BACKGROUND_PORTAL": "1"})
        app.window()
        xdotool("mousemove", "300", "300")
        xdotool("key", "ctrl+comma")
        pointer_click(wait_for("Remind Me at Login", lambda: login_switch_of(app))[0])
        asked = wait_for("the request to the portal", requests, seen=requests)[0]
        assert asked["autostart"] is True, asked
        assert asked["commandline"] == ["mix-it-up", "--background"], asked
        assert asked.get("reason"), asked
        wait_for("the setting kept", remind_at_login)

        # The portal says no to turning it off: it stays on, and says so.
        open(deny, "w").close()
        pointer_click(login_switch_of(app)[0])
        wait_for("the second request", lambda: len(requests()) == 2, seen=requests)
        assert requests()[1]["autostart"] is False, requests()
        for frame in find_all(app.application(), role="frame"):
            if frame.get_name() == "Preferences":
                wait_for("the reason", lambda: toast_shown(frame, "not allowed to start at login"))
        wait_for("the switch back on", lambda: is_checked(login_switch_of(app)[0]))
        assert remind_at_login(), "the setting changed though the portal said no"
        close_preferences(app)
        xdotool("mousemove", "300", "300")
        quit_app(app)
    finally:
        if app is not None:
            app.cleanup()
        portal.terminate()
        portal.wait(timeout=10)
        bus.terminate()
        bus.wait(timeout=10)


def test_goal_reached_on_today():
    """22. A circle's goal on Today, with its buddy: Goal Reached with the
    pointer saves it reached and takes it off; Ctrl+Z brings it back."""
    today = datetime.date.today()
    sessions = {"format": "mix-it-up/sessions", "version": 1, "sessions": [], "goals": [
        {"id": "g1", "text": "Message 2 developers at Hooli",
         "due": str(today + datetime.timedelta(days=3)), "buddy": "Ana Souza",
         "person": "Sam Rivera", "created": "2026-11-28T10:00:00Z", "done": False}]}
    app = App(data_home_with({"tracker.json": due_today_tracker(), "sessions.json": sessions}))
    title = "Sam Rivera: Message 2 developers at Hooli"

    def reached():
        return saved(app, "sessions.json")["goals"][0]["done"]
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Today")
        wait_for("Sam's goal", lambda: showing(window, "label", title))
        assert drawn(find_all(window, role="label", contains="Buddy: Ana Souza")), "no buddy shown"
        pointer_click(wait_for("Goal Reached", lambda: showing(window, "push button", "Goal Reached"))[0])
        wait_for("the goal saved as reached", lambda: reached() is True, seen=reached)
        wait_for("the goal off the list", lambda: not showing(window, "label", title))
        xdotool("key", "ctrl+z")
        wait_for("the goal saved as not reached", lambda: reached() is False, seen=reached)
        wait_for("the goal back", lambda: showing(window, "label", title))
        quit_app(app)
    finally:
        app.cleanup()


def test_started_at_login():
    """20. Started as at login (--background): no window, the reminder
    only; its Show opens the window on Today."""
    data_home = data_home_with({"tracker.json": due_today_tracker()})
    notifications = Notifications(data_home)
    app = App(data_home, args=["--background"])
    try:
        wait_for("the reminder", notifications.sent)
        assert app.process.poll() is None, "the app did not stay running"
        assert app.application() is None or not find_all(app.application(), role="frame"), \
            "a window was opened at login"
        activate_action("show-today")
        window = app.window()
        wait_for("Today", lambda: is_selected(page_tab(window, "Today")))
        xdotool("mousemove", "300", "300")
        quit_app(app)
    finally:
        app.cleanup()
        notifications.stop()


TESTS = [
    test_click_a_cell_and_type,
    test_presentation_mode_can_be_left,
    test_delete_rows_and_undo_later,
    test_undo_in_a_message,
    test_focus_stays_in_view,
    test_add_row_in_a_long_tab,
    test_ctrl_enter_in_a_message,
    test_type_right_after_double_click,
    test_wrong_values_kept_and_search_folds_accents,
    test_roster_under_the_hands,
    test_roster_drop_down_keeps_the_page,
    test_circle_says_why_and_asks,
    test_log_a_conversation_once,
    test_rows_and_lists_have_names,
    test_help_on_f1_and_in_the_menu,
    test_circle_of_four_takes_turns,
    test_each_person_sets_a_goal,
    test_today_acts_on_the_tracker,
    test_reminders_reach_you,
    test_started_at_login,
    test_remind_at_login_through_the_portal,
    test_goal_reached_on_today,
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
