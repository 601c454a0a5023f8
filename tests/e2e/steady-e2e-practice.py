#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-practice.py: starts a box-breathing session in the real steady through the
# accessibility tree, as a screen reader user would, reads the phase change on the real
# clock, stops, and finds the practice in the history; then deletes a pattern of one's own and
# brings it back with Undo, by the buttons' names. Prints TAP.
#
# The session, launching and stderr checks come from steady-e2e.py, loaded from beside us.

import argparse
import importlib.util
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("steady_e2e", os.path.join(HERE, "steady-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

StepFailed = e2e.StepFailed
# Box breathing changes phase every 4 s; allow for a loaded machine and a sanitizer build.
PHASE_TIMEOUT = 20.0


def find_all(root, predicate):
    return [seen for seen in e2e.snapshot(root) if predicate(seen)]


def find_one(what, root, predicate):
    """The first node matching @predicate that is on screen, waiting for it. A control must have
    an action: GTK 4.8 ignores a click on a button that is not shown yet."""
    def found():
        matches = [seen for seen in find_all(root, predicate)
                   if (seen.role == "label" or e2e.n_actions(seen.node) > 0)
                   and e2e.is_laid_out(seen.node)]
        return matches[0] if matches else None
    return e2e.wait_for(what, found)


def window_named(app, title):
    for window in e2e.windows(app):
        if e2e.name(window) == title:
            return window
    return None


def label_text(node):
    """A label's text as a screen reader reads it: its name, which GTK keeps up to date (GTK
    4.8's Text interface of a label answers with an empty string)."""
    return e2e.name(node)


def start_box_breathing(tap, app, window):
    skills = find_one("the Skills page tab", window,
                      lambda s: s.role == "page tab" and s.name == "Skills")
    e2e.activate(skills.node)
    start_row = find_one("the Start Breathing button on the Skills page", window,
                         lambda s: s.role == "push button" and s.name == "Start Breathing")
    e2e.activate(start_row.node)
    try:
        breathing = e2e.wait_for("the Breathing window", lambda: window_named(app, "Breathing"))
    except StepFailed:
        tap.diag("windows: %s" % ", ".join("%s '%s'" % (e2e.role(w), e2e.name(w))
                                           for w in e2e.windows(app)))
        raise
    tap.result(True, "one click on the Skills page's Start Breathing opens the Breathing window")

    start = find_one("the Start Box breathing Now button", breathing,
                     lambda s: s.role == "push button" and s.name == "Start Box breathing Now")
    e2e.activate(start.node)
    return breathing


def check_phase_change(tap, breathing):
    """The phase label reads "Breathe in", then "Hold" once four seconds have passed."""
    phase = find_one("the phase label saying 'Breathe in'", breathing,
                     lambda s: s.role == "label" and s.name == "Breathe in")
    started = time.monotonic()
    e2e.wait_for("the phase label to say 'Hold'", lambda: label_text(phase.node) == "Hold",
                 timeout=PHASE_TIMEOUT)
    waited = time.monotonic() - started
    tap.result(True, "the phase label changes from 'Breathe in' to 'Hold' (after %.1f s)" % waited)
    e2e.wait_for("the phase label to say 'Breathe out'",
                 lambda: label_text(phase.node) == "Breathe out", timeout=PHASE_TIMEOUT)
    tap.result(True, "then to 'Breathe out'")


def stop_and_find_in_history(tap, app, window, breathing):
    stop = find_one("the Stop button", breathing,
                    lambda s: s.role == "push button" and s.name == "Stop")
    e2e.activate(stop.node)
    done = find_one("the Done button", breathing,
                    lambda s: s.role == "push button" and s.name == "Done")
    e2e.activate(done.node)
    e2e.wait_for("the Breathing window to close", lambda: window_named(app, "Breathing") is None)
    e2e.wait_for("the practice in the Skills page's history",
                 lambda: any(s.role == "label" and s.name == "Box breathing"
                             for s in e2e.snapshot(window)))
    tap.result(True, "the stopped practice is listed in the history as 'Box breathing'")


def save_own_pattern(data_home, name):
    """A pattern of the person's own, written beside the running steady as another process
    sharing the file (the reminder service does the same); returns its row as text."""
    db = sqlite3.connect(os.path.join(data_home, "steady", "steady.db"), timeout=10)
    try:
        with db:
            db.execute("INSERT INTO breathing_pattern (name, inhale_tenths, top_up_tenths, "
                       "hold_in_tenths, exhale_tenths, hold_out_tenths, created_us, updated_us) "
                       "VALUES (?, 50, 0, 0, 70, 0, 1000, 2000)", (name,))
        return pattern_row(db, name)
    finally:
        db.close()


def read_pattern_row(data_home, name):
    db = sqlite3.connect(os.path.join(data_home, "steady", "steady.db"), timeout=10)
    try:
        return pattern_row(db, name)
    finally:
        db.close()


def pattern_row(db, name):
    row = db.execute("SELECT id, inhale_tenths, exhale_tenths, created_us, updated_us "
                     "FROM breathing_pattern WHERE name = ?", (name,)).fetchone()
    return None if row is None else ",".join(str(value) for value in row)


def delete_and_undo(tap, app, window, data_home):
    """Only one's own pattern has a Delete button, named for it; Delete takes it away at once,
    and the toast's Undo brings back the very row."""
    saved = save_own_pattern(data_home, "Evening")
    start_row = find_one("the Start Breathing button on the Skills page", window,
                         lambda s: s.role == "push button" and s.name == "Start Breathing")
    e2e.activate(start_row.node)
    breathing = e2e.wait_for("the Breathing window", lambda: window_named(app, "Breathing"))
    find_one("the own pattern's row", breathing,
             lambda s: s.role == "label" and s.name == "Evening")
    seen_nodes = e2e.settled(breathing)
    e2e.check_named(tap, seen_nodes, "the Breathing window with a pattern of one's own")
    deletes = sorted(seen.name for seen in seen_nodes
                     if seen.role == "push button" and seen.name.startswith("Delete"))
    tap.result(deletes == ["Delete Evening"],
               "only the pattern of one's own offers a Delete button, named for it",
               "Delete buttons: %s" % deletes)

    delete = [seen.node for seen in seen_nodes
              if seen.role == "push button" and seen.name == "Delete Evening"
              and e2e.n_actions(seen.node) > 0]
    if not delete:
        raise StepFailed("no Delete Evening button with an action")
    e2e.activate(delete[0])
    # GTK 4.8 names a mnemonic button by its raw and its shown label ("_Undo Undo"), and the
    # toast's button is libadwaita's own; every toast of the app reads so. The toast goes after
    # ten seconds and a walk of the window is slow in a sanitizer build, so one walk finds the
    # Undo button and says what the window shows, and Undo is pressed at once.
    def walk_with_undo():
        seen_nodes = e2e.snapshot(breathing)
        undo = [seen.node for seen in seen_nodes
                if seen.role == "push button" and e2e.n_actions(seen.node) > 0
                and set(seen.name.replace("_", "").split()) == {"Undo"}
                and e2e.is_laid_out(seen.node)]
        return (undo[0], seen_nodes) if undo else None

    undo, seen_nodes = e2e.wait_for("the toast's Undo button", walk_with_undo)
    e2e.activate(undo)
    labels = [seen.name for seen in seen_nodes if seen.role == "label"]
    gone = read_pattern_row(data_home, "Evening") is None
    deleted = "Evening" not in labels and "\u201cEvening\u201d deleted" in labels and gone
    tap.result(deleted,
               "Delete Evening takes the pattern out of the list and the database, and says so",
               None if deleted else "labels shown: %s; gone from the file: %s" % (labels, gone))

    # The toast leaves after Undo; a walk of the window while it goes can meet its nodes gone.
    def back_and_toast_gone():
        labels = [seen.name for seen in e2e.snapshot(breathing) if seen.role == "label"]
        return "Evening" in labels and "\u201cEvening\u201d deleted" not in labels

    e2e.wait_for("the pattern's row to come back and the toast to go", back_and_toast_gone)
    back = read_pattern_row(data_home, "Evening")
    tap.result(back == saved, "Undo brings back the very pattern (row, phases and times)",
               None if back == saved else "before %s, after %s" % (saved, back))
    e2e.close_window(app, breathing)


def run(args, tap):
    workdir = tempfile.mkdtemp(prefix="steady-e2e-practice-")
    session = e2e.PrivateSession(workdir)
    app_process = None
    stderr_watch = None
    try:
        session.start()
        import pyatspi
        pyatspi.setTimeout(e2e.ATSPI_CALL_TIMEOUT_MS, e2e.ATSPI_CALL_TIMEOUT_MS)

        env = e2e.child_environment(workdir, "US")
        app_process = subprocess.Popen(e2e.dies_with_us([args.steady]), env=env,
                                       stderr=subprocess.PIPE)
        stderr_watch = e2e.StderrWatch(app_process.stderr)

        def appeared():
            if app_process.poll() is not None:
                raise StepFailed("steady exited with status %d before its window appeared"
                                 % app_process.returncode)
            app = e2e.find_app(app_process.pid)
            window = e2e.main_window(app) if app is not None else None
            return (app, window) if window is not None else None

        app, window = e2e.wait_for("steady's window", appeared, timeout=e2e.APPEAR_TIMEOUT)
        breathing = start_box_breathing(tap, app, window)
        check_phase_change(tap, breathing)
        stop_and_find_in_history(tap, app, window, breathing)
        delete_and_undo(tap, app, window, env["XDG_DATA_HOME"])

        try:
            e2e.activate(e2e.window_close_button(window))
        except Exception as error:
            tap.diag("closing the window: %s" % error)
        status = app_process.wait(timeout=e2e.STEP_TIMEOUT)
        tap.result(status == 0, "steady quits cleanly after a practice",
                   None if status == 0 else "exit status %d" % status)
    except StepFailed as error:
        tap.result(False, "the practice test could run to the end", str(error))
    except Exception as error:
        exited = app_process.poll() if app_process is not None else None
        tap.result(False, "the practice test could run to the end",
                   "%s: %s%s" % (type(error).__name__, error,
                                 "" if exited is None else " (steady exited with status %d)"
                                 % exited))
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        if stderr_watch is not None:
            stderr_watch.finish()
            tap.result(not stderr_watch.problems,
                       "steady printed no warning, critical or sanitizer report",
                       "\n".join(stderr_watch.problems))
        session.stop()
        e2e.reap_descendants()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    os.environ.pop("G_DEBUG", None)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    parser = argparse.ArgumentParser(description="Breathes with steady through AT-SPI.")
    parser.add_argument("--steady", required=True, help="the steady executable to test")
    args = parser.parse_args()

    tap = e2e.Tap()
    if importlib.util.find_spec("pyatspi") is None:
        tap.result(False, "pyatspi is importable",
                   "run this with /usr/bin/python3 and install python3-pyatspi")
        return tap.finish()
    if not os.environ.get("DISPLAY"):
        tap.result(False, "a display is available", "run under xvfb-run -a")
        return tap.finish()
    e2e.become_subreaper()
    run(args, tap)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
