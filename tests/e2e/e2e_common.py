#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests share: the built app in a data directory of
its own, found through the accessibility bus as a screen reader finds it,
and driven with the real pointer and keyboard through the X server."""

import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

APP = os.environ.get("MIX_IT_UP")
TIMEOUT = 30.0


def locale_for(language):
    """A locale in which gettext follows LANGUAGE=@language, as a user's
    own does: the language's own if the system has it; else C.UTF-8, which
    glibc 2.36 (Debian 12) lets LANGUAGE translate but 2.41 does not."""
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    for name in available:
        if name.lower().startswith(language.lower() + "_") and name.lower().endswith(("utf8", "utf-8")):
            return name
    return "C.UTF-8"


def role_of(node):
    """The role of @node by the name AT-SPI 2.46 gives it: 2.56 renamed one
    role, "push button" to "button" (the same number, 43), and this keeps
    the tests' names the same on both."""
    name = node.get_role().value_nick.replace("-", " ")
    return "push button" if name == "button" else name


def walk(node, depth=0, prune=()):
    """Yields every accessible below node (node included), not looking
    inside nodes whose role is in @prune."""
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.get_child_count()
        if prune and depth > 0 and role_of(node) in prune:
            return
    except gi.repository.GLib.Error:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        yield from walk(child, depth + 1, prune)


def find_all(root, role=None, name=None, contains=None, prune=()):
    found = []
    for node in walk(root, prune=prune):
        try:
            if role is not None and role_of(node) != role:
                continue
            node_name = node.get_name() or ""
        except gi.repository.GLib.Error:
            continue
        if name is not None and node_name != name:
            continue
        if contains is not None and contains not in node_name:
            continue
        found.append(node)
    return found


# A toast is never inside the pages' scrolled content, which holds nearly
# every node of the window: a walk that leaves it out takes a few
# milliseconds, not seconds on a busy machine, and sees a toast in its
# five seconds.
PAGE_CONTENT = ("scroll pane", "table", "page tab list", "list", "list box", "tree table")


def drawn(nodes):
    """The nodes drawn on screen now: GTK 4.8 says "visible" of what is
    hidden with its page, and only what is drawn has a size."""
    found = []
    for node in nodes:
        try:
            states = node.get_state_set()
            box = node.get_extents(Atspi.CoordType.WINDOW)
        except Exception:  # noqa: BLE001 - gone while looking
            continue
        if states.contains(Atspi.StateType.VISIBLE) and box.width > 0 and box.height > 0:
            found.append(node)
    return found


def showing(window, role, name):
    """The widgets of @role and @name drawn on screen now."""
    return drawn(find_all(window, role=role, name=name))


def toast_shown(window, contains):
    """The labels drawn now outside the pages' content, as toasts are,
    whose text holds @contains."""
    return drawn(find_all(window, role="label", contains=contains, prune=PAGE_CONTENT))


def wait_for(what, predicate, timeout=TIMEOUT, seen=None):
    """Polls predicate until it holds; seen() says what was there instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    detail = f" (saw {seen()!r})" if seen is not None else ""
    raise AssertionError(f"timed out waiting for {what}{detail}")


def scrolled_into_view(window, what, find):
    """Turns the wheel under the pointer until @find finds something drawn
    in the window's view; returns it."""
    height = window.get_extents(Atspi.CoordType.WINDOW).height

    def found():
        for node in find():
            box = node.get_extents(Atspi.CoordType.WINDOW)
            if box.width > 0 and box.y > 0 and box.y + box.height <= height:
                return node
        xdotool("click", "5")
        return None
    return wait_for(what, found)


def _die_with_parent():
    """The app ends if this test process dies, so nothing is left running."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class App:
    """The app under test, in its own data directory."""

    def __init__(self, data_home=None, welcome_shown=True, language=None, env=None, args=()):
        self.data_home = data_home or tempfile.mkdtemp(prefix="mix-e2e-")
        extra_env = env or {}
        env = dict(os.environ)
        env.update(extra_env)
        if language is not None:
            env["LANG"] = env["LC_ALL"] = locale_for(language)
            env["LANGUAGE"] = language
        env["XDG_DATA_HOME"] = self.data_home
        # Settings in a key file of its own, kept across restarts; the
        # welcome of a first start has its own test.
        config = os.path.join(self.data_home, "config")
        keyfile = os.path.join(config, "glib-2.0", "settings", "keyfile")
        if not os.path.exists(keyfile):
            os.makedirs(os.path.dirname(keyfile), exist_ok=True)
            with open(keyfile, "w", encoding="utf-8") as f:
                f.write("[io/github/mixitup/MixItUp]\n")
                if welcome_shown:
                    f.write("welcome-shown=true\n")
        env["XDG_CONFIG_HOME"] = config
        env["GSETTINGS_BACKEND"] = "keyfile"
        env.pop("NO_AT_BRIDGE", None)
        self.process = subprocess.Popen([APP, *args], env=env, preexec_fn=_die_with_parent)

    @property
    def data_dir(self):
        return os.path.join(self.data_home, "mix-it-up")

    def application(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is None:
                continue
            try:
                if child.get_process_id() == self.process.pid:
                    return child
            except gi.repository.GLib.Error:
                continue
        return None

    def window(self):
        def find():
            app = self.application()
            if app is None:
                return None
            frames = find_all(app, role="frame", name="Mix It Up")
            return frames[0] if frames else None

        return wait_for("the Mix It Up window", find)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.data_home, ignore_errors=True)


def click(node):
    action = node.get_action_iface()
    assert action is not None, f"{node.get_name()} has no action"
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) in ("click", "press", "activate", "toggle"):
            return action.do_action(i)
    return action.do_action(0)


def is_selected(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.CHECKED) or states.contains(Atspi.StateType.SELECTED)


def xdotool(*args):
    """Types or presses keys as a person would, through the X server."""
    subprocess.run(["xdotool", *args], check=True)


def page_tab(window, prefix):
    return wait_for(
        f"the {prefix} tab",
        lambda: [n for n in find_all(window, role="page tab")
                 if (n.get_name() or "").startswith(prefix)],
    )[0]


def text_of(node):
    text = node.get_text_iface()
    if text is None:
        return None
    # Called through the interface: on AT-SPI 2.56 the accessible itself
    # is the text, and its own get_text() means something else.
    return Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text))


def shows(window, value):
    """Whether a label with this text is in the window, as a screen reader reads it."""
    return bool(find_all(window, role="label", name=value))


def run_cli(data_home, *args):
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = data_home
    return subprocess.run([APP, *args], env=env, capture_output=True, text=True, timeout=60)


def focused(window):
    for node in walk(window):
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
        except gi.repository.GLib.Error:
            continue
    return None


def wait_focused(window, what, role, name=None):
    """Waits until the widget of @role (and @name) has the keyboard focus:
    keys sent before then would go elsewhere."""
    def ready():
        node = focused(window)
        try:
            return node is not None and role_of(node) == role and \
                (name is None or node.get_name() == name)
        except gi.repository.GLib.Error:
            return False
    wait_for(what, ready, seen=lambda: focused(window) and
             (role_of(focused(window)), focused(window).get_name()))


def focused_cell(window):
    """(column, value) of the focused tracker cell."""
    node = focused(window)
    if node is None:
        return None
    labels = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    # GTK 4.8 names an empty label after its type.
    values = [(n.get_name() or "").replace("GtkLabel", "")
              for n in labels if n is not None and role_of(n) == "label"]
    return node.get_name(), values[0] if values else ""


def is_checked(node):
    return node.get_state_set().contains(Atspi.StateType.CHECKED)


def _popover_of(node):
    """The popover @node is in, or None. GTK 4.8 names a popover after its
    class; GTK 4.18 does not name it, and it is found as the node the size
    of an X window of its own (a popover is one; the main window is a
    frame, where the search stops)."""
    sizes = None
    while node is not None:
        try:
            if node.get_name() == "GtkPopover":
                return node
            if role_of(node) in ("frame", "window", "dialog"):
                return None
            if sizes is None:
                # Not the main window, at the screen's corner.
                sizes = [w[:2] for w in _viewable_x_windows() if w[2:] != (0, 0)]
            box = node.get_extents(Atspi.CoordType.WINDOW)
            if (box.width, box.height) in sizes and role_of(node) in ("panel", "menu", "filler"):
                return node
            node = node.get_parent()
        except (gi.repository.GLib.Error, subprocess.CalledProcessError, KeyError, ValueError):
            return None
    return None


def _viewable_x_windows():
    """The X windows shown on screen: (width, height, x, y) each."""
    listing = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                             text=True, check=True).stdout
    found = []
    for line in listing.splitlines():
        parts = line.split()
        if not parts or not parts[0].startswith("0x"):
            continue
        info = subprocess.run(["xwininfo", "-id", parts[0]], capture_output=True, text=True).stdout
        if "IsViewable" not in info:
            continue
        values = {}
        for info_line in info.splitlines():
            key, _, value = info_line.strip().partition(":")
            values[key] = value.strip()
        found.append((int(values["Width"]), int(values["Height"]),
                      int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"])))
    return found


def toolkit_version(node):
    """The GTK version of the app @node belongs to, as (major, minor)."""
    version = node.get_application().get_toolkit_version() or "0.0"
    return tuple(int(part) for part in version.split(".")[:2])


def _window_origin_shift(node):
    """What to add to @node's window coordinates to get the X window's.
    GTK 4.8 gives them within the X window. GTK 4.18 gives the window
    itself at minus its resize border (-5, -5), and everything in it
    another border's width up and to the left: twice the window's own
    offset is added back (0 on GTK 4.8)."""
    frame = node
    try:
        while frame is not None and role_of(frame) not in ("frame", "window", "dialog"):
            frame = frame.get_parent()
        if frame is None:
            return 0, 0
        outer = frame.get_extents(Atspi.CoordType.WINDOW)
    except gi.repository.GLib.Error:
        return 0, 0
    return -2 * min(outer.x, 0), -2 * min(outer.y, 0)


def screen_position(node):
    """The middle of @node on screen. GTK 4.8 gives positions within the
    window, which sits at the top left corner of the screen under Xvfb
    without a window manager; a popover is a window of its own, which GTK
    places as if it were inside its button, so it is found among the X
    windows by its size."""
    box = node.get_extents(Atspi.CoordType.WINDOW)
    assert box.width > 0 and box.height > 0, f"{node.get_name()} is not on screen"
    x, y = box.x + box.width // 2, box.y + box.height // 2
    popover = _popover_of(node)
    if popover is None:
        dx, dy = _window_origin_shift(node)
        x, y = x + dx, y + dy
    else:
        outer = popover.get_extents(Atspi.CoordType.WINDOW)
        windows = [w for w in _viewable_x_windows() if w[:2] == (outer.width, outer.height)]
        assert len(windows) == 1, f"the popover of {node.get_name()} is not one window: {windows}"
        x += windows[0][2] - outer.x
        y += windows[0][3] - outer.y
    return x, y


def pointer_click(node, button="1"):
    """Moves the real pointer to the middle of @node on screen and clicks,
    as a person does."""
    x, y = screen_position(node)
    xdotool("mousemove", str(x), str(y))
    xdotool("click", button)


def run_tests(tests):
    """Runs @tests, printing TAP; returns the exit status."""
    if not APP or not os.path.exists(APP):
        print("1..0 # SKIP MIX_IT_UP does not name the built binary")
        return 0
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    for number, test in enumerate(tests, 1):
        try:
            test()
            print(f"ok {number} - {test.__name__}", flush=True)
        except Exception:  # noqa: BLE001 - every failure is reported in TAP
            failed += 1
            print(f"not ok {number} - {test.__name__}", flush=True)
            for line in traceback.format_exc().splitlines():
                print(f"# {line}", flush=True)
    return 1 if failed else 0
