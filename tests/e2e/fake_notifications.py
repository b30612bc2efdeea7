#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A notification server for the tests' own D-Bus session, as GNOME Shell
is one: it owns org.gtk.Notifications, which GLib sends an application's
notifications to, and writes each one it gets as a line of JSON to the
file named on the command line. Stops by itself after two minutes.
Usage: fake_notifications.py LOG READY_FILE"""

import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

INTERFACE = """
<node>
  <interface name="org.gtk.Notifications">
    <method name="AddNotification">
      <arg type="s" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="a{sv}" direction="in"/>
    </method>
    <method name="RemoveNotification">
      <arg type="s" direction="in"/>
      <arg type="s" direction="in"/>
    </method>
  </interface>
</node>
"""

log_path, ready_path = sys.argv[1], sys.argv[2]
loop = GLib.MainLoop()


def on_call(connection, sender, path, interface, method, parameters, invocation):
    if method == "AddNotification":
        app_id, notification_id, notification = parameters.unpack()
        with open(log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"app": app_id, "id": notification_id,
                                "notification": notification}) + "\n")
    invocation.return_value(None)


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    connection.register_object("/org/gtk/Notifications", info.interfaces[0], on_call)


def on_name(connection, name):
    with open(ready_path, "w", encoding="utf-8") as f:
        f.write("ready\n")


def on_lost(connection, name):
    loop.quit()


Gio.bus_own_name(Gio.BusType.SESSION, "org.gtk.Notifications",
                 Gio.BusNameOwnerFlags.REPLACE | Gio.BusNameOwnerFlags.DO_NOT_QUEUE,
                 on_bus, on_name, on_lost)
GLib.timeout_add_seconds(120, loop.quit)
loop.run()
