#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of what must never lose data, with the real pointer and
keyboard: the app ended by a signal or by its display going away, an import
from a pipe while the window is open, changes another program makes while
it is open, and a sessions file it may only read. Prints TAP."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from e2e_common import (
    APP, App, Atspi, find_all, is_selected, page_tab, pointer_click, run_tests, scrolled_into_view, shows, text_of,
    toast_shown, toolkit_version, wait_for, xdotool,
)

# Long enough that nothing is saved as you go during a test: what is in the
# file at the end was saved by what the test checks.
NO_AUTOSAVE = {"MIX_IT_UP_AUTOSAVE_DELAY": "3600000"}


def on_screen(nodes):
    """The nodes that are drawn: a hidden page's buttons have no size."""
    shown = []
    for node in nodes:
        box = node.get_extents(Atspi.CoordType.WINDOW)
        if box.width > 0 and box.height > 0:
            shown.append(node)
    return shown


def show_tab(window, page, tab):
    pointer_click(page_tab(window, page))
    wait_for(f"the {page} page", lambda: is_selected(page_tab(window, page)))
    if tab is not None:
        pointer_click(page_tab(window, tab))
        wait_for(f"the {tab} tab", lambda: is_selected(page_tab(window, tab)))


def type_new_contact(window, name):
    """Adds a row to New Contacts with the pointer and types the name, as a
    person does; the row is not saved yet."""
    show_tab(window, "Tracker", "New Contacts")
    add = wait_for("Add Row on screen",
                   lambda: on_screen(find_all(window, role="push button", name="Add Row")))
    pointer_click(add[0])
    wait_for("the Name cell being edited", lambda: find_all(window, role="text", name="Name"))
    xdotool("type", "--delay", "20", name)
    xdotool("key", "Return")
    wait_for(f"{name} in the table", lambda: shows(window, name))


def tracker_text(app):
    path = os.path.join(app.data_dir, "tracker.json")
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read()


def test_quit_signals_save():
    """Logging out (SIGTERM), Ctrl+C in a terminal (SIGINT) and closing the
    terminal (SIGHUP) save what was typed a moment before."""
    for number, name in ((signal.SIGTERM, "Ada Lovelace"), (signal.SIGINT, "Grace Hopper"),
                         (signal.SIGHUP, "Katherine Johnson")):
        app = App(env=NO_AUTOSAVE)
        try:
            window = app.window()
            xdotool("mousemove", "300", "300")
            type_new_contact(window, name)
            assert name not in tracker_text(app), "saved before the signal: the test proves nothing"
            app.process.send_signal(number)
            code = app.process.wait(timeout=30)
            assert code == 0, f"{signal.Signals(number).name}: exit status {code}"
            assert name in tracker_text(app), f"{name} was lost to {signal.Signals(number).name}"
        finally:
            app.cleanup()


def test_display_lost_saves():
    """The display going away (a session ending, ssh -X dropped) ends the
    app at once; what was typed a moment before is saved first."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    old_display = os.environ.get("DISPLAY")
    app = None
    try:
        display = ":" + xvfb.stdout.readline().strip()
        # xdotool and the app both use this display.
        os.environ["DISPLAY"] = display
        app = App(env=dict(NO_AUTOSAVE, DISPLAY=display))
        window = app.window()
        xdotool("mousemove", "300", "300")
        type_new_contact(window, "Dorothy Vaughan")
        assert "Dorothy Vaughan" not in tracker_text(app), "saved already: the test proves nothing"
        xvfb.terminate()
        xvfb.wait(timeout=30)
        app.process.wait(timeout=30)
        assert "Dorothy Vaughan" in tracker_text(app), "the row was lost with the display"
    finally:
        if old_display is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = old_display
        if xvfb.poll() is None:
            xvfb.kill()
            xvfb.wait()
        if app is not None:
            app.cleanup()


def cli(app, *args, **kwargs):
    env = dict(os.environ, XDG_DATA_HOME=app.data_home)
    return subprocess.Popen([APP, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_import_from_pipe_keeps_window_responsive():
    """An import from a pipe with the window open: the command waits for
    the pipe, the window does not; the rows arrive in the window. So do rows
    from standard input, and from a shell's <(...)."""
    app = App()
    fifo = os.path.join(app.data_home, "contacts.fifo")
    os.mkfifo(fifo)
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Tracker", "New Contacts (0)")

        command = cli(app, f"--import-csv={fifo}", "--tab=new-contacts")
        # While the command waits for the pipe's writer, the window answers
        # the pointer.
        show_tab(window, "Messages", None)
        show_tab(window, "Tracker", None)
        assert command.poll() is None, "the command did not wait for the pipe"
        with open(fifo, "w", encoding="utf-8") as f:
            f.write("Name;Company\nLin Wu;Hooli\n")
        out, err = command.communicate(timeout=60)
        assert command.returncode == 0, err
        assert "Imported 1 row into New Contacts" in out, out
        assert "semicolons" in out, out
        wait_for("the row from the pipe", lambda: shows(window, "Lin Wu"))

        command = cli(app, "--import-csv=-", "--tab=new-contacts", stdin=subprocess.PIPE)
        out, err = command.communicate("Name,Company\nMae Jemison,NASA\n", timeout=60)
        assert command.returncode == 0, err
        wait_for("the row from standard input", lambda: shows(window, "Mae Jemison"))

        env = dict(os.environ, XDG_DATA_HOME=app.data_home)
        result = subprocess.run(
            ["bash", "-c", f"'{APP}' --import-csv=<(printf 'Name\\tCompany\\nAnnie Easley\\tNASA\\n') "
             "--tab=new-contacts"], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        wait_for("the row from <(...)", lambda: shows(window, "Annie Easley"))
        wait_for("the tab's count",
                 lambda: find_all(window, role="page tab", name="New Contacts (3)"))
        assert app.process.poll() is None, "the app exited"
    finally:
        app.cleanup()


def test_command_without_the_window():
    """The CSV command run where it cannot reach the open window (from cron,
    over ssh, with `env -i`) writes the file itself; the window merges its
    rows as they come and keeps them when it saves."""
    app = App(env=NO_AUTOSAVE)
    csv_in = os.path.join(app.data_home, "contacts.csv")
    with open(csv_in, "w", encoding="utf-8") as f:
        f.write("Name,Company\nKept From Cron,Initech\n")
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        type_new_contact(window, "Typed Before")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_DATA_HOME": app.data_home,
               "XDG_RUNTIME_DIR": tempfile.mkdtemp(prefix="mix-e2e-nobus-"), "LANGUAGE": "C",
               "GSETTINGS_BACKEND": "memory"}
        result = subprocess.run([APP, f"--import-csv={csv_in}", "--tab=new-contacts"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert "Imported 1 row into New Contacts" in result.stdout, result.stdout
        wait_for("the command's row in the window", lambda: shows(window, "Kept From Cron"))
        type_new_contact(window, "Typed After")
        xdotool("key", "ctrl+q")
        assert app.process.wait(timeout=30) == 0, "the app did not quit cleanly"
        saved = tracker_text(app)
        for name in ("Typed Before", "Kept From Cron", "Typed After"):
            assert name in saved, f"{name} was lost: {saved}"
    finally:
        app.cleanup()


TRACKER_WITH_ADA = ('{"format":"mix-it-up/tracker","version":1,"tabs":{"new-contacts":['
                    '{"id":"ada","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z",'
                    '"fields":{"name":"Ada Lovelace"}}]}}')


def test_change_from_elsewhere_shown():
    """A row another program (a sync tool, a text editor) adds to the file
    while the window is open shows up in it, with a word about where it came
    from; and neither it nor what is typed next is lost."""
    data_home = tempfile.mkdtemp(prefix="mix-e2e-")
    data_dir = os.path.join(data_home, "mix-it-up")
    os.makedirs(data_dir)
    path = os.path.join(data_dir, "tracker.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(TRACKER_WITH_ADA)

    app = App(data_home, env=NO_AUTOSAVE)
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        show_tab(window, "Tracker", "New Contacts (1)")
        wait_for("Ada", lambda: shows(window, "Ada Lovelace"))

        document = json.loads(TRACKER_WITH_ADA)
        document["tabs"]["new-contacts"].append(
            {"id": "lin", "created": "2026-01-02T00:00:00Z", "modified": "2026-01-02T00:00:00Z",
             "fields": {"name": "Lin From Elsewhere"}})
        with open(path + ".new", "w", encoding="utf-8") as f:
            json.dump(document, f)
        os.rename(path + ".new", path)

        wait_for("the row from elsewhere", lambda: shows(window, "Lin From Elsewhere"))
        wait_for("the word about it",
                 lambda: toast_shown(window, "came from another program"))
        type_new_contact(window, "Typed Here")
        xdotool("key", "ctrl+q")
        assert app.process.wait(timeout=30) == 0, "the app did not quit cleanly"
        saved = tracker_text(app)
        for name in ("Ada Lovelace", "Lin From Elsewhere", "Typed Here"):
            assert name in saved, f"{name} was lost: {saved}"
    finally:
        app.cleanup()


SESSIONS_FROM_THE_FUTURE = ('{"format":"mix-it-up/sessions","version":2,"sessions":[],"goals":[],'
                            '"current":{"id":"s1","started":"2026-11-30T10:00:00Z",'
                            '"roster":[{"name":"Priya"}],"notes":{"introductions":"Kept"}}}')


def test_session_read_only():
    """sessions.json written by a newer version is read-only: the Session
    page takes no roster entry or note that would be dropped at quit."""
    data_home = tempfile.mkdtemp(prefix="mix-e2e-")
    data_dir = os.path.join(data_home, "mix-it-up")
    os.makedirs(data_dir)
    path = os.path.join(data_dir, "sessions.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SESSIONS_FROM_THE_FUTURE)

    app = App(data_home)
    try:
        window = app.window()
        xdotool("mousemove", "300", "300")
        wait_for("the message about the newer version",
                 lambda: find_all(window, role="label", contains="newer version"))
        show_tab(window, "Session", None)
        notes = wait_for("the notes", lambda: find_all(window, role="text",
                                                         name="Notes for this phase"))[0]
        wait_for("the notes shown", lambda: text_of(notes) == "Kept", seen=lambda: text_of(notes))
        # The roster's form opens, as a user opens it, but takes no name.
        # (GTK 4.18 leaves a closed row's fields out of the tree.)
        xdotool("mousemove", "480", "500")
        pointer_click(scrolled_into_view(
            window, "Add a Person", lambda: find_all(window, role="list item", name="Add a Person")))
        name = scrolled_into_view(window, "the roster's name field",
                                  lambda: find_all(window, role="text", name="Name"))
        # GTK 4.18 says "sensitive" of an entry row's text either way: what
        # counts is that typing there does nothing.
        if toolkit_version(window) < (4, 10):
            assert not name.get_state_set().contains(Atspi.StateType.SENSITIVE), \
                "the roster looks as if it takes a name"
        pointer_click(name)
        xdotool("type", "--delay", "20", "Zed")
        assert not notes.get_state_set().contains(Atspi.StateType.EDITABLE), \
            "the notes can be written"

        # Typing into the notes does nothing.
        pointer_click(notes)
        xdotool("type", "--delay", "20", " and more")
        # Nothing is to happen: a second for the keys to arrive.
        time.sleep(1)
        assert text_of(name) == "", f"the roster took a name: {text_of(name)!r}"
        assert text_of(notes) == "Kept", text_of(notes)
        xdotool("key", "ctrl+q")
        assert app.process.wait(timeout=30) == 0, "the app did not quit cleanly"
        with open(path, encoding="utf-8") as f:
            assert f.read() == SESSIONS_FROM_THE_FUTURE, "sessions.json was written to"
    finally:
        app.cleanup()


TESTS = [
    test_quit_signals_save,
    test_display_lost_saves,
    test_import_from_pipe_keeps_window_responsive,
    test_command_without_the_window,
    test_change_from_elsewhere_shown,
    test_session_read_only,
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
