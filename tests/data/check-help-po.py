#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that each language of the help (help/LINGUAS) translates every
text of the pages in help/C, with no fuzzy or empty translation left.
Usage: check-help-po.py --itstool PATH HELP_DIR"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

ENTRY = re.compile(r'(?:^msgctxt "(?P<ctx>(?:[^"\\]|\\.)*)"\n)?^msgid "(?P<id>(?:[^"\\]|\\.)*)"\n'
                   r'^msgstr "(?P<str>(?:[^"\\]|\\.)*)"', re.M)


def entries(text):
    found = {}
    for block in text.split("\n\n"):
        if "#, fuzzy" in block:
            continue
        match = ENTRY.search(block)
        if match and match.group("id"):
            found[(match.group("ctx"), match.group("id"))] = match.group("str")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--itstool", required=True)
    parser.add_argument("help_dir")
    args = parser.parse_args()
    source = os.path.join(args.help_dir, "C")
    pages = sorted(os.path.join(source, name) for name in os.listdir(source)
                   if name.endswith((".page", ".xml")))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "help.pot")
        subprocess.run([args.itstool, "-o", pot] + pages, check=True)
        with open(pot, encoding="utf-8") as f:
            wanted = entries(f.read())
    failed = False
    with open(os.path.join(args.help_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]
    for language in languages:
        with open(os.path.join(args.help_dir, language, language + ".po"), encoding="utf-8") as f:
            have = entries(f.read())
        for key in wanted:
            if not have.get(key):
                print(f"{language}: not translated: {key[1][:70]}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
