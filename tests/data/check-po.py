#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the translations in po/.

Every language in LINGUAS has a .po file and every .po file is listed in
LINGUAS; each .po file passes `msgfmt --check` and has no untranslated or
fuzzy message; every source file with translatable strings is listed in
POTFILES.in, so that none is left out of the translations. With no translations yet this
checks that LINGUAS lists none. Standard library only.
"""

import argparse
import glob
import os
import re
import subprocess
import tempfile
import sys


def read_linguas(path):
    languages = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            languages.extend(line.split())
    return languages


# The keywords and flags of meson's "glib" gettext preset, which builds the
# template for translators.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
    "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
]


def check_complete(args, root):
    """Every message of the sources has a translation in every .po file."""
    tools = os.path.dirname(args.msgfmt) if os.path.dirname(args.msgfmt) else ""
    xgettext = os.path.join(tools, "xgettext") if tools else "xgettext"
    msgcmp = os.path.join(tools, "msgcmp") if tools else "msgcmp"
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "messages.pot")
        result = subprocess.run(
            [xgettext, *XGETTEXT_ARGS, "--directory", root,
             "--files-from", os.path.join(args.po_dir, "POTFILES.in"), "--output", pot],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        if result.returncode != 0:
            return [f"xgettext failed:\n{result.stdout.rstrip()}"]
        for po in sorted(glob.glob(os.path.join(args.po_dir, "*.po"))):
            result = subprocess.run([msgcmp, po, pot], stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            if result.returncode != 0:
                missing = result.stdout.count("this message is used but not defined")
                errors.append(f"{po}: {missing} message(s) of the sources not translated; "
                              f"run msgmerge:\n{result.stdout.rstrip()[:2000]}")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--msgfmt", default="msgfmt")
    parser.add_argument("po_dir")
    args = parser.parse_args()

    errors = []
    linguas_path = os.path.join(args.po_dir, "LINGUAS")
    try:
        linguas = read_linguas(linguas_path)
    except OSError as e:
        print(f"{linguas_path}: {e}", file=sys.stderr)
        return 1

    duplicates = sorted({lang for lang in linguas if linguas.count(lang) > 1})
    if duplicates:
        errors.append(f"{linguas_path}: listed more than once: {', '.join(duplicates)}")

    po_files = sorted(glob.glob(os.path.join(args.po_dir, "*.po")))
    present = {os.path.splitext(os.path.basename(p))[0] for p in po_files}
    for lang in sorted(set(linguas) - present):
        errors.append(f"{linguas_path}: {lang} is listed but {lang}.po does not exist")
    for lang in sorted(present - set(linguas)):
        errors.append(f"{linguas_path}: {lang}.po exists but {lang} is not listed")

    for po in po_files:
        result = subprocess.run(
            [args.msgfmt, "--check", "--output-file", os.devnull, po],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        if result.returncode != 0:
            errors.append(f"{po}: msgfmt --check failed:\n{result.stdout.rstrip()}")
            continue
        stats = subprocess.run(
            [args.msgfmt, "--statistics", "--output-file", os.devnull, po],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        ).stdout
        if "untranslated" in stats or "fuzzy" in stats:
            errors.append(f"{po}: incomplete: {stats.strip()}")

    root = os.path.dirname(os.path.abspath(args.po_dir))
    errors += check_complete(args, root)
    potfiles_path = os.path.join(args.po_dir, "POTFILES.in")
    try:
        listed = set(read_linguas(potfiles_path))
    except OSError as e:
        errors.append(f"{potfiles_path}: {e}")
        listed = set()
    for pattern, marker in (("src/**/*.c", re.compile(r"\bN?_\(\s*\"")),
                            ("ui/**/*.ui", re.compile(r'translatable="yes"'))):
        for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
            relative = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                if marker.search(f.read()) and relative not in listed:
                    errors.append(f"{potfiles_path}: {relative} has translatable strings but is not listed")
    for relative in sorted(listed):
        if not os.path.exists(os.path.join(root, relative)):
            errors.append(f"{potfiles_path}: {relative} does not exist")

    for message in errors:
        print(message, file=sys.stderr)
    if errors:
        return 1
    print(f"{len(po_files)} translation(s) checked, LINGUAS consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
