#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the Flatpak manifest, the metainfo and the desktop entry agree.

The manifest must parse as JSON, name the base application ID, run the same
command the desktop entry and the metainfo name, and keep the sandbox to the
permissions the app needs. Every screenshot of the metainfo must be a file
of the repository. The metainfo and the desktop entry must name the
build's application ID (the base ID, or the base ID + ".Devel"). The
manifest's meson options must be options of meson_options.txt, with
values they take, for a release build of the default profile.
Standard library only.
"""

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# The window (Wayland, or X11 where there is no Wayland), GPU drawing, and
# sound: the phase chime plays through GStreamer, which needs the
# PulseAudio socket inside the sandbox. No file system or network access:
# the data lives in the app's own data directory.
EXPECTED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--socket=pulseaudio",
]

errors = []
SOURCE_ROOT = "."


def fail(message):
    errors.append(message)


def read_desktop_entry(path):
    """Return the keys of the [Desktop Entry] group as a dict."""
    entry = {}
    group = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                group = line[1:-1]
                continue
            if "=" not in line:
                fail(f"{path}:{number}: not a key=value line: {line!r}")
                continue
            key, value = line.split("=", 1)
            if group == "Desktop Entry":
                entry[key.strip()] = value.strip()
    return entry


def check_manifest(path, base_id):
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: cannot be read as JSON: {e}")
        return None
    if not isinstance(manifest, dict):
        fail(f"{path}: the top level is not a JSON object")
        return None

    manifest_id = manifest.get("id", manifest.get("app-id"))
    if manifest_id != base_id:
        fail(f"{path}: id is {manifest_id!r}, expected {base_id!r}")
    if os.path.basename(path) != base_id + ".json":
        fail(f"{path}: the file name does not match the id {base_id!r}")
    for key, want in (("runtime", "org.gnome.Platform"), ("sdk", "org.gnome.Sdk")):
        if manifest.get(key) != want:
            fail(f"{path}: {key} is {manifest.get(key)!r}, expected {want!r}")
    if not isinstance(manifest.get("runtime-version"), str):
        fail(f"{path}: runtime-version must be a string")
    if not isinstance(manifest.get("command"), str) or not manifest["command"]:
        fail(f"{path}: command is missing")

    finish_args = manifest.get("finish-args")
    if not isinstance(finish_args, list) or sorted(finish_args) != sorted(EXPECTED_FINISH_ARGS):
        fail(f"{path}: finish-args are {finish_args!r}, expected exactly {EXPECTED_FINISH_ARGS!r}")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        fail(f"{path}: no modules")
    else:
        app_module = modules[-1]
        if not isinstance(app_module, dict) or app_module.get("name") != "mix-it-up":
            fail(f"{path}: the last module is not 'mix-it-up'")
        elif app_module.get("buildsystem") != "meson":
            fail(f"{path}: the 'mix-it-up' module is not built with meson")
        else:
            check_config_opts(path, app_module.get("config-opts", []))
    return manifest


def read_meson_options(source_root):
    """The project's own options from meson_options.txt: name → the values
    it takes (None for any string)."""
    with open(os.path.join(source_root, "meson_options.txt"), encoding="utf-8") as f:
        text = f.read()
    options = {}
    for match in re.finditer(r"option\(\s*'([^']+)'\s*,(.*?)\)\s*(?=option\(|$)", text, re.S):
        name, rest = match.group(1), match.group(2)
        kind = re.search(r"type\s*:\s*'([^']+)'", rest).group(1)
        if kind == "boolean":
            options[name] = ["true", "false"]
        elif kind == "combo":
            options[name] = re.findall(r"'([^']+)'", re.search(r"choices\s*:\s*\[(.*?)\]", rest, re.S).group(1))
        else:
            options[name] = None
    return options


def check_config_opts(path, config_opts):
    """The Flatpak builds the sources as the project's own build does: each
    -D names an option of meson_options.txt with a value it takes, the build
    is a release, the default profile (the base application ID), and none
    of the test-only options is on."""
    options = read_meson_options(SOURCE_ROOT)
    given = {}
    for opt in config_opts:
        if opt.startswith("-D"):
            name, _, value = opt[2:].partition("=")
            given[name] = value
            builtin = name in ("werror", "warning_level", "b_sanitize", "b_lto", "b_ndebug")
            if name not in options and not builtin:
                fail(f"{path}: config-opts set {name!r}, which meson_options.txt does not have")
            elif not builtin and options[name] is not None and value not in options[name]:
                fail(f"{path}: config-opts set {name}={value!r}; it takes {options[name]!r}")
        elif opt.startswith("--buildtype="):
            given["buildtype"] = opt.partition("=")[2]
    if given.get("buildtype") != "release":
        fail(f"{path}: the app is not built as a release (--buildtype=release)")
    if given.get("profile", "default") != "default":
        fail(f"{path}: the Flatpak builds profile {given['profile']!r}, not the default")
    if given.get("fuzzing", "false") != "false":
        fail(f"{path}: the Flatpak turns the fuzzing build on")
    if "b_sanitize" in given:
        fail(f"{path}: the Flatpak is built with sanitizers")


def check_metainfo(path, app_id):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        fail(f"{path}: cannot be parsed as XML: {e}")
        return None
    if root.tag != "component":
        fail(f"{path}: the root element is <{root.tag}>, expected <component>")
        return None
    component_id = (root.findtext("id") or "").strip()
    if component_id != app_id:
        fail(f"{path}: <id> is {component_id!r}, expected {app_id!r}")
    return root


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-id", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--metainfo", required=True)
    parser.add_argument("--desktop", required=True)
    parser.add_argument("--source-root", required=True)
    args = parser.parse_args()
    global SOURCE_ROOT
    SOURCE_ROOT = args.source_root

    if args.app_id not in (args.base_id, args.base_id + ".Devel"):
        fail(f"app id {args.app_id!r} is neither {args.base_id!r} nor its .Devel profile")

    manifest = check_manifest(args.manifest, args.base_id)
    metainfo = check_metainfo(args.metainfo, args.app_id)

    desktop_name = os.path.basename(args.desktop)
    if desktop_name != args.app_id + ".desktop":
        fail(f"{args.desktop}: the file name is {desktop_name!r}, expected {args.app_id + '.desktop'!r}")
    entry = read_desktop_entry(args.desktop)
    if entry.get("Icon") != args.app_id:
        fail(f"{args.desktop}: Icon is {entry.get('Icon')!r}, expected {args.app_id!r}")
    exec_command = (entry.get("Exec") or "").split(" ")[0]

    if metainfo is not None:
        launchable = (metainfo.findtext("launchable[@type='desktop-id']") or "").strip()
        if launchable != desktop_name:
            fail(f"{args.metainfo}: launchable is {launchable!r}, expected {desktop_name!r}")
        binaries = [b.text.strip() for b in metainfo.findall("provides/binary") if b.text]
        if manifest is not None and manifest.get("command") not in binaries:
            fail(f"{args.metainfo}: provides no binary {manifest.get('command')!r}")

        # Screenshots are served from the repository: each must be there.
        images = [i.text.strip() for i in metainfo.findall("screenshots/screenshot/image") if i.text]
        if not images:
            fail(f"{args.metainfo}: no screenshots")
        for url in images:
            marker = "/main/"
            relative = url.split(marker, 1)[1] if marker in url else None
            if relative is None or not os.path.isfile(os.path.join(args.source_root, relative)):
                fail(f"{args.metainfo}: screenshot {url} is not a file of the repository")

    if manifest is not None and exec_command != manifest.get("command"):
        fail(f"{args.desktop}: Exec runs {exec_command!r}, the manifest's command is {manifest.get('command')!r}")

    for message in errors:
        print(message, file=sys.stderr)
    if errors:
        return 1
    print(f"manifest, metainfo and desktop entry agree on {args.app_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
