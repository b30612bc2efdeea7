#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Background portal, as xdg-desktop-portal offers it to a Flatpak, for
a test's own D-Bus session: it owns org.freedesktop.portal.Desktop, answers
RequestBackground as the portal does (a request object, then its Response
signal), and writes each request as a line of JSON to LOG. While the file
DENY exists it answers as when the person says no. Stops by itself after
two minutes. Usage: fake_portal.py LOG READY_FILE DENY_FILE"""

import json
import os
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

INTERFACE = """
<node>
  <interface name="org.freedesktop.portal.Background">
    <method name="RequestBackground">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""

log_path, ready_path, deny_path = sys.argv[1:4]
loop = GLib.MainLoop()


def on_call(connection, sender, path, interface, method, parameters, invocation):
    parent_window, options = parameters.unpack()
    with open(log_path, "a", encoding="utf-8") as f:
        f.write(json.dumps({"parent_window": parent_window, "options": options}) + "\n")
    token = options.get("handle_token", "t")
    handle = f"/org/freedesktop/portal/desktop/request/{sender[1:].replace('.', '_')}/{token}"
    invocation.return_value(GLib.Variant("(o)", (handle,)))
    denied = os.path.exists(deny_path)
    results = {} if denied else {"background": GLib.Variant("b", True),
                                 "autostart": GLib.Variant("b", bool(options.get("autostart")))}

    def respond():
        connection.emit_signal(sender, handle, "org.freedesktop.portal.Request", "Response",
                               GLib.Variant("(ua{sv})", (1 if denied else 0, results)))
        return False
    GLib.timeout_add(50, respond)


def on_get_property(connection, sender, path, interface, name):
    return GLib.Variant("u", 1)


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    connection.register_object("/org/freedesktop/portal/desktop", info.interfaces[0], on_call,
                               on_get_property, None)


def on_name(connection, name):
    with open(ready_path, "w", encoding="utf-8") as f:
        f.write("ready\n")


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.portal.Desktop",
                 Gio.BusNameOwnerFlags.DO_NOT_QUEUE, on_bus, on_name, lambda c, n: loop.quit())
GLib.timeout_add_seconds(120, loop.quit)
loop.run()
