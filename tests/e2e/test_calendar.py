#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Export Follow-ups, read back by an independent iCalendar parser
(Debian's python3-icalendar): the events, their days in far time zones,
escaping and folding of what a student types, stable UIDs, and a write that
fails leaving nothing behind."""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_common import APP, run_tests  # noqa: E402

import icalendar  # noqa: E402

# The name and company a student might type: the format's special
# characters, quotes, accents, and long enough to be folded.
TRICKY_NAME = 'José "Pepe" Pérez, Jr.; a name long enough that the line is folded — ñandú'
TRICKY_COMPANY = "Acme, Inc.; Dept\\Ops"


def local_today(zone):
    return datetime.datetime.now(zoneinfo.ZoneInfo(zone)).date()


def business_days_before(day, n):
    while n > 0:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def data_for(today):
    def row(i, fields):
        return {"id": f"row-{i}", "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z", "fields": fields}
    return {"format": "mix-it-up/tracker", "version": 1, "tabs": {
        # A conversation yesterday, not thanked: due today.
        "networking-log": [row(1, {"date": str(today - datetime.timedelta(days=1)),
                                   "name": TRICKY_NAME, "company": TRICKY_COMPANY,
                                   "thank_you_sent": False,
                                   "follow_up_date": str(today + datetime.timedelta(days=30))}),
                           # Past the 90 days: not exported.
                           row(2, {"date": "2026-01-05", "name": "Far Away", "thank_you_sent": True,
                                   "follow_up_date": str(today + datetime.timedelta(days=200))})],
        # Messaged a business day ago: a second person in 2, a follow-up in 6.
        "new-contacts": [row(3, {"name": "Sam Rivera", "company": "Hooli", "status": "messaged",
                                 "contacted_on": str(business_days_before(today, 1))}),
                         # Messaged long ago: the follow-up, overdue, is today.
                         row(4, {"name": "Lee Chen", "company": "Initech", "status": "messaged",
                                 "contacted_on": str(today - datetime.timedelta(days=30))})],
        "existing-network": [],
    }}


class Export:
    def __init__(self, zone):
        self.zone = zone
        self.today = local_today(zone)
        self.home = tempfile.mkdtemp(prefix="mix-ics-")
        os.makedirs(os.path.join(self.home, "mix-it-up"))
        with open(os.path.join(self.home, "mix-it-up", "tracker.json"), "w", encoding="utf-8") as f:
            json.dump(data_for(self.today), f)
        self.path = os.path.join(self.home, "follow-ups.ics")

    def run(self, path=None):
        env = dict(os.environ, XDG_DATA_HOME=self.home, TZ=self.zone)
        return subprocess.run([APP, f"--export-follow-ups={path or self.path}"], env=env,
                              capture_output=True, text=True, timeout=60)

    def calendar(self):
        with open(self.path, "rb") as f:
            raw = f.read()
        return raw, icalendar.Calendar.from_ical(raw)

    def cleanup(self):
        shutil.rmtree(self.home, ignore_errors=True)


def events_of(calendar):
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def check_zone(zone):
    export = Export(zone)
    try:
        result = export.run()
        assert result.returncode == 0, result.stderr
        raw, calendar = export.calendar()
        today = export.today

        # The format's own rules: CRLF lines of at most 75 octets.
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"", "the file does not end with CRLF"
        assert all(b"\n" not in line for line in lines), "a line ends in LF alone"
        assert max(len(line) for line in lines) <= 75, "a line longer than 75 octets"
        assert any(line.startswith(b" ") for line in lines), "nothing was folded"

        assert str(calendar["VERSION"]) == "2.0"
        assert "Mix It Up" in str(calendar["PRODID"])
        events = events_of(calendar)
        by_summary = {str(e["SUMMARY"]): e for e in events}
        print(f"# {zone}: today is {today}; {sorted(by_summary)}", flush=True)
        assert len(events) == 5, sorted(by_summary)
        assert len({str(e["UID"]) for e in events}) == len(events), "UIDs repeat"
        assert f"Exported {len(events)} follow-ups" in result.stdout, result.stdout

        for event in events:
            start = event["DTSTART"].dt
            end = event["DTEND"].dt
            # All-day: dates, no time and so no zone, one day long.
            assert type(start) is datetime.date, f"{event['SUMMARY']}: {start!r} is not a date"
            assert end - start == datetime.timedelta(days=1)
            assert start >= today, f"{event['SUMMARY']} is in the past: {start}"
            stamp = event["DTSTAMP"].dt
            assert stamp.utcoffset() == datetime.timedelta(0), f"DTSTAMP {stamp!r} is not UTC"
            alarm = [c for c in event.walk() if c.name == "VALARM"]
            assert alarm and alarm[0]["TRIGGER"].dt == datetime.timedelta(hours=9)
            assert str(event["TRANSP"]) == "TRANSPARENT"

        # Escaping: the text comes back as typed.
        thank = by_summary[f"Thank {TRICKY_NAME} for the conversation"]
        assert thank["DTSTART"].dt == today
        assert f"Company: {TRICKY_COMPANY}" in str(thank["DESCRIPTION"]), str(thank["DESCRIPTION"])
        follow_up = by_summary[f"Follow up with {TRICKY_NAME}"]
        assert follow_up["DTSTART"].dt == today + datetime.timedelta(days=30)

        # 3B7 ahead, each step on its business day; overdue on today.
        contacted = business_days_before(today, 1)
        second = contacted
        for _ in range(3):
            second += datetime.timedelta(days=1)
            while second.weekday() >= 5:
                second += datetime.timedelta(days=1)
        assert by_summary["Reach a second person at Hooli"]["DTSTART"].dt == second
        assert by_summary["Follow up once with Sam Rivera"]["DTSTART"].dt > second
        lee = by_summary["Follow up once with Lee Chen"]
        assert lee["DTSTART"].dt == today
        assert "Due since" in str(lee["DESCRIPTION"])
        assert not any("Far Away" in s for s in by_summary)

        # Exported again: the same events, so a calendar updates them.
        uids = sorted(str(e["UID"]) for e in events)
        assert export.run().returncode == 0
        assert sorted(str(e["UID"]) for e in events_of(export.calendar()[1])) == uids
    finally:
        export.cleanup()


def test_far_east_of_utc():
    """UTC+14: much of the day it is already tomorrow there."""
    check_zone("Pacific/Kiritimati")


def test_far_west_of_utc():
    """UTC−11: much of the day it is still yesterday there."""
    check_zone("Pacific/Pago_Pago")


def test_write_that_fails():
    """A folder that is not there: a clear message, exit 1, nothing
    written, the tracker as it was."""
    export = Export("UTC")
    try:
        tracker = os.path.join(export.home, "mix-it-up", "tracker.json")
        with open(tracker, "rb") as f:
            before = f.read()
        target = os.path.join(export.home, "no-such-folder", "follow-ups.ics")
        result = export.run(target)
        assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
        assert "could not be written" in result.stderr, result.stderr
        assert not os.path.exists(os.path.dirname(target))
        with open(tracker, "rb") as f:
            assert f.read() == before
    finally:
        export.cleanup()


TESTS = [test_far_east_of_utc, test_far_west_of_utc, test_write_that_fails]

if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
