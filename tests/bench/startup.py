#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# startup.py: measures start to first frame and peak memory of steady against the bare
# libadwaita window of PERFORMANCE.md, alternating runs, and prints one table of medians.
#
# Both programs print "first-frame-monotonic-us <t> peak-rss-kib <n>" on their first painted
# frame (STEADY_BENCH_FIRST_FRAME) and quit. The clock is read right before spawning, so the
# difference is process start to first frame. Every run gets a fresh XDG_DATA_HOME and its own
# D-Bus session, so it is always a new primary instance: were a Steady already running on the
# bus, the new process would hand its activation over and paint nothing.

import argparse
import ctypes
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TIME_RATIO_GOAL = 1.25
MEMORY_MARGIN_GOAL_MIB = 20.0
RUN_TIMEOUT = 60.0
STEADY_APPLICATION_ID = "io.github.steadyapp.Steady"
PR_SET_CHILD_SUBREAPER = 36

# Children that live for the whole benchmark (the X server), left alone between runs.
long_lived = set()


class BenchError(Exception):
    pass


def log(text):
    print(text, flush=True)


# ---------------------------------------------------------------------------------------------
# Processes we start, and their descendants.

def dies_with_us(argv):
    """Prefixes @argv so the process is killed if this script dies without cleaning up."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] + argv if setpriv else argv


def become_subreaper():
    """Orphaned descendants (the accessibility bus launcher and its daemons) are re-parented to
    us, so none of them keeps running into the next measurement or after the benchmark."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def child_pids(exclude=()):
    me = str(os.getpid())
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) in exclude:
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:
            pids.append(int(entry))
    return pids


def reap_descendants(timeout=10.0):
    """Waits until every child but the long-lived ones has exited (reaping the orphans we
    adopted); ends any that are still there after @timeout."""
    deadline = time.monotonic() + timeout
    keep = tuple(long_lived)
    while True:
        for pid in child_pids(exclude=keep):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            if done == 0 and time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
        if not child_pids(exclude=keep):
            return
        time.sleep(0.01)


def stop(process, timeout=10.0):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Xvfb:
    """A private X server, so no window manager, compositor or other test shares the display."""

    def __init__(self):
        self.process = None
        self.display = None

    def start(self):
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        long_lived.add(self.process.pid)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise BenchError("Xvfb did not start")
        self.display = ":" + number


class Session:
    """A private D-Bus session with the accessibility bus and its registry already running, as
    on a desktop where someone is logged in."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.daemon = None
        self.address = None

    def start(self):
        runtime_dir = tempfile.mkdtemp(prefix="runtime-", dir=self.workdir)
        env = dict(os.environ, XDG_RUNTIME_DIR=runtime_dir)
        # Without DISPLAY the a11y bus launcher does not publish its address on the X root
        # window (where it would outlive the session): programs ask the session bus for it, as
        # they do on a Wayland desktop.
        env.pop("DISPLAY", None)
        env.pop("AT_SPI_BUS_ADDRESS", None)
        self.daemon = subprocess.Popen(
            dies_with_us(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                          "--print-address=1"]),
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        self.address = self.daemon.stdout.readline().strip()
        if not self.address:
            raise BenchError("dbus-daemon did not print its address")

        from gi.repository import Gio, GLib
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
                 Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        bus = Gio.DBusConnection.new_for_address_sync(self.address, flags, None, None)
        reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 30000, None)
        a11y = Gio.DBusConnection.new_for_address_sync(reply.unpack()[0], flags, None, None)
        a11y.call_sync("org.a11y.atspi.Registry", "/org/a11y/atspi/registry",
                       "org.freedesktop.DBus.Peer", "Ping", None, None,
                       Gio.DBusCallFlags.NONE, 30000, None)
        owned = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus", "NameHasOwner",
                              GLib.Variant("(s)", (STEADY_APPLICATION_ID,)),
                              GLib.VariantType("(b)"), Gio.DBusCallFlags.NONE, 30000,
                              None).unpack()[0]
        if owned:
            raise BenchError("%s is already on the fresh bus" % STEADY_APPLICATION_ID)
        a11y.close_sync(None)
        bus.close_sync(None)

    def stop(self):
        stop(self.daemon)
        self.daemon = None


# ---------------------------------------------------------------------------------------------
# One measured start.

class Program:
    def __init__(self, label, executable, data_template):
        self.label = label
        self.executable = executable
        self.data_template = data_template
        self.times_ms = []
        self.rss_mib = []


def base_environment(args, workdir):
    env = dict(os.environ)
    # meson sets these for tests; they slow malloc down and would be measured.
    for key in ("MALLOC_PERTURB_", "MALLOC_CHECK_", "AT_SPI_BUS_ADDRESS", "LANGUAGE"):
        env.pop(key, None)
    for key in list(env):
        if key.startswith("LC_"):
            del env[key]
    env.update({
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "GSK_RENDERER": "cairo",
        "GSETTINGS_BACKEND": "memory",
        "STEADY_BENCH_FIRST_FRAME": "1",
        # Shared by all runs, as on a desktop: font and icon caches stay warm between starts.
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
        "XDG_STATE_HOME": os.path.join(workdir, "state"),
    })
    if args.schema_dir:
        env["GSETTINGS_SCHEMA_DIR"] = args.schema_dir
    for key in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.makedirs(env[key], mode=0o700, exist_ok=True)
    return env


def fresh_data_home(workdir, template):
    data_home = tempfile.mkdtemp(prefix="data-", dir=workdir)
    if template is not None:
        shutil.copytree(template, data_home, dirs_exist_ok=True)
    return data_home


def parse_first_frame(output):
    for line in output.splitlines():
        words = line.split()
        if len(words) == 4 and words[0] == "first-frame-monotonic-us" and \
           words[2] == "peak-rss-kib":
            return int(words[1]), int(words[3])
    return None


def measure(program, env, display, workdir):
    """Starts @program once in a fresh session and data folder; returns (ms, MiB)."""
    session = Session(workdir)
    data_home = fresh_data_home(workdir, program.data_template)
    try:
        session.start()
        run_env = dict(env, DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=session.address,
                       XDG_DATA_HOME=data_home)
        start_ns = time.monotonic_ns()
        process = subprocess.Popen([program.executable], env=run_env, stdout=subprocess.PIPE,
                                   text=True)
        try:
            output, _ = process.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            stop(process)
            raise BenchError("%s painted no frame within %.0f s" % (program.label, RUN_TIMEOUT))
        if process.returncode != 0:
            raise BenchError("%s exited with status %d" % (program.label, process.returncode))
        frame = parse_first_frame(output)
        if frame is None:
            raise BenchError("%s printed no first-frame line (is it the primary instance, and "
                             "was it built with steady_first_frame_watch()?)" % program.label)
        frame_us, rss_kib = frame
        return (frame_us * 1000 - start_ns) / 1e6, rss_kib / 1024.0, data_home
    finally:
        session.stop()
        reap_descendants()


# ---------------------------------------------------------------------------------------------
# The table.

def spread(values):
    if len(values) >= 4:
        q1, _, q3 = statistics.quantiles(values, n=4)
        return "IQR %.1f–%.1f, range %.1f–%.1f" % (q1, q3, min(values), max(values))
    return "range %.1f–%.1f" % (min(values), max(values))


def report(steady, baseline, database_note):
    time_measured = statistics.median(steady.times_ms)
    time_baseline = statistics.median(baseline.times_ms)
    time_ratio = time_measured / time_baseline
    rss_measured = statistics.median(steady.rss_mib)
    rss_baseline = statistics.median(baseline.rss_mib)
    rss_margin = rss_measured - rss_baseline

    rows = [
        ("start to first frame", "%.1f ms" % time_measured, "%.1f ms" % time_baseline,
         "%.2f×" % time_ratio, "≤ %.2f× baseline" % TIME_RATIO_GOAL,
         time_ratio <= TIME_RATIO_GOAL),
        ("peak memory at first frame", "%.1f MiB" % rss_measured, "%.1f MiB" % rss_baseline,
         "%+.1f MiB" % rss_margin, "≤ baseline + %.0f MiB" % MEMORY_MARGIN_GOAL_MIB,
         rss_margin <= MEMORY_MARGIN_GOAL_MIB),
    ]
    header = ("what", "measured", "baseline", "ratio", "goal", "met")
    table = [header] + [row[:5] + ("yes" if row[5] else "NO",) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]

    log("")
    log("Start-up of steady (%s) against a bare libadwaita window; medians of %d alternating "
        "runs each, Xvfb, GSK_RENDERER=cairo." % (database_note, len(steady.times_ms)))
    log("")
    for i, row in enumerate(table):
        log("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            log("  ".join("-" * w for w in widths))
    log("")
    log("spread (ms):  steady %s;  baseline %s" % (spread(steady.times_ms),
                                                  spread(baseline.times_ms)))
    log("spread (MiB): steady %s;  baseline %s" % (spread(steady.rss_mib),
                                                  spread(baseline.rss_mib)))
    return all(row[5] for row in rows)


def make_database_template(args, workdir, env, display):
    """The data folder every measured steady run starts from: the given database, or the empty
    one a first run of steady creates (a real start opens an existing file)."""
    template = os.path.join(workdir, "template")
    os.makedirs(os.path.join(template, "steady"), mode=0o700)
    if args.database:
        target = os.path.join(template, "steady", "steady.db")
        shutil.copyfile(args.database, target)
        os.chmod(target, 0o600)
        return template, "database %s" % os.path.basename(args.database)

    creator = Program("steady (creating the database)", args.steady, None)
    _, _, data_home = measure(creator, env, display, workdir)
    if not os.path.isfile(os.path.join(data_home, "steady", "steady.db")):
        raise BenchError("the first run of steady created no database")
    shutil.rmtree(template)
    shutil.copytree(data_home, template)
    return template, "empty database"


def run(args):
    workdir = tempfile.mkdtemp(prefix="steady-bench-")
    xvfb = None
    try:
        if args.use_display:
            display = os.environ.get("DISPLAY")
            if not display:
                raise BenchError("--use-display, but DISPLAY is not set")
        else:
            xvfb = Xvfb()
            xvfb.start()
            display = xvfb.display
        env = base_environment(args, workdir)
        template, database_note = make_database_template(args, workdir, env, display)

        baseline = Program("bare window", args.baseline, None)
        steady = Program("steady", args.steady, template)
        for program in (baseline, steady):
            measure(program, env, display, workdir)  # warm-up: caches, page cache

        for i in range(args.runs):
            for program in (baseline, steady):
                ms, mib, data_home = measure(program, env, display, workdir)
                shutil.rmtree(data_home, ignore_errors=True)
                program.times_ms.append(ms)
                program.rss_mib.append(mib)
                if args.verbose:
                    log("run %2d  %-12s %7.1f ms %7.1f MiB" % (i + 1, program.label, ms, mib))
        return report(steady, baseline, database_note)
    finally:
        if xvfb is not None:
            stop(xvfb.process)
            long_lived.discard(xvfb.process.pid)
        reap_descendants()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(
        description="Start-up benchmark: steady against a bare libadwaita window.")
    parser.add_argument("--steady", required=True, help="the steady executable")
    parser.add_argument("--baseline", required=True, help="the bare-window executable")
    parser.add_argument("--database", help="a steady.db to start with (default: the empty "
                        "database a first run creates)")
    parser.add_argument("--runs", type=int, default=11, help="measured runs of each program")
    parser.add_argument("--schema-dir", default=os.environ.get("GSETTINGS_SCHEMA_DIR"),
                        help="where steady's compiled GSettings schema is")
    parser.add_argument("--use-display", action="store_true",
                        help="use $DISPLAY instead of starting a private Xvfb")
    parser.add_argument("--verbose", action="store_true", help="print every run")
    parser.add_argument("--generator", help="steady-bench-data, to measure on generated "
                        "databases too (see --years)")
    parser.add_argument("--years", default="1,5,20",
                        help="with --generator: the journal sizes to measure, in years")
    parser.add_argument("--seed", type=int, default=1, help="with --generator: its seed")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    # Fatal warnings would turn a harmless warning of libatspi or GLib in this process, or in
    # the programs measured, into a lost run; they are the tests' business, not the benchmark's.
    os.environ.pop("G_DEBUG", None)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    become_subreaper()
    # How cost grows: the empty database first, then each generated size, each table with
    # its own baseline runs, alternating as always.
    databases = [args.database]
    generated = None
    if args.generator:
        generated = tempfile.mkdtemp(prefix="steady-bench-startup-")
        for years in (int(y) for y in args.years.split(",") if y.strip()):
            path = os.path.join(generated, "steady-%dy.db" % years)
            subprocess.run([args.generator, "--years", str(years), "--seed", str(args.seed),
                            path], check=True, stdout=subprocess.DEVNULL)
            databases.append(path)
    met = True
    try:
        for database in databases:
            args.database = database
            met = run(args) and met
    except BenchError as error:
        log("error: %s" % error)
        return 2
    finally:
        if generated is not None:
            shutil.rmtree(generated, ignore_errors=True)
    if not met:
        log("A goal is not met (see the table above).")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
