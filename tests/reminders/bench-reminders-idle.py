#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-reminders-idle.py: the reminder daemon at rest — resident memory (VmRSS) and how often
# it wakes (context switches of all its threads) while nothing is due. Goals: ≤ 8 MiB RSS and
# no wake-ups. Needs a session bus (dbus-run-session). Usage: SCRIPT STEADY-REMINDERS FIXTURE
# Set STEADY_BENCH_IDLE_SECONDS to watch for other than 60 seconds.
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DAEMON, FIXTURE = sys.argv[1], sys.argv[2]
BUS_NAME = "io.github.steadyapp.Steady.Reminders"
SECONDS = int(os.environ.get("STEADY_BENCH_IDLE_SECONDS", "60"))
# (A thread that ends during the watch is not counted; the 20 s settling time avoids that.)


def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def context_switches(pid):
    """Context switches of each thread, by thread id."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as status:
                counts[task] = sum(int(line.split()[1]) for line in status
                                   if line.startswith(("voluntary_ctxt_switches",
                                                       "nonvoluntary_ctxt_switches")))
        except FileNotFoundError:
            pass  # the thread ended meanwhile
    return counts


def main():
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("bench-reminders-idle: run under dbus-run-session", file=sys.stderr)
        return 1
    work = tempfile.mkdtemp(prefix="steady-bench-idle-")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CONFIG_HOME=os.path.join(work, "config"))
    env.pop("G_DEBUG", None)
    daemon = None
    try:
        # A session two hours away: one reminder pending, nothing due.
        subprocess.run([FIXTURE, "due-in", "7200"], env=env, check=True)
        daemon = subprocess.Popen([DAEMON], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        # Returns once a plan has run; then the daemon should sleep until the reminder.
        for _ in range(100):
            if subprocess.run(["gdbus", "call", "--session", "--dest", BUS_NAME,
                               "--object-path", "/io/github/steadyapp/Steady/Reminders",
                               "--method", BUS_NAME + ".Replan"], env=env,
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        # GLib ends idle worker threads (used to run the helper) after 15 s; let that pass.
        time.sleep(20)
        before = context_switches(daemon.pid)
        time.sleep(SECONDS)
        after = context_switches(daemon.pid)
        wakeups = sum(count - before.get(task, 0) for task, count in after.items())
        rss = status_kib(daemon.pid, "VmRSS")
        peak = status_kib(daemon.pid, "VmHWM")
        threads = len(os.listdir(f"/proc/{daemon.pid}/task"))
    finally:
        if daemon is not None and daemon.poll() is None:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'measurement':52s} {'measured':>10s} {'goal':>10s} {'met':>8s}")
    print(f"{'reminder daemon idle, VmRSS':52s} {rss / 1024:7.1f} MiB {8:6d} MiB "
          f"{'yes' if rss <= 8 * 1024 else 'NO':>8s}")
    print(f"{'reminder daemon, peak RSS (VmHWM)':52s} {peak / 1024:7.1f} MiB {'':>10s}")
    print(f"{f'reminder daemon, wake-ups in {SECONDS} s idle':52s} {wakeups:10d} {0:10d} "
          f"{'yes' if wakeups == 0 else 'NO':>8s}")
    print(f"({threads} threads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
