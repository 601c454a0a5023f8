#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-reminders.py: the steady-reminders daemon against a real notification server (dunst) on
# the private session bus the test runner provides, reading what arrives with dbus-monitor.
# Prints TAP. Usage: test-reminders.py STEADY-REMINDERS REMINDERS-FIXTURE
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DAEMON, FIXTURE = sys.argv[1], sys.argv[2]
BUS_NAME = "io.github.steadyapp.Steady.Reminders"
OBJECT_PATH = "/io/github/steadyapp/Steady/Reminders"
PRIVATE_MARKER = "PRIVATE-NOTE-7f3a9c"

started = []  # every process this test starts, stopped at the end whatever happens
WORK = None
results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} {name}")
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")
    sys.stdout.flush()


LOGS = []  # (name, path) of each process's output, shown when something fails


def start(name, args, env, stdout=None):
    path = os.path.join(WORK, f"{name}-{len(LOGS)}.log")
    output = open(path, "w")
    LOGS.append((name, path))
    process = subprocess.Popen(args, env=env, stdout=stdout or output, stderr=output)
    started.append(process)
    return process


def show_logs():
    for name, path in LOGS:
        with open(path, errors="replace") as log:
            for line in log.read().splitlines()[-20:]:
                print(f"# {name}: {line}")


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def call(env, method, dest, path, *args, timeout=20):
    return subprocess.run(["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
                           "--method", method, *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


# A string value, which may span lines, up to where dbus-monitor's next item begins.
STRING = re.compile(r'string "(.*?)"'
                    r'(?=\n\s*(?:string|uint32|int32|array|\]|variant|dict|\)|byte|boolean|$))',
                    re.S)


def parse_notifications(path):
    """Each Notify call seen by dbus-monitor: summary, body and the actions array."""
    with open(path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    calls = []
    for block in text.split("member=Notify")[1:]:
        block = block.split("\nmethod call ")[0].split("\nsignal ")[0]
        head, _, rest = block.partition("array [")
        actions_text = rest.split("]")[0]
        strings = STRING.findall(head + "\n]")
        calls.append({
            "raw": block,
            # app name, icon, summary, body; the uint32 in between is not a string
            "summary": strings[2] if len(strings) > 2 else None,
            "body": strings[3] if len(strings) > 3 else None,
            "actions": STRING.findall(actions_text + "\n]"),
        })
    return calls


def name_has_owner(env, name):
    """Asks the bus without activating anything."""
    reply = call(env, "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.DBus",
                 "/org/freedesktop/DBus", name)
    return reply.stdout.strip() == "(true,)"


def daemon_env(base, data_home, config_home):
    env = dict(base)
    env["XDG_DATA_HOME"] = data_home
    env["XDG_CONFIG_HOME"] = config_home
    return env


def run_daemon_until_planned(env):
    """Starts the daemon and waits until it owns its name and has answered a Replan."""
    daemon = start("steady-reminders", [DAEMON], env)
    owned = wait_for(lambda: name_has_owner(env, BUS_NAME), 15)
    return daemon, owned


def main():
    print("1..16")
    base = dict(os.environ)
    if not base.get("DBUS_SESSION_BUS_ADDRESS"):
        print("Bail out! DBUS_SESSION_BUS_ADDRESS is not set: run under dbus-run-session")
        return 1
    if not base.get("DISPLAY"):
        print("Bail out! DISPLAY is not set: run under xvfb-run (dunst needs a display)")
        return 1
    base["LC_ALL"] = "C.UTF-8"
    base["LANGUAGE"] = "C"
    # The daemon reads its settings from a key file the test can write.
    base["GSETTINGS_BACKEND"] = "keyfile"

    global WORK
    WORK = tempfile.mkdtemp(prefix="steady-reminders-test-")
    try:
        status = run_cases(base, WORK)
        if status != 0:
            show_logs()
        return status
    finally:
        for process in reversed(started):
            stop(process)
        shutil.rmtree(WORK, ignore_errors=True)


def run_cases(base, work):
    dunstrc = os.path.join(work, "dunstrc")
    with open(dunstrc, "w") as config:
        config.write("[global]\n    monitor = 0\n    follow = none\n    notification_limit = 0\n"
                     "    history_length = 0\n    idle_threshold = 0\n"
                     "[urgency_normal]\n    timeout = 0\n")
    # G_DEBUG=fatal-warnings is for our programs; dunst's own GLib warnings must not kill it.
    server_env = {k: v for k, v in base.items() if k != "G_DEBUG"}
    dunst = start("dunst", ["dunst", "-config", dunstrc], server_env)
    server_up = wait_for(lambda: name_has_owner(base, "org.freedesktop.Notifications"), 15)
    tap(server_up, "dunst serves org.freedesktop.Notifications on the private bus")
    if not server_up:
        return 1

    log_path = os.path.join(work, "monitor.log")
    log = open(log_path, "w")
    start("dbus-monitor", ["dbus-monitor", "--session",
           "interface='org.freedesktop.Notifications',member='Notify'"], base, stdout=log)
    wait_for(lambda: os.path.getsize(log_path) > 0, 10)

    # Case 1: a reminder due in about three seconds.
    data1, config1 = os.path.join(work, "data1"), os.path.join(work, "config1")
    env1 = daemon_env(base, data1, config1)
    subprocess.run([FIXTURE, "due-in", "3"], env=env1, check=True)
    daemon, owned = run_daemon_until_planned(env1)
    tap(owned, "the daemon owns " + BUS_NAME)
    arrived = wait_for(lambda: len(parse_notifications(log_path)) >= 1, 20)
    # Asked to plan again, it must not send the same reminder twice.
    replan = call(env1, BUS_NAME + ".Replan", BUS_NAME, OBJECT_PATH)
    time.sleep(2)
    notifications = parse_notifications(log_path)
    first = notifications[0] if notifications else {}
    tap(arrived and len(notifications) == 1 and replan.returncode == 0,
        "exactly one Notify for the session due in three seconds",
        f"{len(notifications)} notifications; replan: {replan.stderr}")
    tap(first.get("summary") == "Group therapy" and "Room 2" in (first.get("body") or ""),
        "it is titled with the session and gives its place", first.get("raw", ""))
    tap("Open" in first.get("actions", []) and "Snooze" in first.get("actions", []),
        "it offers the actions Open and Snooze", repr(first.get("actions")))
    tap(PRIVATE_MARKER not in open(log_path).read(), "the session's notes never appear in it")
    sent = subprocess.run([FIXTURE, "count-sent"], env=env1, capture_output=True, text=True)
    tap(sent.stdout.split() == ["1", "0"], "the database records it as sent, on time",
        sent.stdout + sent.stderr)
    stop(daemon)

    # Case 2: after a shutdown — one reminder fell due while the computer was off and its
    # session has not begun; another session has already ended.
    data2, config2 = os.path.join(work, "data2"), os.path.join(work, "config2")
    env2 = daemon_env(base, data2, config2)
    subprocess.run([FIXTURE, "after-shutdown"], env=env2, check=True)
    before = len(parse_notifications(log_path))
    daemon, owned = run_daemon_until_planned(env2)
    arrived = wait_for(lambda: len(parse_notifications(log_path)) > before, 15)
    call(env2, BUS_NAME + ".Replan", BUS_NAME, OBJECT_PATH)
    time.sleep(2)
    new = parse_notifications(log_path)[before:]
    late = new[0] if new else {}
    tap(arrived and len(new) == 1, "exactly one reminder after the shutdown",
        "\n".join(n["raw"] for n in new))
    tap(late.get("summary") == "Individual therapy" and "late" in (late.get("body") or ""),
        "it is for the session still to come, marked late", late.get("raw", ""))
    tap(all(n.get("summary") != "Old session" for n in new),
        "none for the session that has already ended")
    stop(daemon)

    # Restarted, the daemon sends nothing twice.
    before = len(parse_notifications(log_path))
    daemon, owned = run_daemon_until_planned(env2)
    replan = call(env2, BUS_NAME + ".Replan", BUS_NAME, OBJECT_PATH)
    time.sleep(2)
    after = len(parse_notifications(log_path))
    tap(owned and replan.returncode == 0 and after == before,
        "after a restart nothing is sent twice", f"{after - before} new; {replan.stderr}")
    stop(daemon)

    # Discreet notifications: only "Session soon".
    data3, config3 = os.path.join(work, "data3"), os.path.join(work, "config3")
    env3 = daemon_env(base, data3, config3)
    keyfile_dir = os.path.join(config3, "glib-2.0", "settings")
    os.makedirs(keyfile_dir)
    with open(os.path.join(keyfile_dir, "keyfile"), "w") as keyfile:
        keyfile.write("[io/github/steadyapp/Steady]\ndiscreet-notifications=true\n")
    subprocess.run([FIXTURE, "after-shutdown"], env=env3, check=True)
    before = len(parse_notifications(log_path))
    daemon, owned = run_daemon_until_planned(env3)
    wait_for(lambda: len(parse_notifications(log_path)) > before, 15)
    call(env3, BUS_NAME + ".Replan", BUS_NAME, OBJECT_PATH)
    new = parse_notifications(log_path)[before:]
    raw = "".join(n["raw"] for n in new)
    tap(len(new) == 1 and new[0].get("summary") == "Session soon" and not new[0].get("body")
        and "Individual therapy" not in raw and "Clinic" not in raw,
        "a discreet reminder says only \u201cSession soon\u201d", raw)
    stop(daemon)

    # The safety plan is due for review (last reviewed five weeks ago, every four weeks).
    data4, config4 = os.path.join(work, "data4"), os.path.join(work, "config4")
    env4 = daemon_env(base, data4, config4)
    keyfile_dir = os.path.join(config4, "glib-2.0", "settings")
    os.makedirs(keyfile_dir)
    with open(os.path.join(keyfile_dir, "keyfile"), "w") as keyfile:
        keyfile.write("[io/github/steadyapp/Steady]\nsafety-plan-review-weeks=4\n")
    subprocess.run([FIXTURE, "review-due"], env=env4, check=True)
    before = len(parse_notifications(log_path))
    daemon, owned = run_daemon_until_planned(env4)
    arrived = wait_for(lambda: len(parse_notifications(log_path)) > before, 15)
    replan = call(env4, BUS_NAME + ".Replan", BUS_NAME, OBJECT_PATH)
    time.sleep(2)
    new = parse_notifications(log_path)[before:]
    review = new[0] if new else {}
    raw = "".join(n["raw"] for n in new)
    tap(arrived and len(new) == 1 and review.get("summary") == "Time to review your safety plan"
        and PRIVATE_MARKER not in raw,
        "exactly one reminder to review the safety plan, with none of the plan's words", raw)
    tap("Open" in review.get("actions", []) and "Later" in review.get("actions", []),
        "it offers the actions Open and Later", repr(review.get("actions")))
    stop(daemon)

    # Restarted, it does not remind of the same review again.
    before = len(parse_notifications(log_path))
    daemon, owned = run_daemon_until_planned(env4)
    replan = call(env4, BUS_NAME + ".Replan", BUS_NAME, OBJECT_PATH)
    time.sleep(2)
    after = len(parse_notifications(log_path))
    tap(owned and replan.returncode == 0 and after == before,
        "after a restart the review reminder is not shown again",
        f"{after - before} new; {replan.stderr}")
    stop(daemon)

    tap(dunst.poll() is None, "dunst received them all and is still running",
        f"dunst exited with {dunst.returncode}")
    log.close()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
