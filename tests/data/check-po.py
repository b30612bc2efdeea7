#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the translations in po/.

Every language in LINGUAS has a .po file and every .po file is listed in
LINGUAS; each .po file passes `msgfmt --check`. With no translations yet this
checks that LINGUAS lists none. Standard library only.
"""

import argparse
import glob
import os
import subprocess
import sys


def read_linguas(path):
    languages = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            languages.extend(line.split())
    return languages


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

    for message in errors:
        print(message, file=sys.stderr)
    if errors:
        return 1
    print(f"{len(po_files)} translation(s) checked, LINGUAS consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
