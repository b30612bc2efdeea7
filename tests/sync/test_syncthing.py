#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two computers, for real: two Syncthing instances on this machine share one
data folder between two data homes, and on each side a store (the driver,
src/core as the window uses it) adds, edits and deletes rows for a couple of
minutes, both sides editing one row at the same times, which makes Syncthing
write conflicting copies. At the end both sides must hold the same file, and
nothing may be lost: every row added is there unless deleted, and every row
holds its last edit.

Loopback only: both instances are configured before they start with global
and local discovery, relays, NAT traversal, STUN, usage and crash reporting
and upgrades off, the GUI and the listener on 127.0.0.1, and each device's
address given as tcp://127.0.0.1:PORT; the test checks their sockets. It is
bounded in time and stops everything it started. Prints TAP.

    test_syncthing.py DRIVER [SECONDS]
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

DRIVER = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("MIX_SYNC_DRIVER")
ACTIVE_SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 120
CONVERGE_TIMEOUT = 240
FOLDER_ID = "mix-it-up"

SEED = {
    "format": "mix-it-up/tracker", "version": 1,
    "tabs": {"existing-network": [], "networking-log": [], "new-contacts": [
        {"id": "shared-row", "created": "2026-01-01T00:00:00.000Z",
         "modified": "2026-01-01T00:00:00.000Z", "fields": {"name": "Priya Raman"}},
    ] + [
        {"id": f"seed-{i}", "created": "2026-01-01T00:00:00.000Z",
         "modified": "2026-01-01T00:00:00.000Z", "fields": {"name": f"Seed {i}"}}
        for i in range(10)
    ]},
}


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config_xml(me, devices, folder_path, gui_port, api_key):
    device_xml = "".join(
        f'<device id="{d["id"]}" name="{d["name"]}" compression="metadata" introducer="false">'
        f'<address>tcp://127.0.0.1:{d["port"]}</address><autoAcceptFolders>false</autoAcceptFolders>'
        f'</device>' for d in devices)
    folder_devices = "".join(f'<device id="{d["id"]}"></device>' for d in devices)
    return f"""<configuration version="36">
  <folder id="{FOLDER_ID}" label="{FOLDER_ID}" path="{folder_path}" type="sendreceive"
          rescanIntervalS="20" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false">
    <filesystemType>basic</filesystemType>
    {folder_devices}
    <minDiskFree unit="%">0</minDiskFree>
    <pullerPauseS>2</pullerPauseS>
    <!-- Syncthing's own default; left out, it would be 0: the losing side of a
         conflict thrown away. -->
    <maxConflicts>10</maxConflicts>
    <markerName>.stfolder</markerName>
  </folder>
  {device_xml}
  <gui enabled="true" tls="false" debugging="false">
    <address>127.0.0.1:{gui_port}</address>
    <apikey>{api_key}</apikey>
  </gui>
  <options>
    <listenAddress>tcp://127.0.0.1:{me["port"]}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <globalAnnounceServer></globalAnnounceServer>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <stunKeepaliveStartS>0</stunKeepaliveStartS>
    <stunKeepaliveMinS>0</stunKeepaliveMinS>
    <stunServer></stunServer>
    <urAccepted>-1</urAccepted>
    <urSeen>3</urSeen>
    <crashReportingEnabled>false</crashReportingEnabled>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <startBrowser>false</startBrowser>
    <announceLANAddresses>false</announceLANAddresses>
    <setLowPriority>false</setLowPriority>
    <reconnectionIntervalS>5</reconnectionIntervalS>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
"""


class Side:
    def __init__(self, root, name):
        self.name = name
        self.home = os.path.join(root, name, "syncthing")
        self.data_home = os.path.join(root, name, "data")
        self.folder = os.path.join(self.data_home, "mix-it-up")
        self.log = os.path.join(root, f"changes-{name}.jsonl")
        self.port = free_port()
        self.gui_port = free_port()
        self.api_key = f"mix-test-{name}-" + os.urandom(8).hex()
        self.syncthing = None
        self.driver = None
        self.stats = None
        os.makedirs(os.path.join(self.folder, ".stfolder"))
        # The store's lock, temporary files, backups and merged conflicting
        # copies stay on each computer, as README.md advises.
        with open(os.path.join(self.folder, ".stignore"), "w", encoding="utf-8") as f:
            f.write(".lock\n.*.tmp-*\n*.bak\n*.merged\n")
        out = subprocess.run(["syncthing", "generate", f"--home={self.home}",
                              "--no-default-folder", "--skip-port-probing"],
                             capture_output=True, text=True, timeout=120, check=True)
        self.id = next(line.split("Device ID:")[1].strip()
                       for line in (out.stdout + out.stderr).splitlines()
                       if "Device ID:" in line)

    def rest(self, path):
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}",
                                         headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def post(self, path):
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}", data=b"",
                                         method="POST", headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def start_syncthing(self, peers):
        me = {"id": self.id, "name": self.name, "port": self.port}
        with open(os.path.join(self.home, "config.xml"), "w", encoding="utf-8") as f:
            f.write(config_xml(me, [me] + peers, self.folder, self.gui_port, self.api_key))
        env = dict(os.environ, STNOUPGRADE="1", STNODEFAULTFOLDER="1", STNORESTART="1",
                   HOME=os.path.dirname(self.home))
        self.syncthing = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade", f"--logfile={os.path.join(self.home, 'syncthing.log')}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def tracker(self):
        path = os.path.join(self.folder, "tracker.json")
        try:
            with open(path, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None

    def unmerged_copies(self):
        return [n for n in os.listdir(self.folder)
                if n.startswith("tracker") and "conflict" in n.lower() and
                not n.endswith(".merged")]

    def merged_copies(self):
        return [n for n in os.listdir(self.folder) if ".merged" in n]

    def idle(self):
        status = self.rest(f"/rest/db/status?folder={FOLDER_ID}")
        return status.get("state") == "idle" and status.get("needTotalItems", 0) == 0

    def stop(self):
        for process in (self.driver, self.syncthing):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until(what, predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def loopback_only(pid):
    """Every socket of @pid is on 127.0.0.1: no discovery, relay, STUN, NAT."""
    out = subprocess.run(["ss", "-Htunap"], capture_output=True, text=True, check=True).stdout
    loopback = ("127.0.0.1", "::ffff:127.0.0.1", "::1")
    bad = []
    for line in out.splitlines():
        if f"pid={pid}," not in line:
            continue
        fields = line.split()
        state, local, peer = fields[1], fields[4], fields[5]
        addresses = [local] if state in ("LISTEN", "UNCONN") else [local, peer]
        for address in addresses:
            if address.rsplit(":", 1)[0].strip("[]") not in loopback:
                bad.append(line)
    return bad


def same_files(a, b):
    ta, tb = a.tracker(), b.tracker()
    return ta is not None and ta == tb


def settled(a, b):
    """Both sides hold the same file, nothing is left to merge or to sync."""
    for side in (a, b):
        if side.unmerged_copies():
            return False
    return same_files(a, b) and a.idle() and b.idle()


def converge(a, b, timeout):
    """Waits until the sides have settled and stay so for a while: longer
    than a save takes to come after a change (a second, five at most) and
    Syncthing to notice it. Returns the seconds it took."""
    start = time.monotonic()
    deadline = start + timeout
    steady_since = None
    last = None
    while time.monotonic() < deadline:
        try:
            state = a.tracker() if settled(a, b) else None
        except (OSError, ValueError):
            state = None
        now = time.monotonic()
        if state is None or state != last:
            steady_since = now if state is not None else None
        elif now - steady_since >= 8:
            return steady_since - start
        last = state
        time.sleep(0.5)
    raise AssertionError("timed out waiting for both computers to hold the same file: "
                         + why_not_settled(a, b))


def why_not_settled(a, b):
    """What keeps the sides apart, for the failure message."""
    said = []
    for side in (a, b):
        copies = side.unmerged_copies()
        if copies:
            said.append(f"{side.name} holds unmerged copies {copies}")
        try:
            status = side.rest(f"/rest/db/status?folder={FOLDER_ID}")
            said.append(f"{side.name} is {status.get('state')} needing "
                        f"{status.get('needTotalItems')} items")
        except (OSError, ValueError) as error:
            said.append(f"{side.name} does not answer: {error}")
        data = side.tracker()
        said.append(f"{side.name}'s file: " + (
            "missing" if data is None else hashlib.sha256(data).hexdigest()[:12]))
    return "; ".join(said)


def check_nothing_lost(final, logs):
    """Every row added is there unless deleted; each row holds its last edit."""
    rows = {r["id"]: r for r in final["tabs"]["new-contacts"]}
    versions = {}
    deletions = {}
    for log in logs:
        with open(log, encoding="utf-8") as f:
            for line in f:
                change = json.loads(line)
                if change["op"] == "delete":
                    deletions.setdefault(change["id"], []).append(change["deleted_version"])
                else:
                    versions.setdefault(change["id"], []).append(change["record"])
    lost = []

    def stamp(text):
        # Stamps are UTC ISO 8601 to the millisecond; older ones to the second.
        return text.replace("Z", ".000Z") if len(text) == 20 else text

    for row_id, kept in versions.items():
        last = max(kept, key=lambda r: (stamp(r["modified"]), json.dumps(r, sort_keys=True)))
        if row_id in rows:
            if rows[row_id]["fields"] != last["fields"]:
                lost.append(f"{row_id}: holds {rows[row_id]['fields']}, last edit {last['fields']}")
        elif not any(stamp(d) >= stamp(last["modified"]) for d in deletions.get(row_id, [])):
            lost.append(f"{row_id}: gone, last edit {last['modified']} after any deletion")
    return lost, sum(len(v) for v in versions.values()), len(deletions)


def main():
    print("1..1", flush=True)
    if not DRIVER or not os.path.exists(DRIVER) or shutil.which("syncthing") is None:
        print("ok 1 # SKIP the driver or syncthing is missing")
        return 0

    root = tempfile.mkdtemp(prefix="mix-syncthing-")
    a = b = None
    started = time.monotonic()
    try:
        a, b = Side(root, "a"), Side(root, "b")
        with open(os.path.join(a.folder, "tracker.json"), "w", encoding="utf-8") as f:
            json.dump(SEED, f)
        peer = {"a": {"id": a.id, "name": "a", "port": a.port},
                "b": {"id": b.id, "name": "b", "port": b.port}}
        a.start_syncthing([peer["b"]])
        b.start_syncthing([peer["a"]])
        wait_until("both instances to answer", lambda: a.rest("/rest/system/ping") and
                   b.rest("/rest/system/ping"), 60)
        wait_until("the two instances to connect",
                   lambda: a.rest("/rest/system/connections")["connections"][b.id]["connected"], 120)
        for side in (a, b):
            bad = loopback_only(side.syncthing.pid)
            assert not bad, f"{side.name} uses more than loopback: {bad}"
        wait_until("the second computer's first download", lambda: same_files(a, b), 120)

        for seed, side in ((1, a), (2, b)):
            side.output = os.path.join(root, f"driver-{side.name}.log")
            with open(side.output, "w", encoding="utf-8") as output:
                side.driver = subprocess.Popen([DRIVER, side.folder, side.log, side.name,
                                                str(seed), str(ACTIVE_SECONDS)],
                                               stdout=output, stderr=subprocess.STDOUT)
        # Now and then the computers lose each other for a while, as a laptop
        # does on the move, and both go on editing; the students rest before
        # they meet again. Then the file changed on both sides since they
        # last met, and Syncthing makes a conflicting copy.
        end = time.monotonic() + ACTIVE_SECONDS
        offline = 0
        while time.monotonic() + 30 < end:
            time.sleep(8)
            a.post(f"/rest/system/pause?device={b.id}")
            b.post(f"/rest/system/pause?device={a.id}")
            time.sleep(8)
            for side in (a, b):
                side.driver.send_signal(signal.SIGUSR1)
            time.sleep(3)
            a.post(f"/rest/system/resume?device={b.id}")
            b.post(f"/rest/system/resume?device={a.id}")
            wait_until("the computers to meet again", lambda: a.rest(
                "/rest/system/connections")["connections"][b.id]["connected"], 60)
            try:
                wait_until("the meeting to settle", lambda: settled(a, b), 30)
            except AssertionError:
                pass  # they go on anyway, as students would
            for side in (a, b):
                side.driver.send_signal(signal.SIGUSR2)
            offline += 1
        time.sleep(max(0, end - time.monotonic()))
        for side in (a, b):
            assert side.driver.poll() is None, f"driver {side.name} died"

        converge_seconds = converge(a, b, CONVERGE_TIMEOUT)
        # The drivers save what they hold and stop; then it all settles again.
        for side in (a, b):
            side.driver.send_signal(signal.SIGTERM)
        for side in (a, b):
            side.driver.wait(timeout=60)
            with open(side.output, encoding="utf-8") as f:
                said = [line for line in f if "DEBUG:" not in line and line.strip()]
            assert side.driver.returncode == 0, f"driver {side.name}: {said}"
            side.stats = json.loads(said[-1])
            for line in said[:-1][:10]:
                print(f"# driver {side.name} said: {line.rstrip()}")
        converge(a, b, CONVERGE_TIMEOUT)
        for side in (a, b):
            bad = loopback_only(side.syncthing.pid)
            assert not bad, f"{side.name} uses more than loopback: {bad}"

        final = json.loads(a.tracker())
        lost, n_versions, n_deleted = check_nothing_lost(final, [a.log, b.log])
        copies = sorted(set(a.merged_copies()) | set(b.merged_copies()))
        for side in (a, b):
            st = side.stats
            print(f"# side {side.name}: {st['adds']} adds, {st['edits']} edits "
                  f"({st['shared_edits']} of the shared row, {st['at_once']} of them at the "
                  f"same moment as the other side), {st['deletes']} deletes; "
                  f"merged {st['changes_merged']} changes from the other side and "
                  f"{st['conflict_copies_merged']} conflicting copies")
        print(f"# times the computers lost each other for 8 s: {offline}")
        print(f"# conflicting copies Syncthing wrote (moved aside as .merged): {len(copies)}")
        print(f"# rows at the end: {len(final['tabs']['new-contacts'])}; "
              f"versions checked: {n_versions}; deletions: {n_deleted}")
        print(f"# converged {converge_seconds:.1f} s after the last change, and stayed so; "
              f"whole test {time.monotonic() - started:.0f} s")
        print(f"# sha256 of the file on both sides: {hashlib.sha256(a.tracker()).hexdigest()}")
        print(f"# lost: {len(lost)}")
        for line in lost[:20]:
            print(f"#   {line}")
        assert not lost, f"{len(lost)} rows lost"
        assert len(copies) > 0, "no conflicting copy was made: the test did not test conflicts"
        figures = "; ".join(
            f"{side.name}: {side.stats['adds']} adds, {side.stats['edits']} edits, "
            f"{side.stats['deletes']} deletes" for side in (a, b))
        # The figures in the result line, which meson shows.
        print(f"ok 1 - two computers converge, lost 0 ({figures}; {len(copies)} conflicting "
              f"copies merged; offline {offline} times; converged in {converge_seconds:.0f} s)",
              flush=True)
        return 0
    except Exception as error:  # noqa: BLE001 - reported in TAP
        print(f"not ok 1 - two computers converge, nothing lost: {error}", flush=True)
        for side in (a, b):
            output = getattr(side, "output", None)
            if output is not None and os.path.exists(output):
                with open(output, encoding="utf-8", errors="replace") as f:
                    for line in [l for l in f if "DEBUG:" not in l][-15:]:
                        print(f"# driver {side.name}: {line.rstrip()}")
        for side in (a, b):
            if side is not None:
                log = os.path.join(side.home, "syncthing.log")
                if os.path.exists(log):
                    with open(log, encoding="utf-8", errors="replace") as f:
                        for line in f.readlines()[-15:]:
                            print(f"# {side.name}: {line.rstrip()}")
        return 1
    finally:
        for side in (a, b):
            if side is not None:
                side.stop()
        if os.environ.get("MIX_SYNC_KEEP"):
            print(f"# kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
